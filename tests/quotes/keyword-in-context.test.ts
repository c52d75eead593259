import { describe, expect, it } from "vitest";
import { keywordInContext } from "@/lib/quotes/keyword-in-context";
import { parseSearchTerms } from "@/lib/search/fts-query";

const PARAGRAPH =
  "Lyazzat, a 58-year-old entrepreneur from Shymkent, said Tokayev’s decision was “correct”, while 30-year-old consultant Aizada, from the capital, Nur-Sultan, called it “prudent”. Journalist Olga agreed.";

const joined = (k: ReturnType<typeof keywordInContext>) => k.before + k.segments.map((s) => s.text).join("") + k.after;

describe("keywordInContext", () => {
  it("puts the words around a fragment beside it, so it reads", () => {
    const k = keywordInContext({ text: "called it “prudent”", context: PARAGRAPH }, []);
    expect(k.before).toMatch(/consultant Aizada, from the capital, Nur-Sultan, $/);
    expect(k.segments.map((s) => s.text).join("")).toBe("called it “prudent”");
    expect(k.after).toBe(". Journalist Olga agreed.");
    expect(joined(k)).toBe(PARAGRAPH);
  });

  it("marks the search's words inside the quote only", () => {
    const k = keywordInContext({ text: "called it “prudent”", context: PARAGRAPH }, parseSearchTerms("prudent"));
    expect(k.segments.filter((s) => s.match).map((s) => s.text)).toEqual(["prudent"]);
    expect(k.before).not.toContain("<mark>");
  });

  it("finds a quote whose line breaks differ from the paragraph's", () => {
    const k = keywordInContext({ text: "called it\n“prudent”", context: PARAGRAPH }, []);
    expect(k.after).toBe(". Journalist Olga agreed.");
  });

  it.each([
    ["before", "x ".repeat(300) + "QUOTE.", "…"],
    ["after", "QUOTE " + "y ".repeat(300), "…"],
  ])("cuts a long paragraph %s the quote at a word, and says so", (side, context, mark) => {
    const k = keywordInContext({ text: "QUOTE", context }, []);
    const text = side === "before" ? k.before : k.after;
    expect(text.length).toBeLessThan(170);
    expect(text).toContain(mark);
  });

  it("shows the quote alone when its paragraph does not hold it", () => {
    expect(keywordInContext({ text: "elsewhere", context: PARAGRAPH }, [])).toEqual({
      before: "",
      segments: [{ text: "elsewhere", match: false }],
      after: "",
    });
  });
});
