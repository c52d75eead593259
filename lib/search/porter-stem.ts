// English stemming exactly as SQLite's FTS5 "porter" tokenizer does it, so that the
// highlighter marks the words the index matched ("wars" marks "war"). FTS5 stems the
// UTF-8 bytes of each token the unicode61 tokenizer produced (already lowercase, without
// diacritics): tokens shorter than 3 or longer than 64 bytes pass through, and any byte
// that is not an ASCII vowel counts as a consonant. This follows Porter's algorithm as
// SQLite's fts5_porter code writes it, step for step; tests/search/porter-stem.test.ts
// compares it with SQLite over every word of the corpus.

const MAX_TOKEN = 64;

type Condition = (stem: string) => boolean;
type Rule = [suffix: string, condition: Condition, replacement: string];

const isVowel = (c: string, yIsVowel: boolean) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || (yIsVowel && c === "y");

/** The length of the stem's first vowel-consonant sequence (0 when there is none), starting after a consonant or not. */
function gobbleVC(stem: string, previousConsonant: boolean): number {
  let consonant = previousConsonant;
  let i = 0;
  for (; i < stem.length; i++) if (!(consonant = !isVowel(stem[i]!, consonant))) break;
  for (i++; i < stem.length; i++) if ((consonant = !isVowel(stem[i]!, consonant))) return i + 1;
  return 0;
}

const mGt0: Condition = (stem) => gobbleVC(stem, false) > 0;
const mGt1: Condition = (stem) => {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) > 0;
};
const mEq1: Condition = (stem) => {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) === 0;
};
/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
const oStar: Condition = (stem) => {
  const last = stem.at(-1);
  if (last === "w" || last === "x" || last === "y") return false;
  let mask = 0;
  let consonant = false;
  for (const c of stem) {
    consonant = !isVowel(c, consonant);
    mask = (mask << 1) + Number(consonant);
  }
  return (mask & 7) === 5;
};
const mGt1SorT: Condition = (stem) => (stem.endsWith("s") || stem.endsWith("t")) && mGt1(stem);
const hasVowel: Condition = (stem) => [...stem].some((c, i) => isVowel(c, i > 0));

// Within a step the first rule whose suffix ends the word (and is shorter than it) decides,
// whether or not its condition holds.
const STEP_1B: Rule[] = [
  ["eed", mGt0, "ee"],
  ["ed", hasVowel, ""],
  ["ing", hasVowel, ""],
];
const STEP_1B2: [string, string][] = [
  ["at", "ate"],
  ["bl", "ble"],
  ["iz", "ize"],
];
const STEP_2: Rule[] = [
  ["ational", mGt0, "ate"],
  ["tional", mGt0, "tion"],
  ["enci", mGt0, "ence"],
  ["anci", mGt0, "ance"],
  ["izer", mGt0, "ize"],
  ["logi", mGt0, "log"],
  ["bli", mGt0, "ble"],
  ["alli", mGt0, "al"],
  ["entli", mGt0, "ent"],
  ["eli", mGt0, "e"],
  ["ousli", mGt0, "ous"],
  ["ization", mGt0, "ize"],
  ["ation", mGt0, "ate"],
  ["ator", mGt0, "ate"],
  ["alism", mGt0, "al"],
  ["iveness", mGt0, "ive"],
  ["fulness", mGt0, "ful"],
  ["ousness", mGt0, "ous"],
  ["aliti", mGt0, "al"],
  ["iviti", mGt0, "ive"],
  ["biliti", mGt0, "ble"],
];
const STEP_3: Rule[] = [
  ["ical", mGt0, "ic"],
  ["ness", mGt0, ""],
  ["icate", mGt0, "ic"],
  ["iciti", mGt0, "ic"],
  ["ful", mGt0, ""],
  ["ative", mGt0, ""],
  ["alize", mGt0, "al"],
];
const STEP_4: Rule[] = [
  ["al", mGt1, ""],
  ["ance", mGt1, ""],
  ["ence", mGt1, ""],
  ["er", mGt1, ""],
  ["ic", mGt1, ""],
  ["able", mGt1, ""],
  ["ible", mGt1, ""],
  ["ant", mGt1, ""],
  ["ement", mGt1, ""],
  ["ment", mGt1, ""],
  ["ent", mGt1, ""],
  ["ion", mGt1SorT, ""],
  ["ou", mGt1, ""],
  ["ism", mGt1, ""],
  ["ate", mGt1, ""],
  ["iti", mGt1, ""],
  ["ous", mGt1, ""],
  ["ive", mGt1, ""],
  ["ize", mGt1, ""],
];

