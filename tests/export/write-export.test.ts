import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/create-prisma-client";
import { getDatabasePath } from "@/lib/db/database-path";
import { openExistingDatabase } from "@/lib/db/open-existing-database";
import { VoicesError } from "@/lib/errors";
import { parseExportRequest } from "@/lib/export/export-request";
import { startExport } from "@/lib/export/write-export";
import { copyBaseDatabase } from "../helpers/base-database";
import { makeTempDir, quotePermalinkPattern } from "../helpers/paths";

// The export as `npm run export` and /api/export run it, in-process against a copy of the
// seeded corpus: parse the request, plan, stream the chunks. The CLI's own plumbing
// (flags, stdout, --out) is smoke-tested in export-cli.test.ts.

let db: Database;
beforeAll(() => {
  ({ db } = copyBaseDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

async function runExport(search: string, onProgress?: (done: number) => void) {
  const exp = await startExport(db, parseExportRequest(new URLSearchParams(search)));
  let text = "";
  for await (const chunk of exp.chunks(onProgress)) text += chunk;
  return { exp, text };
}

const exportJson = async (search = "") => JSON.parse((await runExport(`format=json&${search}`)).text);
const ids = (items: { id: string }[]) => items.map((q) => q.id);

describe("an export of the seeded corpus", () => {
  it("round trip: the JSON export of every voice is what the database holds", async () => {
    const exported = await exportJson("shape=voices");
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

  it("has one row per quote by default, with provenance", async () => {
    const exported = await exportJson();
    expect(exported.items).toHaveLength(await db.quote.count());
    const info = await db.corpusInfo.findUniqueOrThrow({ where: { id: 1 } });
    expect(exported.provenance).toMatchObject({
      corpusVersion: info.version,
      shape: "quotes",
      selection: `${await db.voice.count()} voices`,
    });
    expect(Date.parse(exported.provenance.exportedAt)).not.toBeNaN();
  });

  it("writes unknown fields as null, never as empty strings", async () => {
    const irina = (await exportJson("shape=voices")).items.find((v: { slug: string }) => v.slug === "irina");
    expect([irina.age, irina.city, irina.occupation, irina.heritage, irina.place]).toEqual([null, null, null, null, null]);
  });

  it("takes the explorer's filters, repeated or comma-separated", async () => {
    const expected = await db.quote.findMany({
      where: { kind: "direct", voice: { stance: { in: ["neutral", "pro_ukraine"] } } },
      select: { id: true },
    });
    const a = await exportJson("stance=neutral&stance=pro_ukraine&kind=direct");
    const b = await exportJson("stance=neutral,pro_ukraine&kind=direct");
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(a.items).sort()).toEqual(ids(expected).sort());
    expect(b.items).toEqual(a.items);
    expect(a.provenance.selection).toMatch(/who support neutrality or support Ukraine, with direct quotations$/);
  });

  it("with a search, exports the quotes whose words match", async () => {
    const exported = await exportJson("q=propaganda");
    expect(exported.items.length).toBeGreaterThan(0);
    for (const quote of exported.items) expect(quote.text.toLowerCase()).toContain("propaganda");
  });

  it("exports a compare set in its order, one voice, or one quote", async () => {
    const compared = await exportJson("shape=voices&v=olga-kostanai,gulmira-karaganda");
    expect(compared.items.map((v: { slug: string }) => v.slug)).toEqual(["olga-kostanai", "gulmira-karaganda"]);
    expect(ids((await exportJson("voice=olga-kostanai")).items)).toEqual(["olga-kostanai-1", "olga-kostanai-2"]);
    expect(ids((await exportJson("quote=olga-kostanai-2")).items)).toEqual(["olga-kostanai-2"]);
  });

  it("writes CSV, named with the corpus version and the time, one row per quote of the selection", async () => {
    const { exp, text } = await runExport("format=csv&source=window-on-eurasia-kazakhstan-opposes-war");
    const info = await db.corpusInfo.findUniqueOrThrow({ where: { id: 1 } });
    expect(exp).toMatchObject({ mediaType: "text/csv; charset=utf-8", total: 3 });
    const stamp = exp.provenance.exportedAt.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
    expect(exp.filename.endsWith(`-${info.version}-${stamp}.csv`)).toBe(true);
    const rows: string[][] = parse(text);
    expect(rows[0]![0]).toBe("quote_id");
    expect(rows.slice(1).map((r) => r[0])).toEqual(["vyacheslav-polovinko-1", "vyacheslav-polovinko-2", "vyacheslav-polovinko-3"]);
  });

  it("reports its progress in rows, up to the total it announced", async () => {
    const done: number[] = [];
    const { exp } = await runExport("format=csv", (n) => done.push(n));
    expect(exp.total).toBe(await db.quote.count());
    expect(done.at(-1)).toBe(exp.total);
    expect(done).toEqual([...done].sort((x, y) => x - y));
  });

  it("puts its permalinks on PUBLIC_URL, or on localhost without it", async () => {
    vi.stubEnv("PUBLIC_URL", "https://voices.example.org/");
    expect((await exportJson("quote=olga-kostanai-2")).items[0].permalink).toMatch(
      quotePermalinkPattern("https://voices.example.org", "olga-kostanai", "olga-kostanai-2"),
    );
    vi.stubEnv("PUBLIC_URL", undefined);
    expect((await exportJson("quote=olga-kostanai-2")).items[0].permalink).toMatch(
      quotePermalinkPattern("http://localhost:3000", "olga-kostanai", "olga-kostanai-2"),
    );
  });
});

describe("an export that cannot be made", () => {
  it.each([
    ["format=csv&voice=nobody-at-all", 'No voice with the slug "nobody-at-all"'],
    ["format=csv&v=olga-kostanai,nobody-at-all", 'No voice with the slug "nobody-at-all"'],
    ["format=csv&quote=no-such-quote", 'No quote with the id "no-such-quote"'],
  ])("%s is not found, and says what is missing", async (search, message) => {
    const error = await startExport(db, parseExportRequest(new URLSearchParams(search))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoicesError);
    expect(error).toMatchObject({ code: "not_found", message });
  });

  it("explains how to seed when there is no database, and creates none", () => {
    const missing = path.join(makeTempDir("nodb"), "voices.db");
    expect(() => openExistingDatabase(missing)).toThrow(`No database at ${missing}. Run "npm run db:seed" first`);
    expect(existsSync(missing)).toBe(false);
  });

  it("rejects a DATABASE_URL that is not a SQLite file URL", () => {
    expect(() => getDatabasePath({ DATABASE_URL: "postgres://localhost/voices" })).toThrow(/DATABASE_URL must be a SQLite "file:" URL/);
  });
});
