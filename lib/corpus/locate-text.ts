import { collapseWhitespace, normalizeText, type NormalizedText } from "./normalize-text";

export type Span = { start: number; end: number };

type Located = Span & {
  /** The matched words as the document prints them (parts joined by " … " when an ellipsis joined them). */
  text: string;
  parts: Span[];
};

export type LocateResult = { ok: true; value: Located } | { ok: false; reason: string };

const ELLIPSIS = /\s*\.\.\.\s*/;
const PARAGRAPH_BREAK = /\n\s*\n/g;

function allIndexes(haystack: string, needle: string, from = 0, to = haystack.length): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle, from); i !== -1 && i + needle.length <= to; i = haystack.indexOf(needle, i + 1)) {
    found.push(i);
  }
  return found;
}

/** The longest start of `needle` that does occur in `haystack`, to show where a mismatch begins. */
function longestMatchedPrefix(haystack: string, needle: string): string {
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return needle.slice(0, lo);
}

function toOriginal(doc: NormalizedText, start: number, length: number): Span {
  return { start: doc.offsets[start]!, end: doc.offsets[start + length - 1]! + 1 };
}

/** Start and end (original offsets) of the paragraph containing `span`. */
function paragraphBounds(document: string, span: Span): Span {
  let start = 0;
  let end = document.length;
  for (const m of document.matchAll(PARAGRAPH_BREAK)) {
    const breakEnd = m.index + m[0].length;
    if (breakEnd <= span.start) start = breakEnd;
    else if (m.index >= span.end) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/**
 * Finds `quote` verbatim in `document`, forgiving only what normalizeText forgives.
 * An ellipsis in the quote may join parts that appear in order within one paragraph.
 * `occurrence` (1-based) picks among repeated matches; a repeated match without it is
 * an error, so that nobody anchors a quote to a pull-quote by accident.
 */
export function locateText(
  document: string,
  quote: string,
  occurrence?: number,
  normalizedDocument = normalizeText(document),
): LocateResult {
  const doc = normalizedDocument;
  const needle = normalizeText(quote.trim()).text;
  if (needle.length === 0) return { ok: false, reason: "the text is empty" };

  const pick = (count: number): number | string => {
    if (occurrence === undefined) {
      return count === 1 ? 0 : `the text appears ${count} times; add "occurrence: n" to say which`;
    }
    return occurrence <= count ? occurrence - 1 : `occurrence ${occurrence} was asked for but the text appears ${count} time(s)`;
  };

  const whole = allIndexes(doc.text, needle);
  if (whole.length > 0) {
    const index = pick(whole.length);
    if (typeof index === "string") return { ok: false, reason: index };
    const span = toOriginal(doc, whole[index]!, needle.length);
    return { ok: true, value: { ...span, text: collapseWhitespace(document.slice(span.start, span.end)), parts: [span] } };
  }

  const pieces = needle.split(ELLIPSIS).filter((p) => p.length > 0);
  if (pieces.length > 1) {
    const firsts = allIndexes(doc.text, pieces[0]!);
    const joined = firsts.map((first) => joinParts(doc, document, pieces, first)).filter((parts): parts is Span[] => parts !== null);
    if (joined.length > 0) {
      const index = pick(joined.length);
      if (typeof index === "string") return { ok: false, reason: index };
      const parts = joined[index]!;
      return {
        ok: true,
        value: {
          start: parts[0]!.start,
          end: parts.at(-1)!.end,
          text: parts.map((p) => collapseWhitespace(document.slice(p.start, p.end))).join(" … "),
          parts,
        },
      };
    }
  }

  const prefix = longestMatchedPrefix(doc.text, needle);
  return {
    ok: false,
    reason:
      prefix.length === 0
        ? "not found in the document"
        : `not found in the document; it matches up to: "${prefix}" and differs from "${needle.slice(prefix.length, prefix.length + 40)}"`,
  };
}

function joinParts(doc: NormalizedText, document: string, pieces: string[], first: number): Span[] | null {
  const parts = [toOriginal(doc, first, pieces[0]!.length)];
  const paragraph = paragraphBounds(document, parts[0]!);
  let cursor = first + pieces[0]!.length;
  for (const piece of pieces.slice(1)) {
    const next = doc.text.indexOf(piece, cursor);
    if (next === -1) return null;
    const span = toOriginal(doc, next, piece.length);
    if (span.end > paragraph.end) return null;
    parts.push(span);
    cursor = next + piece.length;
  }
  return parts;
}
