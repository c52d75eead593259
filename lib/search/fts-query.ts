import { foldText } from "./fold-text";

// Turns anything a person can type into safe FTS5 MATCH expressions. Raw input is
// never passed to MATCH: `work AND`, `"Almaty`, `e-mail` or `city:x` are FTS syntax
// errors. Every term is quoted; AND/OR/NOT/NEAR are plain words dropped, since terms
// already combine with AND.
//
// Input is folded first (lib/search/fold-text.ts), as the indexed text was. A bare word
// matches its English stem in the stemmed index ("wars" finds "war"); "balanced quotes"
// make a phrase and a trailing * a prefix, both matched word for word in the exact index,
// as are place names, which match every spelling of their place in the gazetteer.
// No word is a prefix unless it says so: the same words in any order find the same
// voices. See docs/decisions/008-stemmed-and-exact-search-indexes.md.

const MAX_TERMS = 32;
const LETTERS = "\\p{L}\\p{N}\\p{Co}\\p{M}";
const WORD = new RegExp(`[${LETTERS}]+\\*?`, "gu");
const PHRASE_WORD = new RegExp(`[${LETTERS}]+`, "gu");
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/**
 * One search term, its words folded: a bare word matched by its stem, a phrase (one or
 * more words, in order, exactly), the beginning of a word, or a place name, which matches
 * any of the place's spellings in the gazetteer (each a phrase).
 */
export type SearchTerm =
  { match: "stem" | "phrase" | "prefix"; words: string[] } | { match: "place"; words: string[]; spellings: string[][] };

/** Each place's spellings (its name and aliases), for place names typed in a search. */
export type PlaceSpellings = readonly (readonly string[])[];

const wordsOf = (text: string) => (text.match(PHRASE_WORD) ?? []).map((w) => w.replace(/\p{M}/gu, "")).filter(Boolean);
// between two words of one place name ("Nur-Sultan", "Alma Ata"): spaces, hyphens, dashes
const JOINS_NAME = /^[\s\u002d\u2010-\u2015]*$/u;

/** Every spelling as folded words, longest first, by its first word. */
function indexSpellings(places: PlaceSpellings): Map<string, { words: string[]; spellings: string[][] }[]> {
  const byFirst = new Map<string, { words: string[]; spellings: string[][] }[]>();
  for (const names of places) {
    const spellings = names.map((name) => wordsOf(foldText(name))).filter((words) => words.length > 0);
    for (const words of spellings) {
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, spellings });
      byFirst.set(
        words[0]!,
        list.sort((a, b) => b.words.length - a.words.length),
      );
    }
  }
  return byFirst;
}

/** The terms in what a person typed, folded, without repeats, at most MAX_TERMS. */
export function parseSearchTerms(input: string, places: PlaceSpellings = []): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (term: SearchTerm) => {
    const key = `${term.match}:${term.words.join(" ")}`;
    if (term.words.length && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
  };
  // folding keeps the length, so an offset into `folded` is one into `input` (for AND, OR…)
  const folded = foldText(input);
  const rest = folded.replace(/"([^"]*)"/g, (_, phrase: string) => {
    add({ words: wordsOf(phrase), match: "phrase" });
    return " ".repeat(phrase.length + 2);
  });
  const bare = [...rest.matchAll(WORD)]
    .filter((m) => !OPERATORS.has(input.slice(m.index, m.index + m[0].length)))
    .map((m) => ({ words: wordsOf(m[0]), prefix: m[0].endsWith("*"), start: m.index, end: m.index + m[0].length }));
  const spellingsByFirst = indexSpellings(places);
  for (let i = 0; i < bare.length; i++) {
    const { words, prefix } = bare[i]!;
    if (!prefix && words.length === 1) {
      // the longest place name that these words, typed one after another, spell
      const place = spellingsByFirst.get(words[0]!)?.find((candidate) =>
        candidate.words.every((word, k) => {
          const typed = bare[i + k];
          return (
            typed !== undefined &&
            !typed.prefix &&
            typed.words.length === 1 &&
            typed.words[0] === word &&
            (k === 0 || JOINS_NAME.test(rest.slice(bare[i + k - 1]!.end, typed.start)))
          );
        }),
      );
      if (place) {
        add({ match: "place", words: place.words, spellings: place.spellings });
        i += place.words.length - 1;
        continue;
      }
    }
    add({ words, match: prefix ? "prefix" : "stem" });
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * What to ask the two full-text indexes of a table: `stemmed` for the stemmed index (bare
 * words and phrases), `exact` for the unstemmed one (phrases and prefixes). A row matches
 * when it matches both that are given. `narrow` when the query has a phrase of several
 * words, and so usually matches few rows even when its words are common: search then
 * matches it once, ranked, rather than first for its rowids (see find-text-matches.ts).
 */
export type FtsQuery = { stemmed: string | null; exact: string | null; narrow: boolean };

const quote = (words: string[]) => `"${words.join(" ").replace(/"/g, '""')}"`;
const termExpression = (term: SearchTerm) => {
  if (term.match === "place") return `(${term.spellings.map(quote).join(" OR ")})`;
  return quote(term.words) + (term.match === "prefix" ? "*" : "");
};
const expression = (terms: SearchTerm[]) => (terms.length ? terms.map(termExpression).join(" AND ") : null);

/**
 * The MATCH expressions for `input`, or null when it holds no word to look for. A place
 * name in `places` matches every spelling of its place ("Nur-Sultan" finds "Astana").
 */
export function buildFtsQuery(input: string, places: PlaceSpellings = []): FtsQuery | null {
  return toFtsQuery(parseSearchTerms(input, places));
}

/** The MATCH expressions for terms from parseSearchTerms, or null when there are none. */
export function toFtsQuery(terms: SearchTerm[]): FtsQuery | null {
  if (!terms.length) return null;
  return {
    // a phrase matches its stems too, which ranks it with the rest; the exact index then keeps the true phrases
    stemmed: expression(terms.filter((t) => t.match === "stem" || t.match === "phrase")),
    exact: expression(terms.filter((t) => t.match !== "stem")),
    // several bare words are not narrow: common words often meet in more quotes than RANK_CAP
    narrow: terms.some((t) => t.match === "phrase" && t.words.length > 1),
  };
}
