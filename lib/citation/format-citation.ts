import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import type { CslItem } from "./csl-items";

// citation-js formats every citation. APA 7 is the official style bundled with its CSL
// plugin; MLA 9 and Chicago author-date are ours (lib/citation/styles), registered here.

export const CITATION_STYLES = {
  apa: { label: "APA 7", template: "apa" },
  mla: { label: "MLA 9", template: "voices-mla-9" },
  chicago: { label: "Chicago (author-date)", template: "voices-chicago-author-date-17" },
} as const;
export type CitationStyle = keyof typeof CITATION_STYLES;

const STYLE_DIR = path.join(process.cwd(), "lib/citation/styles");
let registered = false;

function setUp() {
  if (registered) return;
  const csl = plugins.config.get("@csl");
  csl.styles.add("voices-mla-9", readFileSync(path.join(STYLE_DIR, "mla-9.csl"), "utf8"));
  csl.styles.add("voices-chicago-author-date-17", readFileSync(path.join(STYLE_DIR, "chicago-author-date-17.csl"), "utf8"));
  // BibTeX output transliterates non-ASCII names to nothing unless told not to.
  plugins.config.get("@bibtex").format.asciiOnly = false;
  registered = true;
}

// A voice page formats the same article in every style once per quote; citeproc is slow
// enough (milliseconds per call) for a small memo to matter.
const memo = new Map<string, string>();
const MEMO_SIZE = 2000;

function format(kind: "bibliography" | "citation", item: CslItem, style: CitationStyle): string {
  setUp();
  const key = `${kind}\0${style}\0${JSON.stringify(item)}`;
  let text = memo.get(key);
  if (text === undefined) {
    text = String(new Cite(item).format(kind, { format: "text", template: CITATION_STYLES[style].template, lang: "en-US" })).trim();
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, text);
  }
  return text;
}

/** The reference-list entry, as plain text. */
export function formatReference(item: CslItem, style: CitationStyle): string {
  return format("bibliography", item, style);
}

/** The in-text citation, e.g. "(Shapagat et al., 2022)". */
export function formatInText(item: CslItem, style: CitationStyle): string {
  return format("citation", item, style);
}

/** The in-text citation of a person's words in someone else's article. */
export function formatQuotedIn(item: CslItem, style: CitationStyle, person: string): string {
  const inText = formatInText(item, style);
  const inner = inText.replace(/^\(|\)$/g, "");
  if (style === "mla") return `(qtd. in ${inner})`;
  if (style === "chicago") return `(${person}, quoted in ${inner})`;
  return `(${person}, as cited in ${inner})`;
}

export function formatBibtex(items: CslItem[]): string {
  setUp();
  return String(new Cite(items).format("bibtex", { format: "text" }));
}

/**
 * RIS in the original (2011) tag set, which every reference manager reads; citation-js's
 * newer mapping drops newspaper authors. citation-js also wraps every value at 70
 * characters, which breaks URLs and quotes for importers, so the lines are joined again.
 */
export function formatRis(items: CslItem[]): string {
  setUp();
  const wrapped = String(new Cite(items).format("ris", { format: "text", spec: "old" }));
  const joined = wrapped.replace(/\n(?![A-Z][A-Z0-9] {2}-( |$))/g, "");
  // the old tag set cuts IDs to 20 characters, which makes them collide: restore them in order
  let n = 0;
  return joined.replace(/^ID {2}- .*$/gm, () => `ID  - ${items[n++]!.id}`);
}
