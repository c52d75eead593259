import { beforeAll, describe, expect, it } from "vitest";
import { htmlToRuns, runsToHtml, runsToText } from "@/lib/citation/citation-runs";
import { toCslName } from "@/lib/citation/csl-items";
import { CITATION_STYLES, formatReference, formatReferenceRuns, type CitationStyle } from "@/lib/citation/format-citation";
import { nestQuotationMarks, presentQuote } from "@/lib/citation/quote-text";
import { buildEveryCorpusItem, TEST_PERMALINKS } from "../helpers/corpus-items";

// What every citation must do whatever the style's punctuation; the exact output of each
// style is held to the official styles in conformance.test.ts.

const STYLES = Object.keys(CITATION_STYLES) as CitationStyle[];
let items: Awaited<ReturnType<typeof buildEveryCorpusItem>>;
beforeAll(async () => {
  items = await buildEveryCorpusItem();
});

describe("corpus entries, in every style", () => {
  it.each(STYLES)("%s: carry the version, the description “Data set”, the version's year and the permalink", (style) => {
    for (const item of [...items.voiceEntries, ...items.quoteEntries.map((q) => q.item)]) {
      const text = formatReference(item, style);
      expect(text, item.id).toContain(items.stamp.version);
      expect(text, item.id).toMatch(/Data set/);
      expect(text, item.id).toContain(items.stamp.versionDate.slice(0, 4));
      expect(text, item.id).toContain(item.URL!);
    }
  });

  it.each(STYLES)("%s: print every quote id exactly, never title-cased", (style) => {
    for (const { quote, item } of items.quoteEntries) expect(formatReference(item, style)).toContain(` ${quote.id})`);
  });

  it.each([
    ["apa", (text: string) => text.startsWith("Voices. (") && !text.includes("[Data set]. Voices.")],
    ["mla", (text: string) => !text.startsWith("Voices.") && text.includes("” Voices, version")],
    ["chicago", (text: string) => text.startsWith("Voices. ") && /\. Voices\. https?:/.test(text)],
  ] as const)("%s: treat Voices, author and publisher at once, as the manual says", (style, holds) => {
    for (const item of items.voiceEntries) expect(holds(formatReference(item, style)), formatReference(item, style)).toBe(true);
  });
});

describe("quotes in notes: only direct quotations stand in quotation marks", () => {
  it("a direct quotation's note has its words in quotation marks, inner ones made single", () => {
    for (const { quote, item } of items.quoteEntries.filter((q) => q.quote.kind === "direct")) {
      expect(item.note).toContain(`Direct quotation: “${nestQuotationMarks(quote.text)}”`);
      expect(item.title).toMatch(/, as quoted in .* \(quotation /);
    }
  });

  it("a paraphrase's note labels it as reported speech and never wraps it in quotation marks", () => {
    const paraphrases = items.quoteEntries.filter((q) => q.quote.kind === "paraphrase");
    expect(paraphrases.length).toBeGreaterThan(20);
    for (const { quote, item } of paraphrases) {
      expect(item.note).toContain(`Paraphrase (reported speech: the reporter’s words, not a direct quotation): ${quote.text} —`);
      expect(item.note).not.toContain(`“${quote.text}`);
      expect(item.note).not.toMatch(/As quoted in/);
      expect(item.title).toMatch(/, as reported in .* \(paraphrase /);
    }
  });

  it.each([
    ["double quotation marks inside become single", "Russia “did the right thing” because", "Russia ‘did the right thing’ because"],
    ["single ones inside become double", "the so-called ‘People’s Republics’ of Donetsk", "the so-called “People’s Republics” of Donetsk"],
    ["apostrophes stay", "I don’t watch Russian TV", "I don’t watch Russian TV"],
    ["straight double quotes become single", 'he said "no"', "he said ‘no’"],
  ])("nesting: %s", (_label, text, expected) => {
    expect(nestQuotationMarks(text)).toBe(expected);
  });

  it.each([
    ["direct", "We “must” stay out", "“We ‘must’ stay out”"],
    ["paraphrase", "Russia “did the right thing”", "Russia “did the right thing”"],
  ] as const)("presentQuote: %s", (kind, text, expected) => {
    expect(presentQuote({ kind, text })).toBe(expected);
  });
});

describe("rich text: the style's italics survive as runs, and as HTML on the clipboard", () => {
  it.each(STYLES)("%s: the runs read as the plain-text reference, the periodical in italics", (style) => {
    for (const item of items.articles) {
      const runs = formatReferenceRuns(item, style);
      expect(runsToText(runs)).toBe(formatReference(item, style));
      expect(runs.filter((r) => r.italic).map((r) => r.text.trim())).toContain(item["container-title"]);
    }
  });

  it("HTML for the clipboard escapes text and marks italics with <i>", () => {
    expect(
      runsToHtml([
        { text: "A <b> & ", italic: false },
        { text: "Journal", italic: true },
      ]),
    ).toBe("A &lt;b&gt; &amp; <i>Journal</i>");
  });

  it("reads citeproc's HTML back to runs, dropping every other tag", () => {
    expect(htmlToRuns('<div class="csl-entry">Goble. <i>Window on &#38; Eurasia</i> (blog). <span class="x">x</span></div>')).toEqual([
      { text: "Goble. ", italic: false },
      { text: "Window on & Eurasia", italic: true },
      { text: " (blog). x", italic: false },
    ]);
  });
});

describe("permalinks", () => {
  it("corpus entries link to the base URL they were built on", () => {
    for (const item of items.voiceEntries) expect(item.URL!.startsWith(`${TEST_PERMALINKS.base}/voices/`)).toBe(true);
  });
});

describe("toCslName", () => {
  it.each([
    ["Aigerim Shapagat", { family: "Shapagat", given: "Aigerim" }],
    ["Kassym-Jomart Tokayev", { family: "Tokayev", given: "Kassym-Jomart" }],
    ["Жанар Сейткали", { family: "Сейткали", given: "Жанар" }],
    ["Voices", { literal: "Voices" }],
  ])("%s", (printed, expected) => {
    expect(toCslName(printed)).toEqual(expected);
  });
});
