import { constants } from "node:fs";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadCorpus } from "../corpus/load-corpus";
import { verifyCorpus, type CorpusRows } from "../corpus/verify-corpus";
import { createPrismaClient, type Database } from "../db/create-prisma-client";
import { migrateDatabase, readMigrations } from "../db/migrate-database";
import { planReleases, releaseDatabasesDir, type CorpusStamp, type PlannedRelease, type ReleasePlan } from "../releases/plan-releases";
import { VoicesError } from "../errors";
import { writeQuoteParts } from "../search/search-index-parts";

export type SeedReport = {
  dbPath: string;
  version: string;
  /** The release the working data equals, or null when it holds unreleased changes. */
  release: string | null;
  releases: string[];
  counts: { sources: number; documents: number; places: number; voices: number; quotes: number; evidence: number };
  milliseconds: number;
};

async function insertRows(db: Database, rows: CorpusRows, stamp: CorpusStamp, seededAt = new Date()) {
  await db.$transaction([
    db.source.createMany({ data: rows.sources }),
    db.document.createMany({ data: rows.documents }),
    db.place.createMany({ data: rows.places }),
    db.voice.createMany({ data: rows.voices }),
    db.quote.createMany({ data: rows.quotes }),
    db.evidence.createMany({ data: rows.evidence }),
    db.corpusInfo.create({ data: { id: 1, ...stamp, seededAt } }),
  ]);
}

async function insertReleases(db: Database, plan: ReleasePlan) {
  await db.$transaction([
    db.release.createMany({
      data: plan.releases.map((r, position) => ({
        version: r.file.version,
        date: r.file.date,
        notes: r.file.notes,
        checksum: r.file.checksum,
        position,
        file: r.databaseFile,
        counts: r.counts,
      })),
    }),
    db.releaseChange.createMany({
      data: plan.changes.map(({ releaseVersion, change }) => ({
        releaseVersion,
        ...change,
        before: change.before === null ? undefined : (change.before as object),
        after: change.after === null ? undefined : (change.after as object),
      })),
    }),
  ]);
}

/**
 * Each release's own database, in releases/ beside the served one. Its name holds the
 * release's checksum and the schema it was built with, so a file once built is never
 * rebuilt or changed, and reseeding leaves it in place for readers that still use it.
 */
async function buildReleaseDatabases(dbPath: string, releases: PlannedRelease[], root?: string) {
  const dir = releaseDatabasesDir(dbPath);
  for (const release of releases) {
    const file = path.join(dir, release.databaseFile);
    const built = await access(file).then(
      () => true,
      () => false,
    );
    if (!built) {
      const stamp = {
        version: release.file.version,
        versionDate: release.file.date,
        release: release.file.version,
        contentHash: release.contentHash,
      };
      // dated by the release, not the build: the same release builds the same database
      await buildDatabase(file, (db) => insertRows(db, release.rows, stamp, new Date(`${release.file.date}T00:00:00Z`)), root, dbPath);
    }
  }
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

/** Why the file system refused a write, in words, or null when the error is something else. */
function describeWriteFailure(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException)?.code;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  if (code === "ENOSPC" || code === "EDQUOT" || /SQLITE_FULL|database or disk is full|no space left/i.test(text)) return "the disk is full";
  if (code === "EROFS" || /read-only file system|SQLITE_READONLY|readonly database/i.test(text))
    return "the folder is on a read-only file system";
  if (code === "EACCES" || code === "EPERM" || /permission denied/i.test(text))
    return "permission denied: the folder is not writable by this user";
  if (code === "ENOTDIR" || code === "EISDIR") return "a path component is not a folder, or the file is a folder";
  if (/SQLITE_CANTOPEN|unable to open database file/i.test(text)) return "SQLite cannot create the file there";
  if (/SQLITE_IOERR|disk I\/O error/i.test(text)) return "a disk I/O error";
  return null;
}

/** Runs a step that writes `file`; a file-system refusal becomes one sentence naming the file and the cause. */
async function writing<T>(file: string, dbPath: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const cause = describeWriteFailure(error);
    if (cause === null) throw error;
    throw new VoicesError("cannot_write", `Cannot write ${file}: ${cause}. Nothing was changed: the database at ${dbPath} is as it was.`);
  }
}

/**
 * Build-then-swap: `fill` loads a fresh file made by the real migrations, which then
 * replaces `dbPath` with one atomic rename. Any failure before the rename leaves the
 * existing database byte for byte as it was, and a reader never sees a half-loaded
 * corpus. Shared by the corpus seed (the served database and each release's) and the
 * synthetic corpus for benchmarks. Once the rows are in, it writes the search index's parts
 * (search-index-parts.ts), so every built file has them.
 */
export async function buildDatabase(
  dbPath: string,
  fill: (db: Database, buildPath: string) => Promise<void>,
  root?: string,
  /** The database the seed serves, which messages say is untouched (a release's database is built beside it). */
  servedPath = dbPath,
): Promise<void> {
  await writing(path.dirname(dbPath), servedPath, () => mkdir(path.dirname(dbPath), { recursive: true }));
  await removeAbandonedBuilds(dbPath);
  const buildPath = `${dbPath}.building-${process.pid}`;
  await rm(buildPath, { force: true });
  try {
    // ask the file system first: the schema engine reports a refused write as "External error id#0".
    // The empty file made here is the one the migrations fill (SQLite takes an empty file for a
    // new database): from now until the rename the build file is there without a gap, so a seed
    // killed at any moment leaves it for the next seed to clear, never a moment with none.
    await writing(buildPath, servedPath, () => writeFile(buildPath, "", { flag: "wx" }));
    await writing(buildPath, servedPath, () => migrateDatabase(buildPath, root));
    const db = createPrismaClient(buildPath);
    try {
      await writing(buildPath, servedPath, () => fill(db, buildPath));
      // what the server's search index needs, computed here once rather than at every server start
      await writing(buildPath, servedPath, () => writeQuoteParts(db));
    } finally {
      await db.$disconnect();
    }
    await writing(dbPath, servedPath, () => rename(buildPath, dbPath));
  } finally {
    await rm(buildPath, { force: true });
    await rm(`${buildPath}-journal`, { force: true });
  }
}

/**
 * Builds the database at `dbPath` from the corpus in `dataDir`, validated and verified
 * first, with every release in `dataDir`/releases (each checked against its checksum and
 * built into its own database first; the served file is replaced last, in one rename).
 */
export async function seedDatabase(options: { dataDir: string; dbPath: string; root?: string }): Promise<SeedReport> {
  const started = performance.now();
  const corpus = await loadCorpus(options.dataDir);
  const rows = verifyCorpus(corpus);
  const schemaKey = (await readMigrations(options.root)).migrationDirectories.at(-1)!.path.slice(0, 14);
  const plan = await planReleases(options.dataDir, corpus, rows, schemaKey);
  // before building anything: a read-only or missing folder is named as the served database's
  const folder = path.dirname(options.dbPath);
  await writing(folder, options.dbPath, async () => {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  });
  await buildReleaseDatabases(options.dbPath, plan.releases, options.root);
  await buildDatabase(
    options.dbPath,
    async (db) => {
      await insertRows(db, rows, plan.working);
      await insertReleases(db, plan);
    },
    options.root,
  );

  return {
    dbPath: options.dbPath,
    version: plan.working.version,
    release: plan.working.release,
    releases: plan.releases.map((r) => r.file.version),
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
