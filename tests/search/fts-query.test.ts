import { describe, expect, it } from "vitest";
import { buildFtsQuery, parseSearchTerms } from "@/lib/search/fts-query";

const PLACES = [
  ["Astana", "Nur-Sultan", "Нур-Султан"],
  ["Karaganda", "Qaraghandy", "Караганда"],
];

describe("buildFtsQuery", () => {
  it.each([
    ["one word, stemmed", "propaganda", { stemmed: '"propaganda"', exact: null }],
    ["several words, all required", "blatant propaganda", { stemmed: '"blatant" AND "propaganda"', exact: null }],
    [
      "a quoted phrase: ranked by stems, kept exact",
      '"blatant propaganda"',
      { stemmed: '"blatant propaganda"', exact: '"blatant propaganda"' },
    ],
    ["an explicit prefix, in the exact index only", "prop* media", { stemmed: '"media"', exact: '"prop"*' }],
    ["an unbalanced quote, ignored", '"Almaty', { stemmed: '"almaty"', exact: null }],
    ["operators dropped", "work AND", { stemmed: '"work"', exact: null }],
    ["lowercase and/or kept as words", "war and peace", { stemmed: '"war" AND "and" AND "peace"', exact: null }],
    ["a hyphen splits words", "e-mail", { stemmed: '"e" AND "mail"', exact: null }],
    ["a column filter is not a filter", "city:x", { stemmed: '"city" AND "x"', exact: null }],
    ["a Cyrillic look-alike folded to Latin", "Аstana", { stemmed: '"astana"', exact: null }],
    ["SQL is just words", "'; DROP TABLE Voice; --", { stemmed: '"drop" AND "table" AND "voice"', exact: null }],
    ["a repeated word once", "war War WAR", { stemmed: '"war"', exact: null }],
  ])("%s", (_label, input, expected) => {
    expect(buildFtsQuery(input)).toMatchObject(expected);
  });

  it.each([
    ["one word", "propaganda", false],
    ["one prefix", "prop*", false],
    ["one repeated word", "war War", false],
    ["a phrase", '"information war"', true],
    ["a phrase and a word", '"information war" Russia', true],
    ["a phrase of one word", '"war"', false],
    ["two words", "information war", false],
    ["a word and a prefix", "war prop*", false],
  ])("calls a query with a phrase of several words narrow: %s", (_label, input, narrow) => {
    expect(buildFtsQuery(input)!.narrow).toBe(narrow);
  });

  it.each([
    ["emoji", "😀🇰🇿"],
    ["punctuation", "*** ???"],
    ["empty", ""],
    ["empty quotes", '""'],
  ])("returns null for %s", (_label, input) => {
    expect(buildFtsQuery(input)).toBeNull();
  });

  it("bounds the number of terms for very long input", () => {
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(" ");
    expect(buildFtsQuery(words)!.stemmed!.split(" AND ").length).toBe(32);
  });
});

describe("the same words in any order", () => {
  // the last word used to be a prefix: "Russia propaganda" found 1 voice, "propaganda Russia" 2
  const sorted = (input: string) => parseSearchTerms(input).sort((a, b) => a.words.join(" ").localeCompare(b.words.join(" ")));
  it.each([
    ["Russia propaganda", "propaganda Russia"],
    ["war supporters Kazakhstan", "Kazakhstan war supporters"],
    ['"information war" Russia', 'Russia "information war"'],
    ["prop* Russia", "Russia prop*"],
  ])("%s = %s", (a, b) => {
    expect(sorted(a)).toEqual(sorted(b));
  });

  it("makes no word a prefix unless it ends in *", () => {
    expect(parseSearchTerms("Russia propag").map((t) => t.match)).toEqual(["stem", "stem"]);
  });
});

describe("place names", () => {
  const astana = { stemmed: null, exact: '("astana" OR "nur sultan" OR "hyp cyлtah")' };
  it.each([
    ["the name", "Astana"],
    ["an alias with a hyphen", "Nur-Sultan"],
    ["an alias typed with a space", "nur sultan"],
    ["the Cyrillic spelling", "Нур-Султан"],
  ])("match every spelling of the place: %s", (_label, input) => {
    expect(buildFtsQuery(input, PLACES)).toEqual({ ...astana, narrow: false });
  });

  it("combine with other words, which stay stemmed", () => {
    expect(buildFtsQuery("wars Qaraghandy", PLACES)).toEqual({
      stemmed: '"wars"',
      exact: '("karaganda" OR "qaraghandy" OR "kapaгahдa")',
      narrow: false,
    });
  });

  it("need their words next to each other", () => {
    expect(parseSearchTerms("nur and sultan", PLACES).map((t) => t.match)).toEqual(["stem", "stem", "stem"]);
  });

  it("are plain words in a phrase or a prefix", () => {
    expect(parseSearchTerms('"Astana" Karag*', PLACES).map((t) => t.match)).toEqual(["phrase", "prefix"]);
  });
});
