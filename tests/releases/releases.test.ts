import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { VoicesError } from "@/lib/errors";
import { parseExportRequest } from "@/lib/export/export-request";
import { startExport } from "@/lib/export/write-export";
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { findChangeHistory } from "@/lib/releases/find-releases";
import { makeRelease } from "@/lib/releases/make-release";
import { releaseDatabasePath } from "@/lib/releases/release-database-path";
import { readReleases } from "@/lib/releases/release-files";
import { seedDatabase } from "@/lib/seed/seed-database";
import { copyBaseDatabase } from "../helpers/base-database";
import { copyCorpus } from "../helpers/corpus-copy";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { changeRustemsStance, editForNextRelease, NEW_WORDS, OLD_WORDS, today } from "../helpers/release-scenario";

// The life of a release, through the real release command and seed on a copy of the real
// corpus: release, edit, release again; then read each release back from its own database.

async function exportCslJson(db: Database, params: string) {
  const exp = await startExport(db, parseExportRequest(new URLSearchParams(params)), { baseUrl: "https://voices.example.org" });
  let text = "";
  for await (const chunk of exp.chunks()) text += chunk;
  return { provenance: exp.provenance, items: JSON.parse(text) as { id: string; version?: string; URL?: string; issued?: unknown }[] };
}

/** Every row of every table a reader sees, for comparing two databases. */
async function dumpCorpus(db: Database) {
  const [info, sources, voices, quotes, evidence, releases, changes] = await Promise.all([
    db.corpusInfo.findUnique({ where: { id: 1 }, omit: { seededAt: true } }),
    db.source.findMany({ orderBy: { slug: "asc" } }),
    db.voice.findMany({ orderBy: { slug: "asc" } }),
    db.quote.findMany({ orderBy: { id: "asc" } }),
    db.evidence.findMany({ orderBy: [{ voiceSlug: "asc" }, { attribute: "asc" }] }),
    db.release.findMany({ orderBy: { position: "asc" } }),
    db.releaseChange.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { info, sources, voices, quotes, evidence, releases, changes };
}

describe("releasing the corpus, changing it, and releasing it again", () => {
  let dataDir: string;
  let dbPath: string;
  let db: Database;
  const open: Database[] = [];
  const openRelease = async (version: string) => {
    const release = createPrismaClient(await releaseDatabasePath(db, dbPath, version), { readonly: true });
    open.push(release);
    return release;
  };

  beforeAll(async () => {
    dataDir = copyCorpus();
    editForNextRelease(dataDir);
    await makeRelease({ dataDir, version: "1.2.0", notes: "Rustem's stance and words corrected; a paraphrase withdrawn.", date: today() });
    dbPath = path.join(makeTempDir("releases"), "voices.db");
    await seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT });
    db = createPrismaClient(dbPath, { readonly: true });
  });
  afterAll(async () => {
    await Promise.all([db, ...open].map((d) => d.$disconnect()));
  });

  it("serves the new release as the working data, and keeps every release", async () => {
    const info = await getCorpusInfo(db);
    expect(info).toMatchObject({ version: "1.2.0", release: "1.2.0", versionDate: today() });
    expect((await db.release.findMany({ orderBy: { position: "asc" } })).map((r) => r.version)).toEqual(["1.0.0", "1.1.0", "1.2.0"]);
  });

  it("keeps the old stance and the old words in the old release, and the new ones in the new", async () => {
    const [old, current] = [await openRelease("1.1.0"), await openRelease("1.2.0")];
    expect((await old.voice.findUniqueOrThrow({ where: { slug: "rustem" } })).stance).toBe("pro_ukraine");
    expect((await old.quote.findUniqueOrThrow({ where: { id: "rustem-1" } })).text).toBe(OLD_WORDS);
    expect(await old.quote.findUnique({ where: { id: "sergiy-nahornyak-1" } })).not.toBeNull();
    expect((await current.voice.findUniqueOrThrow({ where: { slug: "rustem" } })).stance).toBe("neutral");
    expect((await current.quote.findUniqueOrThrow({ where: { id: "rustem-1" } })).text).toBe(NEW_WORDS);
    expect(await current.quote.findUnique({ where: { id: "sergiy-nahornyak-1" } })).toBeNull();
    expect(await getCorpusInfo(old)).toMatchObject({ version: "1.1.0", release: "1.1.0", versionDate: "2026-11-30" });
  });

  it("records what the release changed, field by field, under the voice it belongs to", async () => {
    const [latest] = await findChangeHistory(db, { voiceSlug: { in: ["rustem", "sergiy-nahornyak"] } });
    expect(latest!.release?.version).toBe("1.2.0");
    expect(latest!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: "voice",
          key: "rustem",
          change: "edited",
          field: "stance",
          before: "pro_ukraine",
          after: "neutral",
        }),
        expect.objectContaining({
          entity: "quote",
          key: "rustem-1",
          voiceSlug: "rustem",
          field: "text",
          before: OLD_WORDS,
          after: NEW_WORDS,
        }),
        expect.objectContaining({ entity: "quote", key: "sergiy-nahornyak-1", voiceSlug: "sergiy-nahornyak", change: "removed" }),
      ]),
    );
  });

  it("cites each release with its own version, date and pinned links", async () => {
    const old = await exportCslJson(await openRelease("1.1.0"), "format=csl-json&voice=rustem");
    const entry = old.items.find((i) => i.version)!;
    expect(entry).toMatchObject({ version: "1.1.0", issued: { "date-parts": [[2026, 11, 30]] } });
    expect(entry.URL).toBe("https://voices.example.org/voices/rustem?version=1.1.0#quote-rustem-1");
    expect(old.provenance.corpusVersion).toBe("1.1.0");
    const current = await exportCslJson(db, "format=csl-json&voice=rustem");
    expect(current.items.find((i) => i.version)).toMatchObject({ version: "1.2.0", URL: expect.stringContaining("?version=1.2.0") });
  });

  it("builds the same releases from the same files on every seed", async () => {
    const again = path.join(makeTempDir("releases-again"), "voices.db");
    await seedDatabase({ dataDir, dbPath: again, root: PROJECT_ROOT });
    const second = createPrismaClient(again, { readonly: true });
    open.push(second);
    expect(await dumpCorpus(second)).toEqual(await dumpCorpus(db));
    for (const version of ["1.0.0", "1.1.0", "1.2.0"]) {
      const rebuilt = createPrismaClient(await releaseDatabasePath(second, again, version), { readonly: true });
      open.push(rebuilt);
      expect(await dumpCorpus(rebuilt), version).toEqual(await dumpCorpus(await openRelease(version)));
    }
  });

  it("shows working data that differs from the latest release as unreleased changes", async () => {
    const unreleasedData = copyCorpus();
    changeRustemsStance(unreleasedData);
    const { dbPath: unreleasedDb } = copyBaseDatabase();
    const report = await seedDatabase({ dataDir: unreleasedData, dbPath: unreleasedDb, root: PROJECT_ROOT });
    expect(report.release).toBeNull();
    expect(report.version).toMatch(/^1\.1\.0\+unreleased\.[0-9a-f]{12}$/);
    const reader = createPrismaClient(unreleasedDb, { readonly: true });
    open.push(reader);
    const [unreleased] = await findChangeHistory(reader, { voiceSlug: "rustem" });
    expect(unreleased).toMatchObject({ release: null, changes: [expect.objectContaining({ field: "stance", after: "neutral" })] });
    const { items } = await exportCslJson(reader, "format=csl-json&voice=rustem");
    const entry = items.find((i) => i.version)!;
    expect(entry.version).toContain("unreleased");
    expect(entry.URL).not.toContain("?version="); // unreleased words cannot be pinned
  });
});

