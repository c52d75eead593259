import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QUOTE_SHOWN } from "@/lib/quotes/keyword-in-context";
import { buildSourceQuoteHref } from "@/lib/sources/source-quote-href";
import { QUOTES_PER_PAGE } from "@/lib/voices/quote-pages";
import type { RunningApp } from "@/tools/serve-app";
import { LONG_SOURCE as SOURCE, serveLongCorpus, type LongCorpus } from "../helpers/long-corpus";

// A server of its own on a synthetic corpus whose first source prints about a thousand
// quotes, as a source of the million-quote benchmark corpus does, and whose voices have up
// to fifteen: the source is read in parts, a voice's quotes in pages, and every link to a
// quote must still land where the quote is shown.

/** The issue's bound for every page at a million quotes (issue 17, "Payloads"). */
const PAGE_BYTES_MAX = 300 * 1024;

let app: RunningApp;
let sourceQuotes: LongCorpus["sourceQuotes"];
let voice: LongCorpus["voice"];

beforeAll(async () => {
  ({ app, sourceQuotes, voice } = await serveLongCorpus());
});
afterAll(async () => {
  await app?.stop();
});

const get = async (url: string) => {
  const response = await fetch(`${app.baseUrl}${url}`, { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
};
/** The quotes a page holds the target of: every id="quote-…" in its HTML. */
const targetsIn = (html: string) => [...html.matchAll(/\bid="quote-([a-z0-9-]+)"/g)].map((m) => m[1]!);
/** Every link on the page to a quote's fragment, as [the address before the fragment, the quote]. */
const quoteLinksIn = (html: string) =>
  [...html.matchAll(/href="([^"#]*)#quote-([a-z0-9-]+)"/g)].map((m) => [m[1]!.replaceAll("&amp;", "&"), m[2]!] as const);

describe("a source that prints a thousand quotes", () => {
  let parts: string[];

  beforeAll(async () => {
    const first = await get(`/sources/${SOURCE}`);
    const count = Number(/Text, part 1 of (\d+)/.exec(first.html.replaceAll("<!-- -->", ""))?.[1]);
    parts = [first.html];
    for (let n = 2; n <= count; n++) parts.push((await get(`/sources/${SOURCE}?part=${n}`)).html);
  });

  it("is read in parts, each under the page bound, that hold every quote once, in reading order", () => {
    expect(sourceQuotes.length).toBeGreaterThan(800);
    expect(parts.length).toBeGreaterThan(10);
    for (const html of parts) expect(Buffer.byteLength(html)).toBeLessThan(PAGE_BYTES_MAX);
    // each part a fraction of the whole: no part carries the text of the others
    const total = parts.reduce((n, html) => n + Buffer.byteLength(html), 0);
    for (const html of parts) expect(Buffer.byteLength(html)).toBeLessThan((3 * total) / parts.length);
    expect(parts.flatMap(targetsIn)).toEqual(sourceQuotes.map((q) => q.id));
  });

  it("links every quote's ↑/↓ and 'first quote' to the part that holds it", () => {
    const partOf = new Map(parts.flatMap((html, i) => targetsIn(html).map((id) => [id, i + 1])));
    for (const [n, html] of parts.entries()) {
      for (const [address, id] of quoteLinksIn(html)) {
        if (address.startsWith("/voices/")) continue; // the speaker's page, tested below
        const part = address === "" ? n + 1 : Number(new URLSearchParams(address.split("?")[1]).get("part"));
        expect(part, `part ${n + 1}: ${address}#quote-${id}`).toBe(partOf.get(id));
      }
    }
  });

  it("offers the next and previous parts, by keyboard-reachable links", () => {
    expect(parts[0]).toContain(`href="/sources/${SOURCE}?part=2#text-heading"`);
    expect(parts[1]).toContain(`href="/sources/${SOURCE}?part=1#text-heading"`);
    expect(parts[1]).toContain(`href="/sources/${SOURCE}?part=3#text-heading"`);
    expect(parts.at(-1)).not.toContain(`?part=${parts.length + 1}`);
  });

  it("opens the part that holds a quote for every link to it from outside the text", async () => {
    // the first and last quote of every part: where an off-by-one would show
    const edges = parts.flatMap((html) => [targetsIn(html)[0]!, targetsIn(html).at(-1)!]);
    for (const id of edges) {
      const { status, html } = await get(buildSourceQuoteHref(SOURCE, id));
      expect(status, id).toBe(200);
      expect(targetsIn(html), id).toContain(id);
    }
  });

  it("opens the part of a speaker's first quote when a speaker is chosen", async () => {
    const last = sourceQuotes.at(-1)!;
    const { status, html } = await get(`/sources/${SOURCE}?speaker=${last.voiceSlug}`);
    expect(status).toBe(200);
    expect(targetsIn(html)).toContain(sourceQuotes.find((q) => q.voiceSlug === last.voiceSlug)!.id);
  });

  it.each(["0", "-1", "abc", "1.5", "02", "999"])("answers ?part=%s with a 404 that names part", async (part) => {
    const { status, html } = await get(`/sources/${SOURCE}?part=${part}`);
    expect(status).toBe(404);
    expect(html).toContain(`has no part “${part}”`);
  });

  it("answers a ?quote= the text does not print with a 404 that names quote", async () => {
    const { status, html } = await get(`/sources/${SOURCE}?quote=nobody-said-this`);
    expect(status).toBe(404);
    expect(html).toContain("has no quote “nobody-said-this”");
  });
});

describe("a voice with many quotes", () => {
  const pageOf = (i: number) => Math.floor(i / QUOTES_PER_PAGE) + 1;
  /** The quotes a page shows in full: its list items, in order. */
  const shownIn = (html: string) => [...html.matchAll(/<li id="quote-([a-z0-9-]+)"/g)].map((m) => m[1]!);

  it("shows its quotes a page at a time, every quote on one page, in order", async () => {
    expect(voice.quotes.length).toBeGreaterThan(QUOTES_PER_PAGE);
    const pages = pageOf(voice.quotes.length - 1);
    const shown: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const { status, html } = await get(`/voices/${voice.slug}${n > 1 ? `?page=${n}` : ""}`);
      expect(status).toBe(200);
      expect(html.replaceAll("<!-- -->", "")).toContain(`page ${n} of ${pages}`);
      expect(shownIn(html).length).toBeLessThanOrEqual(QUOTES_PER_PAGE);
      shown.push(...shownIn(html));
    }
    expect(shown).toEqual(voice.quotes);
  });

  it("redirects /quotes/<id> to the page that holds the quote", async () => {
    for (const [i, id] of voice.quotes.entries()) {
      const { status, location } = await get(`/quotes/${id}`);
      expect(status).toBe(308);
      expect(new URL(location!, app.baseUrl).pathname + new URL(location!, app.baseUrl).search).toBe(
        `/voices/${voice.slug}${pageOf(i) > 1 ? `?page=${pageOf(i)}` : ""}`,
      );
      expect(location).toMatch(new RegExp(`#quote-${id}$`));
    }
  });

  it("opens the page of ?quote=, and keeps a target on every page for the quotes of the others", async () => {
    const later = voice.quotes[QUOTES_PER_PAGE]!;
    expect(shownIn((await get(`/voices/${voice.slug}?quote=${later}`)).html)).toContain(later);
    // a permalink made without the page (/voices/<slug>#quote-<id>) lands on a link to it
    const { html } = await get(`/voices/${voice.slug}`);
    expect(targetsIn(html)).toEqual(expect.arrayContaining(voice.quotes));
    expect(quoteLinksIn(html)).toContainEqual([`/voices/${voice.slug}?page=2`, later]);
  });

  it.each(["0", "x", "99"])("answers ?page=%s with a 404 that names page", async (page) => {
    const { status, html } = await get(`/voices/${voice.slug}?page=${page}`);
    expect(status).toBe(404);
    expect(html).toContain(`has no page “${page}”`);
  });
});

describe("the explorer's results", () => {
  it("show at most QUOTE_SHOWN characters of a quote, cut at words, whatever the quote's length", async () => {
    let cut = 0;
    for (const url of ["/", "/?view=quotes", "/?q=war", "/?view=quotes&q=war&pageSize=100"]) {
      const { html } = await get(url);
      // the quote's span holds text and <mark>s only, so its first </span> closes it
      const quotes = [...html.matchAll(/<span class="kwic-quote">(.*?)<\/span>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
      expect(quotes.length, url).toBeGreaterThan(0);
      // "… " and " …" at the cut ends
      for (const quote of quotes) expect(quote.replaceAll("&quot;", '"').length, url).toBeLessThanOrEqual(QUOTE_SHOWN + 4);
      cut += quotes.filter((q) => q.includes("…")).length;
    }
    expect(cut).toBeGreaterThan(0); // the corpus has quotes longer than that, and they were cut
  });
});

describe("the real corpus", () => {
  const real = (url: string) => fetch(`${inject("baseUrl")}${url}`).then((r) => r.text());

  it("reads every source in one part and every voice on one page", async () => {
    const { items } = (await (await fetch(`${inject("baseUrl")}/api/sources`)).json()) as {
      items: { slug: string; voices: { slug: string }[] }[];
    };
    for (const source of items) {
      expect(await real(`/sources/${source.slug}`), source.slug).not.toContain("Parts of the text");
    }
    const { items: voices } = (await (await fetch(`${inject("baseUrl")}/api/voices?pageSize=100`)).json()) as { items: { slug: string }[] };
    for (const v of voices) expect(await real(`/voices/${v.slug}`), v.slug).not.toContain("Pages of quotes");
  });
});
