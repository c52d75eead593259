import { copyFileSync, renameSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/create-prisma-client";
import { leaseServedDatabase, warmNewConnectionsWith } from "@/lib/db/served-database";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { copyBaseDatabase } from "../helpers/base-database";
import { makeTempDir } from "../helpers/paths";

// The served database as the server uses it: a warm-up registered for new connections (the
// server's loads the search index), and reseeds that rename a new file over the served one.
// Two real corpora tell the files apart: the real one, and a small synthetic one.

let servedPath: string;
let realPath: string;
let realVoices: number;
let otherPath: string;
const OTHER_VOICES = 7;

const countVoices = async (db: Database) => db.voice.count();

/** Which corpus a lease reads, by its number of voices. */
async function leasedVoices(): Promise<number> {
  const lease = await leaseServedDatabase();
  try {
    return await countVoices(lease.db);
  } finally {
    lease.release();
  }
}

/** A reseed, as the seed does it: a whole file beside the served one, renamed over it. */
function reseedWith(file: string) {
  copyFileSync(file, `${servedPath}.building`);
  renameSync(`${servedPath}.building`, servedPath);
}

beforeAll(async () => {
  const base = copyBaseDatabase();
  realVoices = await countVoices(base.db);
  await base.db.$disconnect();
  realPath = base.dbPath;
  const dir = makeTempDir("served");
  servedPath = path.join(dir, "voices.db");
  copyFileSync(base.dbPath, servedPath);
  otherPath = path.join(dir, "other.db");
  await generateSyntheticCorpus(otherPath, { voices: OTHER_VOICES, quotes: 20, sources: 1, seed: 3 });
  process.env.DATABASE_URL = `file:${servedPath}`;
}, 60_000);

afterAll(() => {
  warmNewConnectionsWith(undefined); // test files share this process: the next one's connections are not warmed by these
  delete process.env.DATABASE_URL;
});

describe("the served database after a reseed", () => {
  it("warms the new file's connection before it serves anyone, while the previous one answers", { timeout: 30_000 }, async () => {
    const warmed: number[] = [];
    let finishWarming = () => {};
    const warmingHeld = new Promise<void>((resolve) => (finishWarming = resolve));
    warmNewConnectionsWith(async (db) => {
      warmed.push(await countVoices(db));
      if (warmed.length > 1) await warmingHeld; // the reseeded file's warm-up takes as long as the test says
    });

    expect(await leasedVoices()).toBe(realVoices);
    expect(warmed).toEqual([realVoices]); // the first connection was warmed before it served

    reseedWith(otherPath);
    // readers go on being served, from the previous file, while the new one warms
    await vi.waitFor(async () => {
      expect(await leasedVoices()).toBe(realVoices);
      expect(warmed).toEqual([realVoices, OTHER_VOICES]);
    });
    for (let i = 0; i < 5; i++) expect(await leasedVoices()).toBe(realVoices);

    finishWarming();
    await vi.waitFor(async () => expect(await leasedVoices()).toBe(OTHER_VOICES));
    expect(warmed).toEqual([realVoices, OTHER_VOICES]); // each file warmed once
  });

  it("serves a new file whose warm-up failed, rather than none", { timeout: 30_000 }, async () => {
    warmNewConnectionsWith(async () => {
      throw new Error("no search index parts in this file");
    });
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const served = await leasedVoices();
    reseedWith(served === realVoices ? otherPath : realPath);
    await vi.waitFor(async () => expect(await leasedVoices()).not.toBe(served));
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("no search index parts in this file"));
    warned.mockRestore();
  });
});
