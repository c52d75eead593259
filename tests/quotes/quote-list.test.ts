import { describe, expect, it } from "vitest";
import { parseQuoteList } from "@/lib/quotes/quote-list";
import { quoteListHref, quoteListParams } from "@/lib/quotes/quote-list-href";
import { QUOTE_LIST_LIMITS } from "@/lib/vocabulary";

const parse = (search: string) => parseQuoteList(new URLSearchParams(search));

describe("a quote list in its URL", () => {
  it("round-trips ids in order and notes, whatever they hold", () => {
    const items = [
      { id: "c-1", note: "" },
      { id: "a-2", note: "Key quote & more: “yes”, 100%" },
      { id: "b-3", note: "line one\nline two" },
    ];
    const href = quoteListHref(items);
    expect(href.startsWith("/list?")).toBe(true);
    expect(parse(href.slice("/list?".length)).items).toEqual(items);
  });

  it.each([
    ["quote=a-1,b-2&quote=c-3", ["a-1", "b-2", "c-3"]],
    ["quote=a-1,,b-2,", ["a-1", "b-2"]],
    ["quote=%20a-1%20", ["a-1"]],
    ["", []],
  ])("reads %s", (search, ids) => {
    expect(parse(search).items.map((i) => i.id)).toEqual(ids);
  });

  it("keeps a repeated id once, at its first place, and says which", () => {
    const list = parse("quote=a-1,b-2,a-1");
    expect(list.items.map((i) => i.id)).toEqual(["a-1", "b-2"]);
    expect(list.repeated).toEqual(["a-1"]);
  });

  it("leaves out what is not a quote id and still shows the rest", () => {
    const list = parse("quote=a-1,<script>,B-2,b-2");
    expect(list.items.map((i) => i.id)).toEqual(["a-1", "b-2"]);
    expect(list.problems).toHaveLength(2);
  });

  it(`holds at most ${QUOTE_LIST_LIMITS.quotesMax} quotes and cuts a note at ${QUOTE_LIST_LIMITS.noteMaxLength} characters`, () => {
    const ids = Array.from({ length: QUOTE_LIST_LIMITS.quotesMax + 5 }, (_, i) => `q-${i}`);
    const list = parse(`quote=${ids.join(",")}&note.q-0=${"x".repeat(QUOTE_LIST_LIMITS.noteMaxLength + 1)}`);
    expect(list.items).toHaveLength(QUOTE_LIST_LIMITS.quotesMax);
    expect(list.items[0]!.note).toHaveLength(QUOTE_LIST_LIMITS.noteMaxLength);
    expect(list.problems.join(" ")).toMatch(/at most 200 quotes; the last 5 were left out/);
  });

  it("writes no parameters for an empty list, and only the notes there are", () => {
    expect(quoteListParams([])).toEqual([]);
    expect(
      quoteListParams([
        { id: "a-1", note: "" },
        { id: "b-2", note: "n" },
      ]),
    ).toEqual([
      ["quote", "a-1,b-2"],
      ["note.b-2", "n"],
    ]);
  });
});
