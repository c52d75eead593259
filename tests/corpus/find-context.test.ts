import { describe, expect, it } from "vitest";
import { findContext } from "@/lib/corpus/find-context";
import { parseDocument } from "@/lib/corpus/parse-document";

const DOCUMENT = [
  "Journalist Olga, 32, from Kostanai, agreed: “Kazakhstan has strong economic ties with Russia.”",
  "",
  "---",
  "",
  "***“We are very worried about our brothers in Ukraine”***",
  "",
  "---",
  "",
  "“We are very worried about our brothers in Ukraine,” she said, of the [humanitarian aid](#) **sent**.",
  "",
  "## **Another heading**",
  "",
  "Another paragraph entirely,",
  "far away.",
].join("\n");

const at = (words: string, occurrence = 1) => {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = DOCUMENT.indexOf(words, start + 1);
  return { start, end: start + words.length };
};

describe("findContext", () => {
  it.each([
    [
      "a paragraph with a link and bold words",
      at("she said"),
      "“We are very worried about our brothers in Ukraine,” she said, of the humanitarian aid sent.",
    ],
    [
      "the first paragraph",
      at("Journalist"),
      "Journalist Olga, 32, from Kostanai, agreed: “Kazakhstan has strong economic ties with Russia.”",
    ],
    ["a pull-quote", at("We are very worried", 1), "“We are very worried about our brothers in Ukraine”"],
    ["a heading", at("Another heading"), "Another heading"],
    ["the last paragraph, its lines joined", at("far away"), "Another paragraph entirely, far away."],
    [
      "a span over two paragraphs",
      { start: at("she said").start, end: at("Another paragraph").end },
      "“We are very worried about our brothers in Ukraine,” she said, of the humanitarian aid sent. Another heading Another paragraph entirely, far away.",
    ],
  ])("gives the clean text of %s", (_name, span, expected) => {
    expect(findContext(parseDocument(DOCUMENT), span)).toBe(expected);
  });

  it("keeps the quote's words exactly as printed inside its context", () => {
    const span = at("We are very worried about our brothers in Ukraine", 2);
    expect(findContext(parseDocument(DOCUMENT), span)).toContain(DOCUMENT.slice(span.start, span.end));
  });
});
