import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELATED_SHOWN } from "@/lib/voices/get-voice";
import { MATRIX_QUOTES_MAX_VOICES } from "@/lib/insights/find-matrix-quotes";
import { MATRIX_ROWS_MAX } from "@/lib/insights/build-insights";
import { FACET_TOP } from "@/lib/search/facet-display";
import { FACET_VALUES_PAGE_SIZE } from "@/lib/search/find-facet-values";
import type { FacetValue } from "@/lib/search/filter-voices";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { PAGES } from "@/tools/bench/benchmarks";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";

// A server of its own on a synthetic corpus with more sources than SQLite binds parameters
// in one statement (999 in Prisma's SQLite queries), and far more voices per stance and
// place than a page can list. Every page and API route must still answer, and in a size a
// browser can take.

const CORPUS = { voices: 2400, quotes: 4800, sources: 1200, seed: 11 };
let app: RunningApp;
let voice: { slug: string; stance: string; placeSlug: string };

beforeAll(async () => {
  const dbPath = path.join(makeTempDir("large"), "voices.db");
  await generateSyntheticCorpus(dbPath, CORPUS);
  const sqlite = new Database(dbPath, { readonly: true });
  voice = sqlite
    .prepare(`SELECT slug, stance, placeSlug FROM "Voice" WHERE placeSlug IS NOT NULL ORDER BY rowid LIMIT 1`)
    .get() as typeof voice;
  sqlite.close();
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string) => fetch(`${app.baseUrl}${url}`);

describe("a corpus of 1,200 sources and 2,400 voices", () => {
  it("answers every page and API route", async () => {
    const urls = [...PAGES, "/api/export?format=csv&source=synthetic-source-0"];
    const statuses = await Promise.all(urls.map(async (url) => [url, (await get(url)).status]));
    expect(Object.fromEntries(statuses)).toEqual(Object.fromEntries(urls.map((url) => [url, 200])));
  });

  it("lists every source in /api/sources, with counts that add up to the corpus", async () => {
    const { items } = (await (await get("/api/sources")).json()) as { items: { voiceCount: number; quoteCount: number }[] };
    const { counts } = (await (await get("/api/meta")).json()) as { counts: { sources: number; voices: number; quotes: number } };
    expect(counts.sources).toBe(CORPUS.sources);
    expect(items).toHaveLength(counts.sources);
    expect(items.reduce((n, s) => n + s.voiceCount, 0)).toBe(counts.voices);
    expect(items.reduce((n, s) => n + s.quoteCount, 0)).toBe(counts.quotes);
  });

  it("lists a few related voices on a voice's page, counts the rest and links to all of them", async () => {
    const detail = (await (await get(`/api/voices/${voice.slug}`)).json()) as {
      related: Record<"sameStance" | "sameCity", { total: number; voices: { slug: string }[] }>;
    };
    for (const [related, filter] of [
      [detail.related.sameStance, `stance=${voice.stance}`],
      [detail.related.sameCity, `city=${voice.placeSlug}`],
    ] as const) {
      expect(related.voices).toHaveLength(RELATED_SHOWN);
      expect(related.voices.map((v) => v.slug)).not.toContain(voice.slug);
      expect(related.total).toBeGreaterThan(RELATED_SHOWN);
      const explorer = (await (await get(`/api/voices?${filter}&pageSize=1`)).json()) as { total: number };
      expect(related.total).toBe(explorer.total - 1); // everyone but the voice itself
    }

    const page = await (await get(`/voices/${voice.slug}`)).text();
    expect(page).toContain(`${detail.related.sameStance.total - RELATED_SHOWN} more.`);
    expect(page).toContain(`href="/?stance=${voice.stance}"`);
  });

  it("gives a source's share of the voices as under 1%, not 0%, when it has a few of thousands", async () => {
    // React marks where its text fragments meet with empty comments
    const page = (await (await get("/insights")).text()).replaceAll("<!-- -->", "");
    // 1,200 sources share 2,400 voices: a listed source holds a few of them, well under 0.5%
    expect(page).toMatch(/: \d of 2400 voices \(under 1%\)/);
    expect(page).not.toMatch(/ voices \(0%\)/);
  });

  it("links the insights matrix to the explorer instead of listing thousands of quotes", async () => {
    expect(CORPUS.voices).toBeGreaterThan(MATRIX_QUOTES_MAX_VOICES);
    const page = await (await get("/insights")).text();
    expect(page).not.toContain('class="cell"');
    expect(page).toContain("Each number opens its voices in the explorer.");
    expect(page).toMatch(/href="\/\?stance=[a-z_]+&amp;ageBand=[^"&]+"/);
  });

  it("sends a long facet's largest values and how many more there are", async () => {
    const body = (await (await get("/api/voices?pageSize=1")).json()) as {
      facets: Record<string, FacetValue[]>;
      moreFacetValues: Record<string, number>;
    };
    expect(body.facets.source).toHaveLength(FACET_TOP);
    expect(body.moreFacetValues.source).toBe(CORPUS.sources - FACET_TOP);
    expect(body.facets.source!.every((v) => v.count > 0 && !v.selected)).toBe(true);
    // the largest: no source left out has more voices than the smallest sent
    const all = await listAllValues("source", "");
    const smallestSent = Math.min(...body.facets.source!.map((v) => v.count));
    const sent = new Set(body.facets.source!.map((v) => v.value));
    expect(all.filter((v) => !sent.has(v.value)).every((v) => v.count <= smallestSent)).toBe(true);
    expect(body.moreFacetValues.stance).toBe(0);
  });

  it("keeps a selected value that has no voices, and leaves out the others with none", async () => {
    // only the last voice is called "… 2399", and it is quoted by the last source
    const body = (await (await get("/api/voices?q=2399&source=synthetic-source-0")).json()) as {
      total: number;
      facets: Record<string, FacetValue[]>;
      moreFacetValues: Record<string, number>;
    };
    expect(body.total).toBe(0);
    expect(body.facets.source).toHaveLength(2);
    expect(body.facets.source).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: "synthetic-source-0", count: 0, selected: true }),
        expect.objectContaining({ value: `synthetic-source-${CORPUS.sources - 1}`, count: 1, selected: false }),
      ]),
    );
    expect(body.moreFacetValues.source).toBe(0);
  });

  it("reaches every value of a facet, page by page, largest first, and finds one by its name", async () => {
    const all = await listAllValues("source", "");
    expect(all).toHaveLength(CORPUS.sources);
    expect(new Set(all.map((v) => v.value)).size).toBe(CORPUS.sources);
    expect(all.map((v) => v.count)).toEqual([...all.map((v) => v.count)].sort((a, b) => b - a));

    const found = (await (await get("/api/facets/source?facetQ=synthetic-source-1199")).json()) as { total: number; values: FacetValue[] };
    expect(found.values.map((v) => v.value)).toEqual(["synthetic-source-1199"]);
    expect(found.total).toBe(1);
  });

  it("names the bad parameter of a facet's list", async () => {
    const cases: [string, string][] = [
      ["/api/facets/colour", "facet"],
      ["/api/facets/source?facetPage=0", "facetPage"],
      ["/api/facets/source?facetQ=" + "x".repeat(201), "facetQ"],
      ["/api/facets/source?stance=maybe", "stance"],
    ];
    for (const [url, parameter] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
      const body = (await response.json()) as { error: { issues: { parameter: string }[] } };
      expect(
        body.error.issues.map((i) => i.parameter),
        url,
      ).toContain(parameter);
    }
  });

  it("links the explorer's long facets to a page of every value, which selects them with the rest of the query", async () => {
    const { moreFacetValues } = (await (await get("/api/voices?stance=neutral&pageSize=1")).json()) as {
      moreFacetValues: Record<string, number>;
    };
    expect(moreFacetValues.source).toBeGreaterThan(0);
    const explorer = await (await get("/?stance=neutral")).text();
    expect(explorer).toContain(`${moreFacetValues.source} more`);
    expect(explorer).toContain('href="/facets/source?stance=neutral"');

    const page = await (await get("/facets/source?stance=neutral&source=synthetic-source-1199&facetPage=2")).text();
    expect(page).toContain('action="/"');
    expect(page).toContain('<input type="hidden" name="stance" value="neutral"/>');
    // a chosen value listed on another page stays chosen
    expect(page).toContain('<input type="hidden" name="source" value="synthetic-source-1199"/>');
    expect(page.match(/type="checkbox" name="source"/g)).toHaveLength(FACET_VALUES_PAGE_SIZE);
    expect(page).toContain('rel="prev"');
    expect((await get("/facets/colour")).status).toBe(404);
  });

  it("shows the insights matrix's largest rows and links to every row's count", async () => {
    const page = await (await get("/insights?row=source")).text();
    expect(page).toContain(`The ${MATRIX_ROWS_MAX} largest of ${CORPUS.sources} rows.`);
    expect(page).toContain('href="/facets/source"');
  });
});

