// The one folding of text for search, applied to what the index holds (the seed stores
// it beside the text), to what people type (the query builder) and to the words the
// highlighter compares. Case, diacritics and letters that look alike in Cyrillic and
// Latin fold together: The Diplomat prints "Аstana" with a Cyrillic А, and a search for
// "Astana" must find it.
//
// Folding keeps the length (in UTF-16 code units) of the text, character for character,
// so an offset into the folded text is the same offset into the stored one and highlights
// land on the printed characters. A character whose folding would change the length
// (a ligature, an uppercase letter whose lowercase is two units) stays as it is; combining
// marks stay too, and the tokenizers drop them inside a word (see searchTokens).

/**
 * Lowercase Cyrillic letters that print like a Latin one, as Latin. Uppercase ones are
 * lowercased first, so a Cyrillic "Н" (which looks like "H") arrives here as "н".
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  һ: "h",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  ӏ: "l",
  ı: "i",
};

const MARK = /^\p{M}+$/u;
const ASCII = /^[\x00-\x7f]*$/;
const folded = new Map<number, string>();

function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : unit;
  let result = folded.get(code);
  if (result !== undefined) return result;
  result = unit;
  if (code < 0xd800 || code > 0xdfff) {
    // a letter with diacritics decomposes into its base letter and combining marks
    const decomposed = unit.normalize("NFD");
    const base = decomposed.length > 1 && MARK.test(decomposed.slice(1)) ? decomposed[0]! : unit;
    const lower = base.toLowerCase();
    result = lower.length === 1 ? lower : base;
    result = LOOK_ALIKES[result] ?? result;
  }
  folded.set(code, result);
  return result;
}

/** `text` with case, diacritics and Cyrillic look-alikes folded; exactly as long as `text`. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!);
  return out;
}

/** A word as the full-text tokenizer sees it: runs of letters, digits and combining marks. */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

export type SearchToken = { start: number; end: number; word: string };

/** The words of `text` with their offsets, folded, combining marks dropped (as FTS5's unicode61 drops them). */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const m of foldText(text).matchAll(TOKEN)) {
    const word = m[0].replace(/\p{M}/gu, "");
    if (word) tokens.push({ start: m.index, end: m.index + m[0].length, word });
  }
  return tokens;
}

/** Several fields as one folded search text (a voice's name, occupation, city and heritage; a place's names). */
export function foldFields(fields: readonly (string | null | undefined)[]): string {
  return foldText(fields.filter(Boolean).join(" · "));
}

/** A name as search compares it: folded words joined by single spaces ("Nur-Sultan" → "nur sultan"). */
export function foldName(name: string): string {
  return searchTokens(name)
    .map((token) => token.word)
    .join(" ");
}
