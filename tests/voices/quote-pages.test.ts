import { describe, expect, it } from "vitest";
import { chooseQuotePage, findQuotePage, QUOTES_PER_PAGE } from "@/lib/voices/quote-pages";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `q${i}`);

describe("a voice's quotes in pages", () => {
  it("puts QUOTES_PER_PAGE quotes on a page, in order", () => {
    expect(findQuotePage(0)).toBe(1);
    expect(findQuotePage(QUOTES_PER_PAGE - 1)).toBe(1);
    expect(findQuotePage(QUOTES_PER_PAGE)).toBe(2);
    expect(findQuotePage(3 * QUOTES_PER_PAGE + 1)).toBe(4);
  });

  it("opens the page that holds ?quote=, for every quote", () => {
    const all = ids(3 * QUOTES_PER_PAGE + 2);
    all.forEach((id, i) => expect(chooseQuotePage(all, { page: undefined, quote: id })).toBe(Math.floor(i / QUOTES_PER_PAGE) + 1));
  });

  it.each(["0", "x", "5", "1.0", "-2"])("finds no ?page=%j of four pages", (page) => {
    expect(chooseQuotePage(ids(3 * QUOTES_PER_PAGE + 2), { page, quote: undefined })).toBeNull();
  });

  it("opens page 1 of a voice with a single quote, or none, and finds no quote it does not have", () => {
    expect(chooseQuotePage(ids(1), { page: undefined, quote: undefined })).toBe(1);
    expect(chooseQuotePage([], { page: "1", quote: undefined })).toBe(1);
    expect(chooseQuotePage(ids(3), { page: undefined, quote: "other" })).toBeNull();
  });
});
