import { describe, expect, it } from "vitest";
import { parseSearchTerms } from "@/lib/search/fts-query";
import { highlightTerms } from "@/lib/search/highlight";

const marks = (text: string, q: string) =>
  highlightTerms(text, parseSearchTerms(q))
    .segments.filter((s) => s.match)
    .map((s) => s.text);

describe("highlightTerms", () => {
  it.each([
    ["a word, whatever its case", "I don’t watch Russian TV", "russian ", ["Russian"]],
    ["a prefix (the word being typed)", "blatant propaganda and Propagandists", "propag", ["propaganda", "Propagandists"]],
    ["a phrase, as one mark", "it’s blatant propaganda.", '"blatant propaganda"', ["blatant propaganda"]],
    ["Cyrillic, case folded", "Аstana worked hard", "аSTANA ", ["Аstana"]],
    ["accents folded", "Tête-à-tête in Almaty", "tete ", ["Tête", "tête"]],
    ["only whole words unless a prefix", "warm war wartime", "war ", ["war"]],
    ["nothing when nothing matches", "Fake news spreads", "zebra ", []],
  ])("marks %s", (_label, text, q, expected) => {
    expect(marks(text, q)).toEqual(expected);
  });

  it("keeps every character of the text", () => {
    const text = "“Kazakhstan has strong economic ties with Russia,” she said.";
    expect(
      highlightTerms(text, parseSearchTerms("russia kazakh"))
        .segments.map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("counts how many terms matched, to pick a voice's best quote", () => {
    expect(highlightTerms("war and peace", parseSearchTerms("war peace zebra ")).matched).toBe(2);
  });
});
