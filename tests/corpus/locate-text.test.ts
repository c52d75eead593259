import { describe, expect, it } from "vitest";
import { locateText } from "@/lib/corpus/locate-text";

const DOCUMENT = [
  "Journalist Olga, 32, from Kostanai, agreed: “Kazakhstan has strong economic ties with Russia.”",
  "",
  "***“We are very worried about our brothers in Ukraine”***",
  "",
  "“We are very worried about our brothers in Ukraine,” she said. “It’s quite difficult… to understand.”",
  "",
  "Another paragraph entirely, far away.",
].join("\n");

describe("locateText: quotes that must be found", () => {
  it.each([
    ["exact words", "Kazakhstan has strong economic ties with Russia.", undefined],
    ["straight quotes and apostrophes for curly ones", "It's quite difficult", undefined],
    ["different whitespace", "Kazakhstan  has strong\neconomic ties", undefined],
    ["an ellipsis printed in the source", "It’s quite difficult… to understand.", undefined],
    ["three dots for the printed ellipsis", "It’s quite difficult... to understand.", undefined],
    ["an ellipsis joining two parts of one paragraph", "she said. … to understand.", undefined],
    ["a repeated text with its occurrence", "We are very worried about our brothers in Ukraine", 2],
  ])("%s", (_label, quote, occurrence) => {
    const result = locateText(DOCUMENT, quote, occurrence);
    expect(result.ok).toBe(true);
  });
});

describe("locateText: quotes that must fail", () => {
  it.each([
    [
      "a changed word",
      "Kazakhstan has strong economic links with Russia.",
      undefined,
      /not found.*matches up to: "Kazakhstan has strong economic "/,
    ],
    ["different case", "kazakhstan has strong economic ties", undefined, /not found/],
    ["a missing letter", "We are very worried about our brother in Ukraine", undefined, /not found/],
    [
      "a repeated text without an occurrence",
      "We are very worried about our brothers in Ukraine",
      undefined,
      /appears 2 times.*occurrence/,
    ],
    [
      "an occurrence beyond the matches",
      "Kazakhstan has strong economic ties",
      3,
      /occurrence 3 was asked for but the text appears 1 time/,
    ],
    ["an ellipsis joining parts from different paragraphs", "Kazakhstan has strong … Another paragraph", undefined, /not found/],
    ["parts in the wrong order", "to understand. … It’s quite difficult", undefined, /not found/],
    ["nothing but whitespace", "   ", undefined, /empty/],
  ])("%s", (_label, quote, occurrence, reason) => {
    const result = locateText(DOCUMENT, quote, occurrence);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("locateText: what it returns", () => {
  it("gives offsets whose slice of the document is the printed text", () => {
    const result = locateText(DOCUMENT, "Kazakhstan has strong economic ties with Russia.");
    if (!result.ok) throw new Error(result.reason);
    expect(DOCUMENT.slice(result.value.start, result.value.end)).toBe("Kazakhstan has strong economic ties with Russia.");
  });

  it("returns the document's own typography, not the annotation's", () => {
    const result = locateText(DOCUMENT, "It's quite difficult... to understand.");
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.text).toBe("It’s quite difficult… to understand.");
  });

  it("anchors a repeated text at the occurrence asked for", () => {
    const second = locateText(DOCUMENT, "We are very worried about our brothers in Ukraine", 2);
    if (!second.ok) throw new Error(second.reason);
    expect(second.value.start).toBe(DOCUMENT.lastIndexOf("We are very worried"));
  });

  it("returns each joined part and spans from the first to the last", () => {
    const result = locateText(DOCUMENT, "she said. … to understand.");
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.parts).toHaveLength(2);
    expect(result.value.text).toBe("she said. … to understand.");
    expect(DOCUMENT.slice(result.value.start, result.value.end)).toMatch(/^she said\. .*to understand\.$/);
  });
});
