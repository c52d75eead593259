import { copyFileSync, readdirSync, readlinkSync, renameSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { leaseServedDatabase, servedFileOf } from "@/lib/db/served-database";
import { searchVoices } from "@/lib/search/search-voices";
import { describeTextQueryPool } from "@/lib/search/text-query-pool";
import { parseVoiceQuery } from "@/lib/search/voice-query";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { makeTempDir } from "../helpers/paths";

// A served connection's full-text queries run on a query thread with a connection of its
// own (text-query-pool.ts). Its answers must be the request connection's, word for word,
// and a reseed must not let a reader's search read the next file.

const QUERIES = ["war", "russia ukraine", '"information war"', "propag*", "almaty", "steppe -war", "zzzzqq"];
let servedPath: string;
let aPath: string;
let bPath: string;
let a: Database;
let b: Database;

/** Whether this process (its threads included) still holds the replaced copy of `file` open. */
function holdsReplaced(file: string): boolean {
  return readdirSync("/proc/self/fd").some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === `${file} (deleted)`;
    } catch {
      return false; // closed meanwhile
    }
  });
}

/** What a search found, without the per-connection objects: the result slugs in order, the facets, the ranking. */
const answer = async (db: Database, q: string) => {
  const search = await searchVoices(db, parseVoiceQuery({ q }), { cached: false });
  return { slugs: search.results.map((v) => v.slug), facets: search.facets, ranking: search.ranking };
};

beforeAll(async () => {
  const dir = makeTempDir("text-query-pool");
  aPath = path.join(dir, "a.db");
  bPath = path.join(dir, "b.db");
  await generateSyntheticCorpus(aPath, { voices: 300, quotes: 3_000, sources: 3, seed: 31 });
  await generateSyntheticCorpus(bPath, { voices: 300, quotes: 3_000, sources: 3, seed: 32 });
  a = createPrismaClient(aPath, { readonly: true });
  b = createPrismaClient(bPath, { readonly: true });
  servedPath = path.join(dir, "voices.db");
  copyFileSync(aPath, servedPath);
  process.env.DATABASE_URL = `file:${servedPath}`;
}, 120_000);

afterAll(async () => {
  delete process.env.DATABASE_URL;
  await Promise.all([a?.$disconnect(), b?.$disconnect()]);
});

describe("full-text queries on a query thread", () => {
  it("answer a served connection's searches exactly as its own connection does", { timeout: 60_000 }, async () => {
    const lease = await leaseServedDatabase();
    try {
      expect(servedFileOf(lease.db)).toMatchObject({ path: servedPath }); // so its queries go to the thread
      expect(servedFileOf(a)).toBeUndefined(); // and a client of its own queries itself
      const before = describeTextQueryPool();
      for (const q of QUERIES) expect(await answer(lease.db, q), q).toEqual(await answer(a, q));
      const after = describeTextQueryPool();
      expect(after.threads).toBeGreaterThan(0);
      // three queries per search (quotes, voices, places), the lease's on a thread, the other client's on its own
      expect(after.onThreads - before.onThreads).toBeGreaterThanOrEqual(3 * QUERIES.length);
      expect(after.onRequestThread - before.onRequestThread).toBeGreaterThanOrEqual(3 * QUERIES.length);
    } finally {
      lease.release();
    }
  });

  it("keep a reader on its corpus when a reseed replaces the file under it", { timeout: 60_000 }, async () => {
    const lease = await leaseServedDatabase();
    try {
      // the two corpora answer these differently, so an answer from the wrong file shows
      const differ: string[] = [];
      for (const q of QUERIES) if (JSON.stringify(await answer(a, q)) !== JSON.stringify(await answer(b, q))) differ.push(q);
      expect(differ.length).toBeGreaterThan(3);

      copyFileSync(bPath, `${servedPath}.building`);
      renameSync(`${servedPath}.building`, servedPath);
      for (const q of differ) expect(await answer(lease.db, q), q).toEqual(await answer(a, q));
    } finally {
      lease.release();
    }
    // and the next reader, once the served database has looked again, reads the new file, through the thread
    await new Promise((r) => setTimeout(r, 300));
    const next = await leaseServedDatabase();
    try {
      expect(servedFileOf(next.db)).toMatchObject({ path: servedPath });
      const before = describeTextQueryPool().onThreads;
      for (const q of QUERIES) expect(await answer(next.db, q), q).toEqual(await answer(b, q));
      expect(describeTextQueryPool().onThreads - before).toBeGreaterThanOrEqual(3 * QUERIES.length);
    } finally {
      next.release();
    }
    // the replaced file's readers are done: neither the request's connection nor the query thread holds it
    await vi.waitFor(() => expect(holdsReplaced(servedPath)).toBe(false));
  });
});
