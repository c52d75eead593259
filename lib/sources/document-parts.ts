import type { Block } from "../corpus/parse-document";
import { parsePageNumber } from "../pages/page-number";

/**
 * How much a part of a document holds, unless one block alone is more: its characters of
 * stored text, and QUOTE_WEIGHT for each quote it highlights, whose label, links and list
 * button weigh about as much as 500 characters of text do. The real articles weigh up to
 * 22,800 (9,763 characters and 26 quotes) and stay one part; a synthetic source that prints
 * a thousand quotes (327,000 characters) is read in parts of about 29 quotes, each about
 * 200 KB of HTML with its React payload (docs/performance.md), under the 300 KB every page keeps to.
 */
export const PART_WEIGHT = 24_000;
export const QUOTE_WEIGHT = 500;

/** A run of whole top-level blocks: `blocks` indexes into the document's blocks; `start` and `end` are offsets into the stored text. */
export type DocumentPart = { number: number; first: number; last: number; start: number; end: number };

/**
 * Cuts a document's blocks into parts weighing at most `weight` (PART_WEIGHT), at block
 * boundaries (paragraphs, headings, lists kept whole), never inside a quote: a boundary a
 * quote runs across is moved to the next block. Part 1 starts at offset 0 and the last part
 * runs to the end, so every offset of the text falls in exactly one part.
 */
export function splitIntoParts(blocks: Block<unknown>[], quotes: { start: number; end: number }[], weight = PART_WEIGHT): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const starts = quotes.map((q) => q.start).sort((a, b) => a - b);
  // quotes starting before `offset`: a binary search, so a thousand-quote text splits in linear time
  const quotesBefore = (offset: number) => {
    let [lo, hi] = [0, starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let first = 0;
  const close = (last: number, end: number) => {
    parts.push({ number: parts.length + 1, first, last, start: parts.at(-1)?.end ?? 0, end });
    first = last + 1;
  };
  for (let i = 1; i < blocks.length; i++) {
    const boundary = blocks[i]!.start;
    const partStart = parts.at(-1)?.end ?? 0;
    const quoted = quotesBefore(blocks[i]!.end) - quotesBefore(partStart);
    if (blocks[i]!.end - partStart + quoted * QUOTE_WEIGHT <= weight) continue;
    const crossed = quotes.some((q) => q.start < boundary && q.end > blocks[i - 1]!.end);
    if (!crossed && i > first) close(i - 1, boundary);
  }
  if (blocks.length > 0 || parts.length === 0) close(Math.max(blocks.length - 1, first), Number.MAX_SAFE_INTEGER);
  return parts;
}

/** The part that holds the character at `offset`. */
export function findPartAt(parts: DocumentPart[], offset: number): DocumentPart {
  return parts.find((p) => offset >= p.start && offset < p.end) ?? parts[0]!;
}

/**
 * The part a source page shows: `?part=N` (a whole number from 1 to the number of parts),
 * else the part holding `?quote=<id>`, else part 1. Null when either names nothing here:
 * the page answers 404 and the not-found page names the parameter (explainNotFound).
 */
export function choosePart(
  parts: DocumentPart[],
  quotes: { id: string; start: number }[],
  param: { part: string | undefined; quote: string | undefined },
): DocumentPart | null {
  if (param.part !== undefined) {
    const n = parsePageNumber(param.part, parts.length);
    return n === null ? null : parts[n - 1]!;
  }
  if (param.quote !== undefined) {
    const quote = quotes.find((q) => q.id === param.quote);
    return quote ? findPartAt(parts, quote.start) : null;
  }
  return parts[0] ?? null;
}
