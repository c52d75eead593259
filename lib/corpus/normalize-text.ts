// The only differences the verbatim check forgives: typographic quotes, dashes,
// the ellipsis character and runs of whitespace. Everything else (letters, case,
// punctuation, brackets) must match the document exactly.

const SINGLE_QUOTES = /[‘’‚‛′]/;
const DOUBLE_QUOTES = /[“”„‟″«»]/;
const DASHES = /[‐‑‒–—―−]/;
const WHITESPACE = /\s/;

export type NormalizedText = {
  text: string;
  /** offsets[i] is the index in the original string of normalized character i. */
  offsets: number[];
};

export function normalizeText(original: string): NormalizedText {
  let text = "";
  const offsets: number[] = [];
  let inWhitespace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (WHITESPACE.test(ch)) {
      if (!inWhitespace) {
        text += " ";
        offsets.push(i);
      }
      inWhitespace = true;
      continue;
    }
    inWhitespace = false;
    const replacement = SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? "-" : ch === "…" ? "..." : ch;
    text += replacement;
    for (let k = 0; k < replacement.length; k++) offsets.push(i);
  }
  return { text, offsets };
}

/** Collapses runs of whitespace to one space and trims: how quotes and context are stored. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
