import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUOTE_KINDS } from "@/lib/vocabulary";
import type { Database } from "@/lib/db/create-prisma-client";
import { findTextMatches } from "@/lib/search/find-text-matches";
import { buildFtsQuery } from "@/lib/search/fts-query";
import { loadSearchIndex, type SearchIndex } from "@/lib/search/search-index";
import { copyBaseDatabase } from "../helpers/base-database";

let db: Database;
let index: SearchIndex;
beforeAll(async () => {
  ({ db } = copyBaseDatabase());
  index = await loadSearchIndex(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const matched = (rank: Float64Array) => index.facts.filter((v) => rank[v.order] !== Infinity).map((v) => v.slug);
const quoteRowids = (hits: Uint8Array) => [...hits.keys()].filter((rowid) => hits[rowid] === 1);

describe("findTextMatches", () => {
  it("ranks with bm25 up to the cap, and matches the same voices and quotes by length past it", async () => {
    const fts = buildFtsQuery("Russia")!;
    const exact = await findTextMatches(db, index, fts, []);
    const approximate = await findTextMatches(db, index, fts, [], 1);
    expect(exact.ranking).toBe("bm25");
    expect(approximate.ranking).toBe("approximate");
    expect(matched(exact.rank).length).toBeGreaterThan(3);
    expect(matched(approximate.rank)).toEqual(matched(exact.rank));
    expect(quoteRowids(approximate.quoteHits)).toEqual(quoteRowids(exact.quoteHits));
  });

  it("past the cap, a voice whose matching quote is shorter ranks better", async () => {
    const { rank, quoteHits, voiceMatched } = await findTextMatches(db, index, buildFtsQuery("Russia")!, [], 1);
    const { quotes } = index;
    // voices matched by their quotes alone: rank follows their shortest matching quote
    const shortest = index.facts
      .filter((v) => rank[v.order] !== Infinity && voiceMatched[v.order] === 0)
      .map((v) => {
        const rowids = Array.from(quotes.rowids.subarray(quotes.starts[v.order], quotes.starts[v.order + 1])).filter(
          (r) => quoteHits[r] === 1,
        );
        return { rank: rank[v.order]!, length: Math.min(...rowids.map((r) => quotes.lengthOf[r]!)) };
      })
      .sort((a, b) => a.length - b.length);
    expect(shortest.length).toBeGreaterThan(2);
    for (let i = 1; i < shortest.length; i++) expect(shortest[i]!.rank).toBeGreaterThanOrEqual(shortest[i - 1]!.rank);
    expect(shortest[0]!.rank).toBeLessThan(shortest.at(-1)!.rank);
  });

  it("keeps only quotes of the selected kinds", async () => {
    const fts = buildFtsQuery("Russia")!;
    const all = quoteRowids((await findTextMatches(db, index, fts, [])).quoteHits);
    const paraphrases = quoteRowids((await findTextMatches(db, index, fts, ["paraphrase"])).quoteHits);
    expect(paraphrases.length).toBeGreaterThan(0);
    expect(paraphrases.length).toBeLessThan(all.length);
    expect(paraphrases.every((rowid) => QUOTE_KINDS[index.quotes.kindOf[rowid]!] === "paraphrase" && all.includes(rowid))).toBe(true);
  });

  it.each([
    ["a phrase", '"Russian propaganda"'],
    ["a phrase and a word", '"in Ukraine" Russia'],
  ])("matches %s once, ranked, with the same results as matching its rowids first", async (_label, input) => {
    const fts = buildFtsQuery(input)!;
    expect(fts.narrow).toBe(true);
    const once = await findTextMatches(db, index, fts, []);
    const twice = await findTextMatches(db, index, { ...fts, narrow: false }, []);
    expect(matched(once.rank).length).toBeGreaterThan(0);
    // what each found: the voices' ranks, the quotes matched and their own ranks
    const found = (m: typeof once) => ({
      rank: m.rank,
      voiceMatched: m.voiceMatched,
      quoteHits: m.quoteHits,
      quoteRank: m.quoteRank(),
      ranking: m.ranking,
    });
    expect(found(once)).toEqual(found(twice));
    expect(once.ranking).toBe("bm25");
  });

  it("matches a narrow query again for every rowid when it has more hits than the cap", async () => {
    const fts = buildFtsQuery('"in Ukraine"')!; // seven quotes
    const capped = await findTextMatches(db, index, fts, [], 1);
    const ranked = await findTextMatches(db, index, fts, []);
    expect(capped.ranking).toBe("approximate");
    expect(matched(capped.rank)).toEqual(matched(ranked.rank));
    expect(quoteRowids(capped.quoteHits)).toEqual(quoteRowids(ranked.quoteHits));
  });

  it("matches a phrase with few hits in one pass per index, where words take two", async () => {
    const sent: string[] = [];
    // the SQL as Prisma sends it, through Prisma's own extension point
    const observed = db.$extends({
      query: {
        async $allOperations({ operation, args, query }) {
          if (operation === "$queryRaw") sent.push(JSON.stringify(args));
          return query(args);
        },
      },
    }) as unknown as Database;
    const passesOverQuotes = async (input: string) => {
      sent.length = 0;
      await findTextMatches(observed, index, buildFtsQuery(input)!, []);
      return sent.filter((sql) => sql.includes('\\"QuoteSearch\\" MATCH')).length;
    };
    expect(await passesOverQuotes('"Russian propaganda"')).toBe(1);
    expect(await passesOverQuotes('"in Ukraine" Russia')).toBe(1);
    expect(await passesOverQuotes("propaganda")).toBe(2);
    expect(await passesOverQuotes("Russia Kazakhstan")).toBe(2);
  });
});
