import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { copyBaseDatabase } from "../helpers/base-database";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";

// Smoke tests of `npm run db:seed` as a real process; what a seed does is tested
// in-process in seed-database.test.ts.

const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("npm run db:seed", () => {
  it("builds the database and prints what it loaded and how long it took", async () => {
    const dbPath = path.join(makeTempDir("seed-cli"), "voices.db");
    const result = runScript("seed.ts", [], { DATABASE_URL: `file:${dbPath}` });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Seeded .*voices\.db in \d+\.\d\d s \(corpus version \d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?\)/);
    const counts = result.stderr.match(/(\d+) sources, (\d+) documents, (\d+) voices, (\d+) quotes/);
    expect(counts).not.toBeNull();
    const db = createPrismaClient(dbPath, { readonly: true });
    try {
      expect([await db.source.count(), await db.document.count(), await db.voice.count(), await db.quote.count()]).toEqual(
        counts!.slice(1).map(Number),
      );
    } finally {
      await db.$disconnect();
    }
  });

  it("stops on a quote that does not match, names file, person and text, and changes nothing", async () => {
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const hash = fileHash(dbPath);

    const corrupted = copyCorpus();
    editCorpusFile(
      corrupted,
      "sources/diplomat-kazakhstanis-picking-sides.yaml",
      'text: "Ukraine is controlled by Nazis"',
      'text: "Ukraine is run by Nazis"',
    );
    const result = runScript("seed.ts", ["--data", corrupted], { DATABASE_URL: `file:${dbPath}` });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.relative(PROJECT_ROOT, corrupted)}/sources/diplomat-kazakhstanis-picking-sides.yaml › voice "azamat-abildayev" › quote "azamat-abildayev-1"`,
    );
    expect(result.stderr).toContain('text: "Ukraine is run by Nazis"');
    expect(result.stderr).toMatch(/Nothing was changed/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fileHash(dbPath)).toBe(hash);
  });
});
