import { describe, expect, it } from "vitest";
import { keywordInContext, QUOTE_SHOWN } from "@/lib/quotes/keyword-in-context";
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
      excerpt: false,
    });
  });
});

describe("keywordInContext on a long quote", () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
  const text = words.join(" ");
  const context = `He said: “${text}” and left.`;
  const shown = (k: ReturnType<typeof keywordInContext>) => k.segments.map((s) => s.text).join("");

  it("shows at most QUOTE_SHOWN characters of it, from its beginning, cut at a word, and says so", () => {
    const k = keywordInContext({ text, context }, []);
    expect(k.excerpt).toBe(true);
    expect(shown(k)).toMatch(/^word0 word1 .* word\d+ …$/);
    expect(shown(k).length).toBeLessThanOrEqual(QUOTE_SHOWN + 2);
    expect(k.before).toBe("He said: “");
  });

  it("shows the window around the first word the search matched, marked", () => {
    const k = keywordInContext({ text, context }, parseSearchTerms("word60"));
    expect(k.segments.filter((s) => s.match).map((s) => s.text)).toEqual(["word60"]);
    expect(shown(k)).toMatch(/^… word\d+ /);
    expect(shown(k).length).toBeLessThanOrEqual(QUOTE_SHOWN + 4);
  });

  it("shows a quote of QUOTE_SHOWN characters or fewer whole", () => {
    const k = keywordInContext({ text: text.slice(0, QUOTE_SHOWN), context }, []);
    expect(k.excerpt).toBe(false);
    expect(shown(k)).toBe(text.slice(0, QUOTE_SHOWN));
  });
});
