import { describe, expect, it } from "vitest";
import { collapseWhitespace, normalizeText } from "@/lib/corpus/normalize-text";

describe("normalizeText", () => {
  it.each([
    ["curly double quotes", "“Kazakhstan”", '"Kazakhstan"'],
    ["curly single quotes and apostrophes", "‘I’m’", "'I'm'"],
    ["guillemets", "«Да»", '"Да"'],
    ["en and em dashes", "neutrality – yet — so", "neutrality - yet - so"],
    ["minus sign", "−5", "-5"],
    ["ellipsis character", "sing… it", "sing... it"],
    ["runs of whitespace, newlines and no-break spaces", "a \n\n\t b\u00a0c", "a b c"],
    ["Cyrillic letters untouched", "Аstana", "Аstana"],
    ["case untouched", "Overtly", "Overtly"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it("maps every normalized character back to its original offset", () => {
    const original = "a  “b”…\n\nc";
    const { text, offsets } = normalizeText(original);
    expect(text).toBe('a "b"... c');
    expect(offsets).toHaveLength(text.length);
    // the three dots of the ellipsis all point at the one original character
    const dots = text.indexOf("...");
    expect(offsets.slice(dots, dots + 3)).toEqual([6, 6, 6]);
    expect(original[offsets[text.indexOf("c")]!]).toBe("c");
    expect(original[offsets[text.indexOf("b")]!]).toBe("b");
  });
});

describe("collapseWhitespace", () => {
  it.each([
    [" a \n b ", "a b"],
    ["a\n\nb", "a b"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });
});
