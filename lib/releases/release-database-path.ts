import path from "node:path";
import { createPrismaClient, type Database } from "../db/create-prisma-client";
import { processState } from "../db/process-state";
import { VoicesError } from "../errors";
import { releaseDatabasesDir } from "./plan-releases";

// A release database's name holds its checksum, so its content never changes: one
// read-only connection per file serves the process (or worker thread) for as long as it runs.
const opened = processState("release-databases", () => new Map<string, Database>());

/**
 * The file of release `version`'s own database, as the served database at `dbPath` records
 * it. An unknown version is a not_found naming it and the releases there are.
 */
export async function releaseDatabasePath(db: Database, dbPath: string, version: string): Promise<string> {
  const release = await db.release.findUnique({ where: { version }, select: { file: true } });
  if (!release) {
    const known = (await db.release.findMany({ select: { version: true }, orderBy: { position: "asc" } })).map((r) => r.version);
    throw new VoicesError(
      "not_found",
      `No release "${version}" of the corpus. ${known.length ? `Releases: ${known.join(", ")}.` : "None has been made yet."}`,
    );
  }
  return path.join(releaseDatabasesDir(dbPath), release.file);
}

/** A read-only connection on release `version`'s own database (see releaseDatabasePath), opened once per process. */
export async function openReleaseDatabase(db: Database, dbPath: string, version: string): Promise<Database> {
  const file = await releaseDatabasePath(db, dbPath, version);
  let release = opened.get(file);
  if (!release) opened.set(file, (release = createPrismaClient(file, { readonly: true })));
  return release;
}