describe("what the release command refuses", () => {
  const refusal = async (options: { version: string; date?: string; edit?: (dataDir: string) => void }) => {
    const dataDir = copyCorpus();
    options.edit?.(dataDir);
    const error = await makeRelease({ dataDir, version: options.version, notes: "Notes.", date: options.date ?? today() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VoicesError);
    return (error as VoicesError).issues[0]!;
  };
  const changeAStance = changeRustemsStance;

  it("a version that exists: releases are never changed", async () => {
    expect(await refusal({ version: "1.1.0", edit: changeAStance })).toMatchObject({
      parameter: "version",
      message: expect.stringContaining("exists already"),
    });
  });
  it("a version before the latest", async () => {
    expect(await refusal({ version: "1.0.5", edit: changeAStance })).toMatchObject({
      parameter: "version",
      message: expect.stringContaining("1.1.0"),
    });
  });
  it("a release of data that is already the latest release", async () => {
    expect(await refusal({ version: "1.2.0" })).toMatchObject({
      parameter: "version",
      message: expect.stringContaining("nothing to release"),
    });
  });
  it("a date in the future, or before the latest release", async () => {
    expect(await refusal({ version: "1.2.0", date: "2999-01-01", edit: changeAStance })).toMatchObject({ parameter: "date" });
    expect(await refusal({ version: "1.2.0", date: "2026-11-29", edit: changeAStance })).toMatchObject({ parameter: "date" });
  });
});

describe("a release file edited after the release", () => {
  const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  it.each([
    [
      "a word changed in its content",
      (text: string) => text.replace('"stance": "pro_ukraine"', '"stance": "neutral"'),
      /releases\/1\.1\.0\.json › checksum: its content no longer matches/,
    ],
    ["broken JSON", (text: string) => text.slice(0, 500), /releases\/1\.1\.0\.json: is not valid JSON/],
    ["a field removed", (text: string) => text.replace(/"notes": "[^"]*",/, ""), /releases\/1\.1\.0\.json › notes/],
  ])("%s fails the seed naming the file, and the served database stays as it was", async (_case, edit, message) => {
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const before = fileHash(dbPath);
    const dataDir = copyCorpus();
    const file = path.join(dataDir, "releases/1.1.0.json");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    const error = await seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoicesError);
    expect((error as VoicesError).message).toMatch(message);
    expect(fileHash(dbPath)).toBe(before);
  });

  it("a release file not named for its version is refused", async () => {
    const dataDir = copyCorpus();
    writeFileSync(path.join(dataDir, "releases/1.3.0.json"), readFileSync(path.join(dataDir, "releases/1.1.0.json")));
    await expect(readReleases(dataDir)).rejects.toThrow(
      /releases\/1\.3\.0\.json › version: holds release 1\.1\.0, so it must be named 1\.1\.0\.json/,
    );
  });

  it("a document changed since a release is named, with the release", async () => {
    const dataDir = copyCorpus();
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const [doc] = (await readReleases(dataDir)).at(-1)!.corpus.documents;
    const file = path.join(dataDir, "documents", `${doc!.id}.txt`);
    writeFileSync(file, `${readFileSync(file, "utf8")}\nA line added later.\n`);
    await expect(seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT })).rejects.toThrow(
      new RegExp(`releases/1\\.0\\.0\\.json › document ${doc!.id}: documents/${doc!.id}\\.txt has changed since this release`),
    );
  });
});
