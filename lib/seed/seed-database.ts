import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { loadCorpus } from "../corpus/load-corpus";
import { verifyCorpus, type CorpusRows } from "../corpus/verify-corpus";
import { createPrismaClient, type Database } from "../db/create-prisma-client";
import { migrateDatabase } from "../db/migrate-database";
import { writeQuoteParts } from "../search/search-index-parts";

export type SeedReport = {
  dbPath: string;
  version: string;
  counts: { sources: number; documents: number; places: number; voices: number; quotes: number; evidence: number };
  milliseconds: number;
};

async function insertRows(db: Database, rows: CorpusRows) {
  await db.$transaction([
    db.source.createMany({ data: rows.sources }),
    db.document.createMany({ data: rows.documents }),
    db.place.createMany({ data: rows.places }),
    db.voice.createMany({ data: rows.voices }),
    db.quote.createMany({ data: rows.quotes }),
    db.evidence.createMany({ data: rows.evidence }),
    db.corpusInfo.create({ data: { id: 1, version: rows.version, versionDate: rows.versionDate, seededAt: new Date() } }),
  ]);
}

/** Whether a process is alive; a killed one can linger as a zombie until reaped, which counts as gone. */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
  }
  try {
    process.kill(pid, 0); // no /proc (not Linux): ask the kernel
    return true;
  } catch {
    return false;
  }
}

/** A seed killed midway leaves its half-built file behind (the served one is untouched): clear those. */
async function removeAbandonedBuilds(dbPath: string) {
  const prefix = `${path.basename(dbPath)}.building-`;
  for (const name of await readdir(path.dirname(dbPath))) {
    const pid = Number(name.slice(prefix.length).replace(/-journal$/, ""));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !(await isRunning(pid))) {
      await rm(path.join(path.dirname(dbPath), name), { force: true });
    }
  }
}

/**
 * Build-then-swap: `fill` loads a fresh file made by the real migrations, which then
 * replaces `dbPath` with one atomic rename. Any failure before the rename leaves the
 * existing database byte for byte as it was, and a reader never sees a half-loaded
 * corpus. Shared by the corpus seed and the synthetic corpus for benchmarks. Once the rows
 * are in, it writes the search index's parts (search-index-parts.ts), so every built file has them.
 */
export async function buildDatabase(
  dbPath: string,
  fill: (db: Database, buildPath: string) => Promise<void>,
  root?: string,
): Promise<void> {
  await mkdir(path.dirname(dbPath), { recursive: true });
  await removeAbandonedBuilds(dbPath);
  const buildPath = `${dbPath}.building-${process.pid}`;
  await rm(buildPath, { force: true });
  try {
    await migrateDatabase(buildPath, root);
    const db = createPrismaClient(buildPath);
    try {
      await fill(db, buildPath);
      // what the server's search index needs, computed here once rather than at every server start
      await writeQuoteParts(db);
    } finally {
      await db.$disconnect();
    }
    await rename(buildPath, dbPath);
  } finally {
    await rm(buildPath, { force: true });
    await rm(`${buildPath}-journal`, { force: true });
  }
}

/** Builds the database at `dbPath` from the corpus in `dataDir`, validated and verified first. */
export async function seedDatabase(options: { dataDir: string; dbPath: string; root?: string }): Promise<SeedReport> {
  const started = performance.now();
  const rows = verifyCorpus(await loadCorpus(options.dataDir));
  await buildDatabase(options.dbPath, (db) => insertRows(db, rows), options.root);

  return {
    dbPath: options.dbPath,
    version: rows.version,
    counts: {
      sources: rows.sources.length,
      documents: rows.documents.length,
      places: rows.places.length,
      voices: rows.voices.length,
      quotes: rows.quotes.length,
      evidence: rows.evidence.length,
    },
    milliseconds: Math.round(performance.now() - started),
  };
}
