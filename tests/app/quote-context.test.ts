import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";

// A quote's `context` is the paragraph a reader sees on the source page: the API and every
// export that carries it (CSV, JSON, JSON Lines) give it as clean text, without the Markdown
// the stored documents are written in.

const api = (path: string) => fetch(`${inject("baseUrl")}${path}`);
const MARKDOWN = [/\]\(/, /\*\*/, /(^|\s)\*\S/, /(^|\s)#{1,6}\s/, /(^|\s)---(\s|$)/, /(^|\s)_\S[^_]*_/];
type Quote = { id: string; text: string; context: string };

function expectClean(quotes: Quote[]) {
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) {
    for (const syntax of MARKDOWN) expect(q.context, q.id).not.toMatch(syntax);
    expect(q.context, q.id).toContain(q.text); // the quote's words, as printed, are in it
  }
}

describe("quote context without Markdown", () => {
  it("/api/quotes gives every quote's context as clean text", async () => {
    const body = await (await api("/api/quotes?pageSize=100")).json();
    expect(body.items).toHaveLength(body.total);
    expectClean(body.items);
    const olga = body.items.find((q: Quote) => q.id === "olga-kostanai-2");
    expect(olga.context).toContain("landmark radio station Ekho Moskvyy and liberal TV channel Dozhd.");
  });

  it("/api/voices/<slug> gives its quotes' context as clean text", async () => {
    const body = await (await api("/api/voices/kassym-jomart-tokayev")).json();
    expectClean(body.quotes);
    expect(body.quotes.map((q: Quote) => q.context).join(" ")).toContain("a cargo plane of humanitarian aid to Ukraine");
  });

  it.each([
    [
      "csv",
      (body: string) =>
        (parse(body, { columns: true }) as Record<string, string>[]).map((r) => ({ id: r.quote_id, text: r.quote, context: r.context })),
    ],
    ["json", (body: string) => JSON.parse(body).items],
    [
      "jsonl",
      (body: string) =>
        body
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line))
          .filter((row) => row.context !== undefined),
    ],
  ])("the %s export gives every quote's context as clean text", async (format, read) => {
    const body = await (await api(`/api/export?format=${format}&shape=quotes`)).text();
    const quotes: Quote[] = read(body);
    expect(quotes.length).toBe(52);
    expectClean(quotes);
  });
});

// Never a reporter's words presented as a speaker's: on the pages, only a direct quotation is
// marked up as a quotation; a paraphrase is plain text, labelled as the reporter's words.
describe("quotes and paraphrases on the pages", () => {
  it.each(["/voices/sergiy-nahornyak", "/compare?v=sergiy-nahornyak,rustem"])(
    "%s: a <blockquote> for every direct quotation, none for a paraphrase",
    async (path) => {
      const html = await (await api(path)).text();
      const { items } = (await (await api("/api/quotes?pageSize=100&source=diplomat-kazakhstanis-picking-sides")).json()) as {
        items: { id: string; kind: string; text: string; voice: { slug: string } }[];
      };
      const shown = items.filter((q) => path.includes(q.voice.slug));
      expect(shown.some((q) => q.kind === "paraphrase")).toBe(true);
      const escape = (text: string) =>
        text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
      for (const quote of shown) {
        const asQuotation = html.includes(`<blockquote class="quote quote-direct">${escape(quote.text)}</blockquote>`);
        expect(asQuotation, `${quote.id} (${quote.kind})`).toBe(quote.kind === "direct");
        if (quote.kind === "paraphrase") expect(html).toContain(`<p class="quote quote-paraphrase">${escape(quote.text)}</p>`);
      }
    },
  );
});
