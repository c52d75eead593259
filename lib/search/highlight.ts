/** Markers FTS puts around matched words; control characters never present in the corpus. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export type Segment = { text: string; match: boolean };

/** Splits FTS highlight() output into plain and matched segments (rendered as text, never HTML). */
export function toSegments(highlighted: string): Segment[] {
  const segments: Segment[] = [];
  for (const [i, piece] of highlighted.split(MARK_START).entries()) {
    if (i === 0) {
      if (piece) segments.push({ text: piece, match: false });
      continue;
    }
    const [matched = "", rest = ""] = piece.split(MARK_END);
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}
