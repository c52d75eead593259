import type { ExportVoice } from "./find-export-voices";

/** All voices as one pretty-printed JSON array; the words are written exactly as stored. */
export function formatJson(voices: ExportVoice[]): string {
  return `${JSON.stringify(voices, null, 2)}\n`;
}
