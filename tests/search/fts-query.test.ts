import { describe, expect, it } from "vitest";
import { buildFtsQuery } from "@/lib/search/fts-query";

describe("buildFtsQuery", () => {
  it.each([
    ["one word, matched as a prefix while typed", "propaganda", '"propaganda"*'],
    ["a finished word (trailing space) matched whole", "propaganda ", '"propaganda"'],
    ["several words, all required", "blatant propaganda", '"blatant" "propaganda"*'],
    ["a quoted phrase", '"blatant propaganda"', '"blatant propaganda"'],
    ["an explicit prefix", "prop* media", '"prop"* "media"*'],
    ["an unbalanced quote, ignored", '"Almaty', '"Almaty"*'],
    ["operators dropped", "work AND", '"work"'],
    ["lowercase and/or kept as words", "war and peace", '"war" "and" "peace"*'],
    ["a hyphen splits words", "e-mail", '"e" "mail"*'],
    ["a column filter is not a filter", "city:x", '"city" "x"*'],
    ["Cyrillic", "Аstana", '"Аstana"*'],
    ["SQL is just words", "'; DROP TABLE Voice; --", '"DROP" "TABLE" "Voice"'],
  ])("%s", (_label, input, expected) => {
    expect(buildFtsQuery(input)).toBe(expected);
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
    const query = buildFtsQuery("word ".repeat(1000))!;
    expect(query.split(" ").length).toBe(32);
  });
});
