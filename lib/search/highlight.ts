import { searchTokens } from "./fold-text";
import type { SearchTerm } from "./fts-query";
import { stemWord } from "./porter-stem";

export type Segment = { text: string; match: boolean };

// Marks the words of a search in a quote, the way the full-text indexes matched them:
// the same folding (lib/search/fold-text.ts), the same English stems as FTS5's porter
// tokenizer for bare words, word for word for phrases and place names (any spelling),
// beginnings for prefixes. Done in
// JS, for the quotes on one page, because asking the index to highlight would run the
// whole search again. Folding keeps offsets, so marks sit on the printed characters.

/** The text cut into plain and matched segments, and how many terms matched. */
export function highlightTerms(text: string, terms: SearchTerm[]): { segments: Segment[]; matched: number } {
  const tokens = searchTokens(text);
  const stems = new Map<number, string>();
  const stemAt = (i: number) => {
    let stem = stems.get(i);
    if (stem === undefined) stems.set(i, (stem = stemWord(tokens[i]!.word)));
    return stem;
  };
  const marked = new Array<boolean>(tokens.length).fill(false);
  let matched = 0;
  const wordAt = (i: number, word: string, match: SearchTerm["match"]) => {
    if (match === "stem") return stemAt(i) === word;
    if (match === "prefix") return tokens[i]!.word.startsWith(word);
    return tokens[i]!.word === word;
  };
  for (const term of terms) {
    // each way the term can be written: a place by any of its spellings
    const alternatives = term.match === "place" ? term.spellings : term.match === "stem" ? [[stemWord(term.words[0]!)]] : [term.words];
    let found = false;
    for (const words of alternatives) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (!words.every((word, k) => wordAt(i + k, word, term.match))) continue;
        found = true;
        for (let k = 0; k < words.length; k++) marked[i + k] = true;
      }
    }
    if (found) matched++;
  }
  const pieces: Segment[] = [];
  let cursor = 0;
  tokens.forEach((token, i) => {
    if (!marked[i]) return;
    const gap = text.slice(cursor, token.start);
    // consecutive matched words (a phrase, "Nur-Sultan") make one mark, the spaces or hyphen between them included
    const joins = i > 0 && marked[i - 1] === true && cursor > 0 && /^[\s\u002d\u2010-\u2015]+$/u.test(gap);
    pieces.push({ text: gap, match: joins });
    pieces.push({ text: text.slice(token.start, token.end), match: true });
    cursor = token.end;
  });
  pieces.push({ text: text.slice(cursor), match: false });
  return { segments: joinSegments(pieces), matched };
}

/**
 * Segments with each run of neighbours both marked or both not made one, and empty ones left
 * out: each segment is sent twice, as text and in the page's payload.
 */
export function joinSegments(segments: Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const last = joined.at(-1);
    if (last && last.match === segment.match) joined[joined.length - 1] = { text: last.text + segment.text, match: segment.match };
    else if (segment.text) joined.push(segment);
  }
  return joined;
}