describe("the weight of the explorer and insights, with every long facet at its cap (issue 17)", () => {
  const bytes = async (url: string) => Buffer.byteLength(await (await get(url)).text());
  /** The visible words of a page's result cards: what a card has to send, once as HTML and once in the React payload. */
  const cardText = (html: string) =>
    /<ol class="voice-list"[^>]*>(.*?)<\/ol>/s
      .exec(html)![1]!
      .replace(/<[^>]+>/g, "")
      .replace(/&[a-z#0-9]+;/g, "x");

  it("keeps the explorer's first page under 50 KB", async () => {
    // the page's layout, controls and facets are as at a million quotes: what grows with the
    // corpus is the number of values a facet could list (1,200 sources here), and they are capped
    expect(await bytes("/")).toBeLessThan(50 * 1024);
  });

  it("sends a result card's words twice and its markup once, not the search result behind it", async () => {
    const twenty = await (await get("/?pageSize=20")).text();
    const perCard = (Buffer.byteLength(twenty) - (await bytes("/?pageSize=10"))) / 10;
    const wordsPerCard = Buffer.byteLength(cardText(twenty)) / 20;
    // 1.9 KB a card at a million quotes, of which about 0.4 KB are words; a card rendered on
    // the server (its tags and classes in the payload too) was 2.7 KB, and one handed the
    // quote's whole text and paragraph would carry them twice more
    expect(perCard).toBeLessThan(2 * wordsPerCard + 1300);
  });

  it("keeps insights under 300 KB, whichever facet its matrix's rows are", async () => {
    for (const url of ["/insights", "/insights?row=source", "/insights?row=city"]) {
      expect(await bytes(url), url).toBeLessThan(300 * 1024);
    }
  });
});

/** Every value of a facet through /api/facets, page after page. */
async function listAllValues(facet: string, search: string): Promise<FacetValue[]> {
  const values: FacetValue[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await get(`/api/facets/${facet}?facetPage=${page}${search}`)).json()) as { total: number; values: FacetValue[] };
    values.push(...body.values);
    if (body.values.length === 0 || values.length >= body.total) return values;
  }
}
