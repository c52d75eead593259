import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { listTextBlocks, parseDocument, type Block, type Inline } from "@/lib/corpus/parse-document";
import { verifyCorpus } from "@/lib/corpus/verify-corpus";
import { listHighlightedQuotes, markQuotes, type LocatedQuote, type MarkedText } from "@/lib/sources/mark-quotes";
import { DATA_DIR } from "../helpers/paths";

function piecesOf(blocks: Block<MarkedText>[]): MarkedText[] {
  const inline = (nodes: Inline<MarkedText>[]): MarkedText[] =>
    nodes.flatMap((n) => (n.type === "text" ? [n] : n.type === "break" ? [] : inline(n.children)));
  return listTextBlocks(blocks).flatMap((b) => inline(b.children));
}

/** The text a quote's highlight shows: its pieces, in reading order. */
function highlightOf(blocks: Block<MarkedText>[], id: string): string {
  return piecesOf(blocks)
    .filter((p) => p.quote?.id === id)
    .map((p) => p.text)
    .join("");
}

const quote = (id: string, start: number, end: number): LocatedQuote => ({
  id,
  start,
  end,
  voiceSlug: id,
  voiceName: id,
  stance: "neutral",
});

describe("markQuotes", () => {
  const text = "Before **bold [gathered](#) words** after.";
  const blocks = parseDocument(text);

  it("highlights exactly the characters between a quote's offsets, across bold and link", () => {
    const start = text.indexOf("bold");
    const end = text.indexOf(" after");
    const marked = markQuotes(blocks, [quote("q", start, end)]);
    expect(highlightOf(marked, "q")).toBe("bold gathered words");
    const pieces = piecesOf(marked).filter((p) => p.quote);
    expect(pieces.map((p) => [p.text, p.quote!.first, p.quote!.last])).toEqual([
      ["bold ", true, false],
      ["gathered", false, false],
      [" words", false, true],
    ]);
  });

  it("keeps every character a reader sees, quoted or not", () => {
    const marked = markQuotes(blocks, [quote("q", text.indexOf("gathered"), text.indexOf("gathered") + 4)]);
    expect(
      piecesOf(marked)
        .map((p) => p.text)
        .join(""),
    ).toBe("Before bold gathered words after.");
    expect(highlightOf(marked, "q")).toBe("gath");
  });

  it("does not highlight a quote that overlaps an earlier one", () => {
    expect(listHighlightedQuotes([quote("b", 4, 8), quote("a", 2, 6), quote("c", 8, 9)]).map((q) => q.id)).toEqual(["a", "c"]);
  });
});

describe("markQuotes over the real corpus: every quote's highlight is its stored slice", async () => {
  const rows = verifyCorpus(await loadCorpus(DATA_DIR));
  const quotesIn = new Map<string, LocatedQuote[]>();
  for (const q of rows.quotes) {
    quotesIn.set(q.documentId, [...(quotesIn.get(q.documentId) ?? []), quote(q.id, q.start, q.end)]);
  }
  const marked = new Map(rows.documents.map((d) => [d.id, markQuotes(parseDocument(d.text), quotesIn.get(d.id) ?? [])]));
  const textOf = new Map(rows.documents.map((d) => [d.id, d.text]));

  it("has quotes to check, none of them hidden by an overlap", () => {
    expect(rows.quotes.length).toBeGreaterThan(40);
    for (const [id, quotes] of quotesIn) expect(listHighlightedQuotes(quotes), id).toHaveLength(quotes.length);
  });

  it.each(rows.quotes.map((q) => [q.id, q] as const))("%s", (_id, q) => {
    const blocks = marked.get(q.documentId)!;
    expect(highlightOf(blocks, q.id)).toBe(textOf.get(q.documentId)!.slice(q.start, q.end));
    const pieces = piecesOf(blocks).filter((p) => p.quote?.id === q.id);
    expect(pieces[0]!.quote!.first).toBe(true);
    expect(pieces.at(-1)!.quote!.last).toBe(true);
  });
});
