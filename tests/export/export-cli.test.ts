import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-prisma-client";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";
import { seedFreshDatabase } from "../helpers/seeded-database";

let db: Database;
let env: Record<string, string>;

beforeAll(async () => {
  const seeded = await seedFreshDatabase();
  db = seeded.db;
  env = { DATABASE_URL: `file:${seeded.dbPath}` };
});
afterAll(async () => {
  await db.$disconnect();
});

const exportJson = (...args: string[]) => {
  const result = runScript("export.ts", ["--format", "json", ...args], env);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe("npm run export", () => {
  it("round trip: the JSON export of every voice is what the database holds", async () => {
    const exported = exportJson("--shape", "voices");
    const rows = await db.voice.findMany({ include: { quotes: { orderBy: { position: "asc" } }, source: true } });
    expect(exported.items).toHaveLength(rows.length);
    for (const row of rows) {
      const voice = exported.items.find((v: { slug: string }) => v.slug === row.slug);
      expect(voice, row.slug).toMatchObject({
        name: row.name,
        age: row.age,
        city: row.cityAsPrinted,
        occupation: row.occupation,
        heritage: row.heritage,
        role: row.role,
        stance: row.stance,
        stanceRationale: row.stanceRationale,
        source: {
          slug: row.source.slug,
          title: row.source.title,
          publisher: row.source.publisher,
          url: row.source.url,
          publishedAt: row.source.publishedAt,
        },
      });
      expect(
        voice.quotes.map((q: { id: string; text: string; kind: string; context: string }) => [q.id, q.text, q.kind, q.context]),
      ).toEqual(row.quotes.map((q) => [q.id, q.text, q.kind, q.context]));
    }
  });

  it("exports one row per quote by default, with provenance", async () => {
    const exported = exportJson();
    expect(exported.items).toHaveLength(await db.quote.count());
    const info = await db.corpusInfo.findUniqueOrThrow({ where: { id: 1 } });
    expect(exported.provenance).toMatchObject({
      corpusVersion: info.version,
      shape: "quotes",
      selection: `${await db.voice.count()} voices`,
    });
    expect(Date.parse(exported.provenance.exportedAt)).not.toBeNaN();
  });

  it("writes unknown fields as null, never as empty strings", () => {
    const irina = exportJson("--shape", "voices").items.find((v: { slug: string }) => v.slug === "irina");
    expect([irina.age, irina.city, irina.occupation, irina.heritage, irina.place]).toEqual([null, null, null, null, null]);
  });

  it("takes the explorer's filters as flags, repeated or comma-separated", async () => {
    const expected = await db.quote.findMany({
      where: { kind: "direct", voice: { stance: { in: ["neutral", "pro_ukraine"] } } },
      select: { id: true },
    });
    const a = exportJson("--stance", "neutral", "--stance", "pro_ukraine", "--kind", "direct");
    const b = exportJson("--stance", "neutral,pro_ukraine", "--kind", "direct");
    expect(a.items.map((q: { id: string }) => q.id).sort()).toEqual(expected.map((q) => q.id).sort());
    expect(b.items).toEqual(a.items);
    expect(a.provenance.selection).toMatch(/who support neutrality or support Ukraine, with direct quotations$/);
  });

  it("with a search, exports the quotes whose words match", () => {
    const exported = exportJson("--q", "propaganda");
    expect(exported.items.length).toBeGreaterThan(0);
    for (const quote of exported.items) expect(quote.text.toLowerCase()).toContain("propaganda");
  });

  it("exports a compare set in its order, one voice, or one quote", () => {
    expect(exportJson("--shape", "voices", "--v", "olga-kostanai,gulmira-karaganda").items.map((v: { slug: string }) => v.slug)).toEqual([
      "olga-kostanai",
      "gulmira-karaganda",
    ]);
    expect(exportJson("--voice", "olga-kostanai").items.map((q: { id: string }) => q.id)).toEqual(["olga-kostanai-1", "olga-kostanai-2"]);
    expect(exportJson("--quote", "olga-kostanai-2").items.map((q: { id: string }) => q.id)).toEqual(["olga-kostanai-2"]);
  });

  it("writes a CSV file with --out and says so on stderr", () => {
    const out = path.join(makeTempDir("export"), "quotes.csv");
    const result = runScript("export.ts", ["--format", "csv", "--source", "window-on-eurasia-kazakhstan-opposes-war", "--out", out], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/Exported 3 quotes as csv to .*quotes\.csv in \d+\.\d\d s/);
    const rows: string[][] = parse(readFileSync(out, "utf8"));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["vyacheslav-polovinko-1", "vyacheslav-polovinko-2", "vyacheslav-polovinko-3"]);
  });

  it("reports progress on stderr, never on stdout", () => {
    const result = runScript("export.ts", ["--format", "csv", "--progress"], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Exporting .* \d+\/\d+ rows/);
    expect(result.stdout.startsWith("quote_id,")).toBe(true);
  });

  it("pipes nothing but the export to stdout with npm run -s, as the README shows", () => {
    const result = spawnSync("npm", ["run", "-s", "export", "--", "--format", "jsonl"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].provenance).toBeDefined();
  });
});

