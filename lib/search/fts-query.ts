// Turns anything a person can type into a safe FTS5 MATCH expression. Raw input is
// never passed to MATCH: `work AND`, `"Almaty`, `e-mail` or `city:x` are FTS syntax
// errors. Every term is quoted; "balanced quotes" make a phrase; a trailing * and the
// last word (still being typed) match as prefixes; AND/OR/NOT/NEAR are plain words
// dropped, since terms already combine with AND.

const MAX_TERMS = 32;
const WORD = /[\p{L}\p{N}]+\*?/gu;
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/** One search term: a phrase of one or more words; `prefix` when its last word may continue. */
export type SearchTerm = { words: string[]; prefix: boolean };

/** The terms in what a person typed, in order, at most MAX_TERMS. */
export function parseSearchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const withoutPhrases = input.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = phrase.match(/[\p{L}\p{N}]+/gu);
    if (words) terms.push({ words, prefix: false });
    return " ";
  });
  const words = withoutPhrases.match(WORD) ?? [];
  const endsInWord = /[\p{L}\p{N}]\*?$/u.test(withoutPhrases);
  words.forEach((word, i) => {
    if (OPERATORS.has(word)) return;
    terms.push({ words: [word.replace(/\*$/, "")], prefix: word.endsWith("*") || (i === words.length - 1 && endsInWord) });
  });
  return terms.slice(0, MAX_TERMS);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The MATCH expression for `input`, or null when it holds no word to look for. */
export function buildFtsQuery(input: string): string | null {
  const terms = parseSearchTerms(input);
  return terms.length ? terms.map((t) => quote(t.words.join(" ")) + (t.prefix ? "*" : "")).join(" ") : null;
}
