import path from "node:path";
import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { releaseDatabasesDir } from "./plan-releases";

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