describe("npm run export with bad input", () => {
  it.each([
    [["--format", "xml"], /--format: Invalid option.*\(one of: csv, json, jsonl, md, bibtex, ris, csl-json\)/],
    [[], /--format: is required/],
    [["--format", "csv", "--shape", "rows"], /--shape: Invalid option/],
    [["--format", "csv", "--stance", "pro_kazakhstan"], /--stance: Invalid option.*\(one of: pro_russia, pro_ukraine, neutral, unclear\)/],
    [["--format", "csv", "--ageMin", "old"], /--ageMin: ageMin must be a whole number/],
    [["--format", "csv", "--voice", "olga-kostanai", "--v", "a,b"], /--voice: give at most one of voice, quote and v/],
    [["--format", "json", "--colour"], /Unknown option '--colour'/],
  ])("%j fails with a message naming the flag", (args, message) => {
    const result = runScript("export.ts", args, env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  it("names an unknown voice and leaves no file behind", () => {
    const dir = makeTempDir("export");
    const result = runScript("export.ts", ["--format", "csv", "--voice", "nobody-at-all", "--out", path.join(dir, "x.csv")], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No voice with the slug "nobody-at-all"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("explains how to seed when there is no database", () => {
    const missing = path.join(makeTempDir("nodb"), "voices.db");
    rmSync(missing, { force: true });
    const result = runScript("export.ts", ["--format", "json"], { DATABASE_URL: `file:${missing}` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No database at .*voices\.db\. Run "npm run db:seed" first/);
    expect(existsSync(missing)).toBe(false);
  });

  it("rejects a DATABASE_URL that is not a SQLite file URL", () => {
    const result = runScript("export.ts", ["--format", "json"], { DATABASE_URL: "postgres://localhost/voices" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL must be a SQLite "file:" URL/);
  });
});

describe("npm run export and PUBLIC_URL", () => {
  it("without PUBLIC_URL, says on stderr that the links point at localhost, and they do", () => {
    const result = runScript("export.ts", ["--format", "json", "--voice", "olga-kostanai"], { ...env, PUBLIC_URL: "" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/PUBLIC_URL is not set, so this export's permalinks point at http:\/\/localhost:3000/);
    expect(JSON.parse(result.stdout).items[0].permalink).toBe("http://localhost:3000/voices/olga-kostanai#quote-olga-kostanai-1");
  });

  it("with PUBLIC_URL, builds every link on it and warns of nothing", () => {
    const result = runScript("export.ts", ["--format", "csl-json", "--voice", "olga-kostanai"], {
      ...env,
      PUBLIC_URL: "https://voices.example.org/",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/PUBLIC_URL/);
    const entries = JSON.parse(result.stdout).filter((i: { type: string }) => i.type === "dataset");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.URL).toMatch(/^https:\/\/voices\.example\.org\/voices\/olga-kostanai#quote-/);
  });
});
