import { highlightTerms, type Segment } from "../search/highlight";
import type { SearchTerm } from "../search/fts-query";

/**
 * A quote in its context, the way a concordance shows it: a few words of the paragraph
 * before, the quote with the search's words marked, a few words after. A fragment such as
 * "called it “prudent”" means little alone; with the clause around it, it reads.
 */
export type KeywordInContext = { before: string; segments: Segment[]; after: string };

/** How much of the paragraph to show on each side of the quote, in characters (cut at a word). */
const SIDE = 160;

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

/** The quote with up to SIDE characters of its paragraph on each side, search words marked in the quote. */
export function keywordInContext(quote: { text: string; context: string }, terms: SearchTerm[]): KeywordInContext {
  const marked = terms.length ? highlightTerms(quote.text, terms).segments : [{ text: quote.text, match: false }];
  const at = locateInContext(quote.context, quote.text);
  if (!at) return { before: "", segments: marked, after: "" };
  return {
    before: cutBefore(quote.context.slice(0, at.start)).replace(/^\s+/, ""),
    segments: marked,
    after: cutAfter(quote.context.slice(at.end)).replace(/\s+$/, ""),
  };
}
