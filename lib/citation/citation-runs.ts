// A formatted citation as runs of plain and italic text. citeproc renders HTML; the app
// never injects HTML into a page, so the HTML becomes runs that React renders as <i> and
// text, and that the copy buttons put on the clipboard as text/html and text/plain.

/** A citation as runs of text, each italic or not. */
export type CitationRun = { text: string; italic: boolean };

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#38;": "&",
  "&#60;": "<",
  "&#62;": ">",
  "&#39;": "'",
  "&nbsp;": "\u00a0",
};
const decode = (s: string) => s.replace(/&(#\d+|[a-z]+);/g, (m) => ENTITIES[m] ?? m);

/**
 * citeproc's HTML as runs of plain and italic text: only <i> (and font-style spans) carry
 * meaning for these styles; every other tag is dropped and entities decoded, so the runs
 * are plain text that React escapes.
 */
export function htmlToRuns(html: string): CitationRun[] {
  const runs: CitationRun[] = [];
  let italic = 0;
  for (const part of html.replace(/<div class="csl-[a-z]+">|<\/div>/g, "").split(/(<[^>]+>)/)) {
    if (!part) continue;
    if (part.startsWith("<")) {
      if (/^<i\b|^<span style="font-style:\s*italic/.test(part)) italic++;
      else if (/^<\/i>/.test(part)) italic--;
      else if (/^<span style="font-style:\s*normal/.test(part)) italic = 0;
      continue;
    }
    const text = decode(part);
    const last = runs.at(-1);
    if (last && last.italic === italic > 0) last.text += text;
    else runs.push({ text, italic: italic > 0 });
  }
  if (runs[0]) runs[0].text = runs[0].text.trimStart();
  if (runs.at(-1)) runs.at(-1)!.text = runs.at(-1)!.text.trimEnd();
  return runs;
}

/** The runs as plain text, for text/plain on the clipboard. */
export const runsToText = (runs: CitationRun[]) => runs.map((r) => r.text).join("");

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The runs as HTML with <i> for italics, for text/html on the clipboard (word processors keep the italics). */
export const runsToHtml = (runs: CitationRun[]) =>
  runs.map((r) => (r.italic ? `<i>${escapeHtml(r.text)}</i>` : escapeHtml(r.text))).join("");
