import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { htmlToRuns, type CitationRun } from "./citation-runs";
import type { CslItem } from "./csl-items";

// citation-js formats every citation. APA 7 is the official style bundled with its CSL
// plugin; MLA 9 and Chicago author-date (17th edition) are ours (lib/citation/styles),
// registered here. For articles and blog posts they give exactly what the official styles
// give (tests/citation/conformance.test.ts); docs/decisions/005-citation-styles.md lists
// where corpus entries differ, and why.

export const CITATION_STYLES = {
  apa: { label: "APA 7", template: "apa" },
  mla: { label: "MLA 9", template: "voices-mla-9" },
  chicago: { label: "Chicago 17 (author-date)", template: "voices-chicago-author-date-17" },
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

const sameOrganization = (item: CslItem) =>
  item.author?.length === 1 && item.author[0]!.literal !== undefined && item.author[0]!.literal === item.publisher;

/**
 * The item as each manual wants it when one organisation is both author and publisher (a
 * corpus entry: Voices): APA 7 (the publisher, ch. 9) omits the publisher; MLA 9 (the Author element) skips
 * the author and names the organisation as publisher only; Chicago 17 (§14.84, organization as author) keeps both.
 * Identifiers (quote ids) are marked so that no style title-cases them.
 */
export function adaptItemForStyle(item: CslItem, style: CitationStyle): CslItem {
  const adapted: CslItem = {
    ...item,
    title: item.title.replace(/\((quotation|paraphrase) ([a-z0-9-]+)\)/, '($1 <span class="nocase">$2</span>)'),
  };
  if (sameOrganization(item)) {
    if (style === "apa") delete adapted.publisher;
    if (style === "mla") delete adapted.author;
  }
  return adapted;
}

// A voice page formats the same article in every style once per quote; citeproc is slow
// enough (milliseconds per call) for a small memo to matter.
const memo = new Map<string, string>();
const MEMO_SIZE = 2000;

/** Renders with any registered template; the conformance test also renders the official styles through it. */
export function renderCsl(kind: "bibliography" | "citation", item: CslItem, template: string, format: "text" | "html"): string {
  setUp();
  const key = `${kind}\0${template}\0${format}\0${JSON.stringify(item)}`;
  let text = memo.get(key);
  if (text === undefined) {
    text = String(new Cite(item).format(kind, { format, template, lang: "en-US" })).trim();
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, text);
  }
  return text;
}

/** Registers a CSL style under a name (the conformance test registers the official styles). */
export function registerStyle(name: string, xml: string): void {
  setUp();
  const csl = plugins.config.get("@csl");
  if (!csl.styles.has(name)) csl.styles.add(name, xml);
}

/** The reference-list entry, as plain text. */
export function formatReference(item: CslItem, style: CitationStyle): string {
  return renderCsl("bibliography", adaptItemForStyle(item, style), CITATION_STYLES[style].template, "text");
}

/** The reference-list entry, as runs with the style's italics. */
export function formatReferenceRuns(item: CslItem, style: CitationStyle): CitationRun[] {
  return htmlToRuns(renderCsl("bibliography", adaptItemForStyle(item, style), CITATION_STYLES[style].template, "html"));
}

/** The in-text citation, e.g. "(Shapagat et al., 2022)". */
export function formatInText(item: CslItem, style: CitationStyle): string {
  return renderCsl("citation", adaptItemForStyle(item, style), CITATION_STYLES[style].template, "text");
}

/** The in-text citation of a person's words in someone else's article. */
export function formatQuotedIn(item: CslItem, style: CitationStyle, person: string): string {
  const inText = formatInText(item, style);
  const inner = inText.replace(/^\(|\)$/g, "");
  if (style === "mla") return `(qtd. in ${inner})`;
  if (style === "chicago") return `(${person}, quoted in ${inner})`;
  return `(${person}, as cited in ${inner})`;
}