/** Applies the step's deciding rule; whether a rule's suffix was replaced. */
function applyRules(word: string, rules: Rule[]): { word: string; applied: boolean } {
  // SQLite picks the rules by the word's next-to-last letter, which every rule of one group shares
  const penultimate = word[word.length - 2];
  for (const [suffix, condition, replacement] of rules) {
    if (suffix[suffix.length - 2] !== penultimate || word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    return condition(stem) ? { word: stem + replacement, applied: true } : { word, applied: false };
  }
  return { word, applied: false };
}

function step1A(word: string): string {
  if (!word.endsWith("s")) return word;
  const n = word.length;
  if (word[n - 2] === "e")
    return (n > 4 && word[n - 4] === "s" && word[n - 3] === "s") || (n > 3 && word[n - 3] === "i") ? word.slice(0, -2) : word.slice(0, -1);
  return word[n - 2] !== "s" ? word.slice(0, -1) : word;
}

/** Porter's algorithm over a "byte string" (one character per UTF-8 byte). */
function stemBytes(token: string): string {
  let word = step1A(token);
  const step1B = applyRules(word, STEP_1B);
  word = step1B.word;
  if (step1B.applied) {
    const pair = STEP_1B2.find(([suffix]) => word.length > suffix.length && word.endsWith(suffix));
    if (pair) {
      word = word.slice(0, -pair[0].length) + pair[1];
    } else {
      const c = word.at(-1)!;
      if (!isVowel(c, false) && c !== "l" && c !== "s" && c !== "z" && c === word.at(-2)) word = word.slice(0, -1);
      else if (mEq1(word) && oStar(word)) word += "e";
    }
  }
  if (word.endsWith("y") && hasVowel(word.slice(0, -1))) word = `${word.slice(0, -1)}i`;
  word = applyRules(word, STEP_2).word;
  word = applyRules(word, STEP_3).word;
  word = applyRules(word, STEP_4).word;
  if (word.endsWith("e")) {
    const stem = word.slice(0, -1);
    if (mGt1(stem) || (mEq1(stem) && !oStar(stem))) word = stem;
  }
  if (word.length > 1 && word.endsWith("ll") && mGt1(word.slice(0, -1))) word = word.slice(0, -1);
  return word;
}

const ASCII = /^[\x00-\x7f]*$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Marking a search's words stems every word of every quote on a page, for every request: a
// fifth of a cached search's time at a million quotes. A language has far fewer words than
// that, so stems are remembered, up to a bound (then forgotten all at once and relearnt).
const REMEMBERED = 20_000;
const stems = new Map<string, string>();

/** The stem FTS5's porter tokenizer indexes for one folded token. */
export function stemWord(token: string): string {
  let stem = stems.get(token);
  if (stem === undefined) {
    if (stems.size >= REMEMBERED) stems.clear();
    stems.set(token, (stem = stemToken(token)));
  }
  return stem;
}

function stemToken(token: string): string {
  if (ASCII.test(token)) return token.length < 3 || token.length > MAX_TOKEN ? token : stemBytes(token);
  const bytes = encoder.encode(token);
  if (bytes.length < 3 || bytes.length > MAX_TOKEN) return token;
  const stemmed = stemBytes(String.fromCharCode(...bytes));
  return decoder.decode(Uint8Array.from(stemmed, (c) => c.charCodeAt(0)));
}
