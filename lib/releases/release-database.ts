import "server-only";
import { cache } from "react";
import { getDb } from "../db/client";
import { createPrismaClient, type Database } from "../db/create-prisma-client";
import { getDatabasePath } from "../db/database-path";
import { processState } from "../db/process-state";
import { releaseDatabasePath } from "./release-database-path";

// `?version=1.0.0` on any page or API route reads release 1.0.0's own database instead of
// the working data. A release database's name holds its checksum, so its content never
// changes: one read-only connection per file serves the process for as long as it runs.

const opened = processState("release-databases", () => new Map<string, Database>());

/**
 * The database holding `version` of the corpus: the served working data when version is
 * null, else that release's own database (an unknown version is a not_found naming it).
 * Asked once per request (React's cache).
 */
export const getDbAt = cache(async function getDbAt(version: string | null): Promise<Database> {
  const db = await getDb();
  if (version === null) return db;
  const file = await releaseDatabasePath(db, getDatabasePath(), version);
  let release = opened.get(file);
  if (!release) opened.set(file, (release = createPrismaClient(file, { readonly: true })));
  return release;
});
