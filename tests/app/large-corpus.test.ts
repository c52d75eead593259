import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELATED_SHOWN } from "@/lib/voices/get-voice";
import { MATRIX_QUOTES_MAX_VOICES } from "@/lib/insights/find-matrix-quotes";
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
let voice: { slug: string; stance: string };

beforeAll(async () => {
  const dbPath = path.join(makeTempDir("large"), "voices.db");
  await generateSyntheticCorpus(dbPath, CORPUS);
  const sqlite = new Database(dbPath, { readonly: true });
  voice = sqlite.prepare(`SELECT slug, stance FROM "Voice" WHERE slug = 'synthetic-voice-0'`).get() as typeof voice;
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
      related: { sameStance: { total: number; voices: unknown[] } };
    };
    expect(detail.related.sameStance.voices).toHaveLength(RELATED_SHOWN);
    expect(detail.related.sameStance.total).toBeGreaterThan(RELATED_SHOWN);

    const explorer = (await (await get(`/api/voices?stance=${voice.stance}&pageSize=1`)).json()) as { total: number };
    expect(detail.related.sameStance.total).toBe(explorer.total - 1); // everyone but the voice itself

    const page = await (await get(`/voices/${voice.slug}`)).text();
    expect(page).toContain(`${detail.related.sameStance.total - RELATED_SHOWN} more.`);
    expect(page).toContain(`href="/?stance=${voice.stance}"`);
  });

  it("links the insights matrix to the explorer instead of listing thousands of quotes", async () => {
    expect(CORPUS.voices).toBeGreaterThan(MATRIX_QUOTES_MAX_VOICES);
    const page = await (await get("/insights")).text();
    expect(page).not.toContain('class="cell"');
    expect(page).toContain("Each number opens its voices in the explorer.");
    expect(page).toMatch(/href="\/\?stance=[a-z_]+&amp;ageBand=[^"&]+"/);
  });
});
