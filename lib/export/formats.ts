import type { ExportVoice } from "./find-export-voices";
import { formatJson } from "./format-json";

/** Export formats by id. The export issue adds csv, jsonl, md, bibtex, ris and csl-json here. */
export const EXPORT_FORMATS = {
  json: { label: "JSON", mediaType: "application/json", format: formatJson },
} as const satisfies Record<string, { label: string; mediaType: string; format: (voices: ExportVoice[]) => string }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]];
