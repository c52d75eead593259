import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { describeRecentSearches, searchVoices } from "@/lib/search/search-voices";
import { parseVoiceQuery } from "@/lib/search/voice-query";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { makeTempDir } from "../helpers/paths";

// The recent-searches cache on a corpus large enough that a text search holds real memory
// (a few numbers per quote), with its bound lowered to 1 MB: the cache keeps within it
// whatever is searched, and never drops the search just made.

const WORDS = "war peace russia ukraine kazakhstan border army media family economy oil steppe".split(" ");
let db: Database;

beforeAll(async () => {
  const dbPath = path.join(makeTempDir("recent-searches"), "voices.db");
  await generateSyntheticCorpus(dbPath, { voices: 2_000, quotes: 20_000, sources: 20, seed: 5 });
  db = createPrismaClient(dbPath, { readonly: true });
  process.env.SEARCH_CACHE_MB = "1";
}, 120_000);

afterAll(async () => {
  delete process.env.SEARCH_CACHE_MB;
  await db?.$disconnect();
});

describe("recent searches", () => {
  it("hold no more memory than their bound, keep the latest, and run an evicted search again", { timeout: 60_000 }, async () => {
    const queries = WORDS.flatMap((a) => WORDS.filter((b) => b !== a).map((b) => parseVoiceQuery({ q: `${a} ${b}` }))).slice(0, 40);
    const made: ReturnType<typeof searchVoices>[] = [];
    for (const query of queries) {
      const search = searchVoices(db, query);
      made.push(search);
      await search;
      // the search just made is kept: asked again, it is the same search, not a new one
      expect(searchVoices(db, query)).toBe(search);
      expect(describeRecentSearches(db).bytes).toBeLessThanOrEqual(2 ** 20);
      if (made.length === 1) expect(describeRecentSearches(db).bytes).toBeGreaterThan(2 ** 20 / 20);
    }
    // a text search here holds over 1/20 of the bound: 40 of them would hold twice it, and the count of 50 limits nothing
    expect(describeRecentSearches(db).searches).toBeLessThan(queries.length);
    // the oldest search went: asked again, it is run again, with the same answer
    const again = searchVoices(db, queries[0]!);
    expect(again).not.toBe(made[0]);
    const found = async (search: (typeof made)[number]) => {
      const { results, facets, ranking } = await search;
      return { slugs: results.map((v) => v.slug), facets, ranking };
    };
    expect(await found(again)).toEqual(await found(made[0]!));
  });
});
