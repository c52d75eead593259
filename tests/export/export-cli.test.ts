import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-prisma-client";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";
import { seedFreshDatabase } from "../helpers/seeded-database";

describe("npm run export -- --format json", () => {
  let db: Database;
  let env: Record<string, string>;
  let exported: { stdout: string; stderr: string; status: number | null };

  beforeAll(async () => {
    const seeded = await seedFreshDatabase();
    db = seeded.db;
    env = { DATABASE_URL: `file:${seeded.dbPath}` };
    exported = runScript("export.ts", ["--format", "json"], env);
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("exits 0 and prints only JSON on stdout, its message on stderr", () => {
    expect(exported.status).toBe(0);
    expect(() => JSON.parse(exported.stdout)).not.toThrow();
    expect(exported.stderr).toMatch(/Exported \d+ voices \(\d+ quotes\) as json/);
  });

  it("exports every voice with every quote, as stored in the database", async () => {
    const voices = JSON.parse(exported.stdout);
    const rows = await db.voice.findMany({
      include: { quotes: { orderBy: { position: "asc" } }, source: true },
    });
    expect(voices).toHaveLength(rows.length);
    for (const row of rows) {
      const voice = voices.find((v: { slug: string }) => v.slug === row.id);
      expect(voice, row.id).toMatchObject({
        name: row.name,
        age: row.age,
        city: row.cityAsPrinted,
        occupation: row.occupation,
        role: row.role,
        stance: row.stance,
        stanceRationale: row.stanceRationale,
      });
      expect(voice.quotes.map((q: { text: string }) => q.text)).toEqual(row.quotes.map((q) => q.text));
      for (const quote of voice.quotes) {
        expect(quote.source).toEqual({
          title: row.source.title,
          publisher: row.source.publisher,
          authors: row.source.authors,
          url: row.source.url,
          publishedAt: row.source.publishedAt,
        });
        expect(["direct", "paraphrase"]).toContain(quote.kind);
        expect(quote.context.length).toBeGreaterThanOrEqual(quote.text.length);
      }
    }
  });

  it("writes unknown fields as null, never as empty strings", () => {
    const voices = JSON.parse(exported.stdout);
    const irina = voices.find((v: { slug: string }) => v.slug === "irina");
    expect([irina.age, irina.city, irina.occupation, irina.heritage, irina.place]).toEqual([null, null, null, null, null]);
    expect(exported.stdout).not.toMatch(/: ""/);
  });

  it("keeps non-ASCII words exactly (Cyrillic letters, typographic quotes)", async () => {
    const quote = await db.quote.findUniqueOrThrow({ where: { id: "gaziz-abishev-1" } });
    expect(quote.text).toContain("Аstana"); // printed with a Cyrillic А
    expect(exported.stdout).toContain(JSON.stringify(quote.text));
  });
});

describe("npm run export with bad input", () => {
  it.each([
    [["--format", "xml"], /--format: "xml" is not a format; use one of: json/],
    [[], /--format: is required/],
    [["--format", "json", "--colour"], /Unknown option '--colour'/],
  ])("%j fails with a message naming the flag", (args, message) => {
    const result = runScript("export.ts", args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe("");
  });

  it("explains how to seed when there is no database", () => {
    const missing = path.join(makeTempDir("nodb"), "voices.db");
    rmSync(missing, { force: true });
    const result = runScript("export.ts", ["--format", "json"], { DATABASE_URL: `file:${missing}` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No database at .*voices\.db\. Run "npm run db:seed" first/);
  });

  it("rejects a DATABASE_URL that is not a SQLite file URL", () => {
    const result = runScript("export.ts", ["--format", "json"], { DATABASE_URL: "postgres://localhost/voices" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL must be a SQLite "file:" URL/);
  });
});

describe("npm run -s export, as the README shows it", () => {
  it("pipes nothing but the JSON array to stdout", async () => {
    const { dbPath, db } = await seedFreshDatabase();
    await db.$disconnect();
    const result = spawnSync("npm", ["run", "-s", "export", "--", "--format", "json"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });
});
