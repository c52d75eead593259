import type { SearchTerm } from "./fts-query";

export type Segment = { text: string; match: boolean };

// Marks the words of a search in a quote, the way the FTS index matched them (SQLite's
// unicode61 tokenizer with remove_diacritics: runs of letters and digits, case and
// accents folded). Done in JS, for the quotes on one page, because asking the index to
// highlight would run the whole search again.

const TOKEN = /[\p{L}\p{N}]+/gu;
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The text cut into plain and matched segments, and how many terms matched. */
export function highlightTerms(text: string, terms: SearchTerm[]): { segments: Segment[]; matched: number } {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
  const marked = new Array<boolean>(tokens.length).fill(false);
  let matched = 0;
  for (const term of terms) {
    const words = term.words.map(fold);
    let found = false;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const hit = words.every((w, k) => {
        const token = tokens[i + k]!.folded;
        return token === w || (term.prefix && k === words.length - 1 && token.startsWith(w));
      });
      if (hit) {
        found = true;
        for (let k = 0; k < words.length; k++) marked[i + k] = true;
      }
    }
    if (found) matched++;
  }
  const segments: Segment[] = [];
  let cursor = 0;
  const push = (segment: Segment) => {
    const last = segments.at(-1);
    if (last && last.match === segment.match) last.text += segment.text;
    else if (segment.text) segments.push(segment);
  };
  tokens.forEach((token, i) => {
    if (!marked[i]) return;
    const gap = text.slice(cursor, token.start);
    // consecutive matched words (a phrase) make one mark, the spaces between them included
    const joins = i > 0 && marked[i - 1] === true && cursor > 0 && /^\s+$/.test(gap);
    push({ text: gap, match: joins });
    push({ text: text.slice(token.start, token.end), match: true });
    cursor = token.end;
  });
  push({ text: text.slice(cursor), match: false });
  return { segments, matched };
}
