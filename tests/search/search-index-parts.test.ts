import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUOTE_KINDS } from "@/lib/vocabulary";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { computeQuoteParts, readQuoteParts } from "@/lib/search/search-index-parts";
import { loadSearchIndex } from "@/lib/search/search-index";
import { copyBaseDatabase } from "../helpers/base-database";
import { DATA_DIR, PROJECT_ROOT } from "../helpers/paths";

let dbPath: string;
let db: Database;
beforeAll(() => {
  ({ dbPath, db } = copyBaseDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

type QuoteRow = { rowid: bigint | number; voiceRowid: bigint | number; kind: string; text: string; start: number; position: number };

describe("the search index parts the seed writes", () => {
  it("hold every quote's voice, kind, length, start and position, by rowid", async () => {
    const parts = await readQuoteParts(db);
    const rows = await db.$queryRaw<QuoteRow[]>`
      SELECT q.rowid AS rowid, v.rowid AS voiceRowid, q."kind" AS kind, q."text" AS text, q."start" AS start, q."position" AS position
      FROM "Quote" q JOIN "Voice" v ON v."slug" = q."voiceSlug"`;
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const rowid = Number(row.rowid);
      expect(parts.voice[rowid]).toBe(Number(row.voiceRowid));
      expect(QUOTE_KINDS[parts.kind[rowid]!]).toBe(row.kind);
      expect(parts.length[rowid]).toBe([...row.text].length);
      expect(parts.start[rowid]).toBe(row.start);
      expect(parts.position[rowid]).toBe(row.position);
    }
    // rowids that hold no quote hold no voice
    const rowids = new Set(rows.map((row) => Number(row.rowid)));
    expect([...parts.voice.keys()].filter((rowid) => parts.voice[rowid] !== 0).sort((a, b) => a - b)).toEqual(
      [...rowids].sort((a, b) => a - b),
    );
  });

  it("are what reading every quote gives", async () => {
    expect(await readQuoteParts(db)).toEqual(await computeQuoteParts(db));
  });

  it("are written again by a reseed, whatever the file held before", async () => {
    const writable = createPrismaClient(dbPath);
    await writable.searchIndexPart.updateMany({ data: { data: new Uint8Array(8) } });
    await writable.$disconnect();
    await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    const reseeded = createPrismaClient(dbPath, { readonly: true });
    try {
      expect(await readQuoteParts(reseeded)).toEqual(await computeQuoteParts(reseeded));
    } finally {
      await reseeded.$disconnect();
    }
  });

  it("must be there: a database without them is told to be reseeded", async () => {
    const { dbPath: emptied } = copyBaseDatabase();
    const writable = createPrismaClient(emptied);
    await writable.searchIndexPart.deleteMany({});
    await expect(loadSearchIndex(writable)).rejects.toThrow(/npm run db:seed/);
    await writable.$disconnect();
  });
});
