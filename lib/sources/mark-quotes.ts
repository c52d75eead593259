import { mapLeaves, type Block, type TextLeaf } from "../corpus/parse-document";
import type { Stance } from "../vocabulary";

/** A quote located in a document, with who said it. */
export type LocatedQuote = { id: string; start: number; end: number; voiceSlug: string; voiceName: string; stance: Stance };

/** Text a reader sees; inside a quote it carries the quote, and whether it is the quote's first or last piece. */
export type MarkedText = TextLeaf & { quote: { id: string; first: boolean; last: boolean } | null };

/** The quotes a document highlights, in reading order: a quote overlapping an earlier one is not highlighted twice. */
export function listHighlightedQuotes(quotes: LocatedQuote[]): LocatedQuote[] {
  const kept: LocatedQuote[] = [];
  for (const q of [...quotes].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (q.start >= (kept.at(-1)?.end ?? 0) && q.end > q.start) kept.push(q);
  }
  return kept;
}

/**
 * Cuts the parsed document's text leaves at every highlighted quote's offsets. Offsets stay
 * offsets into the stored text: a quote covers exactly the characters a reader sees between
 * its start and end, however many formatted pieces (a link, bold words) that takes.
 */
export function markQuotes(blocks: Block[], quotes: LocatedQuote[]): Block<MarkedText>[] {
  const highlighted = listHighlightedQuotes(quotes);
  // Leaves come in reading order, so a quote's first piece is the first one made for it.
  const lastPiece = new Map<string, MarkedText>();
  const piece = (leaf: TextLeaf, start: number, end: number, quoteId: string | null): MarkedText => {
    const text = leaf.atomic ? leaf.text : leaf.text.slice(start - leaf.start, end - leaf.start);
    if (quoteId === null) return { type: "text", start, end, text, quote: null };
    const made: MarkedText = { type: "text", start, end, text, quote: { id: quoteId, first: !lastPiece.has(quoteId), last: false } };
    lastPiece.set(quoteId, made);
    return made;
  };
  const marked = mapLeaves(blocks, (leaf): MarkedText[] => {
    const pieces: MarkedText[] = [];
    let cursor = leaf.start;
    for (const q of highlighted) {
      if (q.end <= cursor || q.start >= leaf.end) continue;
      // An atomic leaf (a decoded character reference) is not cut: it belongs to a quote that covers its start.
      if (leaf.atomic) return [piece(leaf, leaf.start, leaf.end, q.start <= leaf.start ? q.id : null)];
      const from = Math.max(q.start, cursor);
      const to = Math.min(q.end, leaf.end);
      if (from > cursor) pieces.push(piece(leaf, cursor, from, null));
      pieces.push(piece(leaf, from, to, q.id));
      cursor = to;
    }
    if (cursor < leaf.end) pieces.push(piece(leaf, cursor, leaf.end, null));
    return pieces;
  });
  for (const made of lastPiece.values()) made.quote!.last = true;
  return marked;
}
