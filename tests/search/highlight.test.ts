import { describe, expect, it } from "vitest";
import { parseSearchTerms } from "@/lib/search/fts-query";
import { highlightTerms } from "@/lib/search/highlight";

const PLACES = [["Astana", "Nur-Sultan", "Астана"]];

const marks = (text: string, q: string) =>
  highlightTerms(text, parseSearchTerms(q, PLACES))
    .segments.filter((s) => s.match)
    .map((s) => s.text);

describe("highlightTerms", () => {
  it.each([
    ["a word, whatever its case", "I don’t watch Russian TV", "russian", ["Russian"]],
    ["a word by its stem", "the wars and the war", "war", ["wars", "war"]],
    ["a plural query by its stem", "people who support him", "supporters", ["support"]],
    ["a prefix ending in *", "blatant propaganda and Propagandists", "propag*", ["propaganda", "Propagandists"]],
    ["no prefix without *", "blatant propaganda", "propag", []],
    ["a phrase, as one mark", "it’s blatant propaganda.", '"blatant propaganda"', ["blatant propaganda"]],
    ["a phrase only as written, not its stems", "civil wars, a civil war", '"civil war"', ["civil war"]],
    ["a Cyrillic look-alike in the text", "Аstana worked hard", "astana", ["Аstana"]],
    ["a Cyrillic look-alike in the query", "Astana worked hard", "Аstana", ["Astana"]],
    ["accents folded", "Tête-à-tête in Almaty", "tete", ["Tête", "tête"]],
    ["a place by another spelling", "moved from Nur-Sultan to Астана", "Astana", ["Nur-Sultan", "Астана"]],
    ["only whole words unless a prefix", "warm war wartime", "war", ["war"]],
    ["nothing when nothing matches", "Fake news spreads", "zebra", []],
  ])("marks %s", (_label, text, q, expected) => {
    expect(marks(text, q)).toEqual(expected);
  });

  it("keeps every character of the text", () => {
    const text = "“Kazakhstan has strong economic ties with Russia,” she said — in Аstana.";
    expect(
      highlightTerms(text, parseSearchTerms("russia kazakhstan astana"))
        .segments.map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("counts how many terms matched, to pick a voice's best quote", () => {
    expect(highlightTerms("war and peace", parseSearchTerms("war peace zebra")).matched).toBe(2);
  });
});
