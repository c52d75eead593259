import { highlightTerms, joinSegments, type Segment } from "../search/highlight";
import type { SearchTerm } from "../search/fts-query";

/**
 * A quote in its context, the way a concordance shows it: a few words of the paragraph
 * before, the quote with the search's words marked, a few words after. A fragment such as
 * "called it “prudent”" means little alone; with the clause around it, it reads.
 */
export type KeywordInContext = {
  before: string;
  segments: Segment[];
  after: string;
  /** True when the quote is longer than a result shows: `segments` hold an excerpt, "…" where it is cut. */
  excerpt: boolean;
};

/** How much of the paragraph to show on each side of the quote, in characters (cut at a word). */
const SIDE = 160;

/**
 * How much of a long quote a result shows, in characters, cut at words: a window around the
 * first word the search matched, else the quote's beginning. Twenty results of quotes of up
 * to 450 characters carried 7,400 characters of quotes, twice (HTML and React payload),
 * at a million quotes; the whole quote is on its speaker's page, a link away (QuoteInContextLine).
 */
export const QUOTE_SHOWN = 200;
/** How much of the shown window comes before the first match, when there is one. */
const LEAD = 60;

/** The characters [from, to) of marked segments, as segments. */
function sliceSegments(segments: Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of segments) {
    const [a, b] = [Math.max(from, at), Math.min(to, at + s.text.length)];
    if (a < b) out.push({ text: s.text.slice(a - at, b - at), match: s.match });
    at += s.text.length;
  }
  return out;
}

/** At most QUOTE_SHOWN characters of the quote, around its first match, cut at spaces, with "…" at each cut end. */
function excerptOf(segments: Segment[]): { segments: Segment[]; excerpt: boolean } {
  const text = segments.map((s) => s.text).join("");
  if (text.length <= QUOTE_SHOWN) return { segments, excerpt: false };
  let match = 0;
  for (const s of segments) {
    if (s.match) break;
    match += s.text.length;
  }
  // no match: the beginning; else the match LEAD characters in, or the end of the quote
  let from = match >= text.length ? 0 : Math.max(0, Math.min(match - LEAD, text.length - QUOTE_SHOWN));
  let to = from + QUOTE_SHOWN;
  const spaceAfter = text.indexOf(" ", from);
  if (from > 0 && spaceAfter !== -1 && spaceAfter < match) from = spaceAfter + 1;
  const spaceBefore = text.lastIndexOf(" ", to);
  if (to < text.length && spaceBefore > from) to = spaceBefore;
  const shown = sliceSegments(segments, from, to);
  return {
    segments: joinSegments([
      ...(from > 0 ? [{ text: "… ", match: false }] : []),
      ...shown,
      ...(to < text.length ? [{ text: " …", match: false }] : []),
    ]),
    excerpt: true,
  };
}

/** Where `quote` stands in `context`, whitespace aside; null when the paragraph does not hold it. */
function locateInContext(context: string, quote: string): { start: number; end: number } | null {
  const exact = context.indexOf(quote);
  if (exact !== -1) return { start: exact, end: exact + quote.length };
  // the stored words may differ from the paragraph in line breaks and runs of spaces
  const words = quote
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const found = new RegExp(words.join("\\s+")).exec(context);
  return found ? { start: found.index, end: found.index + found[0].length } : null;
}

function cutBefore(text: string): string {
  if (text.length <= SIDE) return text;
  const cut = text.slice(-SIDE);
  const space = cut.indexOf(" ");
  return `…${space === -1 ? cut : cut.slice(space)}`;
}

function cutAfter(text: string): string {
  if (text.length <= SIDE) return text;
  const cut = text.slice(0, SIDE);
  const space = cut.lastIndexOf(" ");
  return `${space === -1 ? cut : cut.slice(0, space)} …`;
}

/**
 * The quote, or QUOTE_SHOWN characters of a long one, with up to SIDE characters of its
 * paragraph on each side, search words marked in the quote.
 */
export function keywordInContext(quote: { text: string; context: string }, terms: SearchTerm[]): KeywordInContext {
  const marked = excerptOf(terms.length ? highlightTerms(quote.text, terms).segments : [{ text: quote.text, match: false }]);
  const at = locateInContext(quote.context, quote.text);
  if (!at) return { before: "", ...marked, after: "" };
  return {
    before: cutBefore(quote.context.slice(0, at.start)).replace(/^\s+/, ""),
    ...marked,
    after: cutAfter(quote.context.slice(at.end)).replace(/\s+$/, ""),
  };
}
