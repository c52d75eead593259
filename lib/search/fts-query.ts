// Turns anything a person can type into a safe FTS5 MATCH expression. Raw input is
// never passed to MATCH: `work AND`, `"Almaty`, `e-mail` or `city:x` are FTS syntax
// errors. Every term is quoted; "balanced quotes" make a phrase; a trailing * and the
// last word (still being typed) match as prefixes; AND/OR/NOT/NEAR are plain words
// dropped, since terms already combine with AND.

const MAX_TERMS = 32;
const WORD = /[\p{L}\p{N}]+\*?/gu;
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The MATCH expression for `input`, or null when it holds no word to look for. */
export function buildFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const withoutPhrases = input.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = phrase.match(/[\p{L}\p{N}]+/gu);
    if (words) parts.push(quote(words.join(" ")));
    return " ";
  });
  const words = withoutPhrases.match(WORD) ?? [];
  const endsInWord = /[\p{L}\p{N}]\*?$/u.test(withoutPhrases);
  words.forEach((word, i) => {
    if (OPERATORS.has(word)) return;
    const bare = word.replace(/\*$/, "");
    const prefix = word.endsWith("*") || (i === words.length - 1 && endsInWord);
    parts.push(quote(bare) + (prefix ? "*" : ""));
  });
  return parts.length ? parts.slice(0, MAX_TERMS).join(" ") : null;
}
