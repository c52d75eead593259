import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { parseDocument } from "@/lib/corpus/parse-document";
import { verifyCorpus } from "@/lib/corpus/verify-corpus";
import { choosePart, findPartAt, PART_WEIGHT, QUOTE_WEIGHT, splitIntoParts, type DocumentPart } from "@/lib/sources/document-parts";
import { parsePageNumber } from "@/lib/pages/page-number";
import { DATA_DIR } from "../helpers/paths";

/** A document of `n` paragraphs, each holding one quote, the way a synthetic source prints them. */
function paragraphs(n: number, words = 40) {
  const texts = Array.from({ length: n }, (_, i) => `Said ${i}: “${Array.from({ length: words }, () => "word").join(" ")}” she said.`);
  const text = texts.join("\n\n");
  const quotes: { id: string; start: number; end: number }[] = [];
  let cursor = 0;
  texts.forEach((t, i) => {
    const start = cursor + t.indexOf("“") + 1;
    quotes.push({ id: `q${i}`, start, end: cursor + t.indexOf("”") });
    cursor += t.length + 2;
  });
  return { text, blocks: parseDocument(text), quotes };
}

/** A part's weight as splitIntoParts counts it: its characters, and QUOTE_WEIGHT a quote. */
function weightOf(part: DocumentPart, blocks: { start: number; end: number }[], quotes: { start: number }[]) {
  const [from, to] = [blocks[part.first]!.start, blocks[part.last]!.end];
  return to - part.start + quotes.filter((q) => q.start >= from && q.start < to).length * QUOTE_WEIGHT;
}

describe("splitIntoParts", () => {
  const long = paragraphs(1000);
  const parts = splitIntoParts(long.blocks, long.quotes);

  it("cuts a long text into several parts, each within the weight, at paragraph boundaries", () => {
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      expect(weightOf(part, long.blocks, long.quotes)).toBeLessThanOrEqual(PART_WEIGHT);
      expect(part.start === 0 || long.blocks.some((b) => b.start === part.start)).toBe(true);
    }
  });

  it("covers every block once, in order, and every offset of the text in exactly one part", () => {
    expect(parts.map((p) => [p.first, p.last]).flat()).toEqual(parts.flatMap((p, i) => [i === 0 ? 0 : parts[i - 1]!.last + 1, p.last]));
    expect(parts.at(-1)!.last).toBe(long.blocks.length - 1);
    for (const [i, part] of parts.entries()) expect(part.start).toBe(i === 0 ? 0 : parts[i - 1]!.end);
    expect(parts.at(-1)!.end).toBeGreaterThan(long.text.length);
  });

  it("places every quote in the part whose blocks hold it", () => {
    for (const q of long.quotes) {
      const part = findPartAt(parts, q.start);
      expect(long.blocks[part.first]!.start <= q.start && q.end <= long.blocks[part.last]!.end, q.id).toBe(true);
    }
  });

  it("never cuts between two blocks a quote runs across", () => {
    const { blocks } = paragraphs(200);
    // one quote from the middle of paragraph 10 to the middle of paragraph 150
    const across = { id: "long", start: blocks[10]!.start + 5, end: blocks[150]!.start + 5 };
    const cut = splitIntoParts(blocks, [across]);
    expect(cut.length).toBeGreaterThan(1);
    const part = findPartAt(cut, across.start);
    expect(blocks[part.last]!.end).toBeGreaterThanOrEqual(across.end);
  });

  it("keeps a block heavier than a part whole, in a part of its own", () => {
    const { blocks, quotes } = paragraphs(3, 10_000);
    const cut = splitIntoParts(blocks, quotes);
    expect(cut.map((p) => [p.first, p.last])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it("makes one part of an empty text", () => {
    expect(splitIntoParts(parseDocument(""), [])).toHaveLength(1);
  });

  it("keeps every real article one part", async () => {
    const rows = verifyCorpus(await loadCorpus(DATA_DIR));
    for (const d of rows.documents) {
      const quotes = rows.quotes.filter((q) => q.documentId === d.id);
      expect(splitIntoParts(parseDocument(d.text), quotes), d.id).toHaveLength(1);
    }
  });
});

describe("choosePart", () => {
  const long = paragraphs(1000);
  const parts = splitIntoParts(long.blocks, long.quotes);
  const last = parts.length;

  it.each([
    ["1", 1],
    [String(last), last],
    ["2", 2],
  ])("opens ?part=%s", (part, number) => {
    expect(choosePart(parts, long.quotes, { part, quote: undefined })?.number).toBe(number);
  });

  it.each(["0", "-1", "abc", "1.5", "02", "", " 1", String(last + 1), "99999999999"])("finds no ?part=%j", (part) => {
    expect(choosePart(parts, long.quotes, { part, quote: undefined })).toBeNull();
  });

  it("opens the part that holds ?quote=, for every quote", () => {
    for (const q of long.quotes) expect(choosePart(parts, long.quotes, { part: undefined, quote: q.id })).toBe(findPartAt(parts, q.start));
  });

  it("finds no ?quote= the text does not print, and opens part 1 with neither", () => {
    expect(choosePart(parts, long.quotes, { part: undefined, quote: "nobody-1" })).toBeNull();
    expect(choosePart(parts, long.quotes, { part: undefined, quote: undefined })?.number).toBe(1);
  });
});

describe("parsePageNumber", () => {
  it.each([
    ["1", 3, 1],
    ["3", 3, 3],
    ["4", 3, null],
    ["0", 3, null],
    ["1e2", 300, null],
    ["+1", 3, null],
  ])("reads %j of %i pages as %s", (raw, count, expected) => {
    expect(parsePageNumber(raw, count)).toBe(expected);
  });
});
