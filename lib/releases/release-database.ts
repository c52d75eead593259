import "server-only";
import { cache } from "react";
import { getDb } from "../db/client";
import type { Database } from "../db/create-prisma-client";
import { getDatabasePath } from "../db/database-path";
import { openReleaseDatabase } from "./release-database-path";

// `?version=1.0.0` on any page or API route reads release 1.0.0's own database instead of
// the working data.

/**
 * The database holding `version` of the corpus: the served working data when version is
 * null, else that release's own database (an unknown version is a not_found naming it).
 * Asked once per request (React's cache).
 */
export const getDbAt = cache(async function getDbAt(version: string | null): Promise<Database> {
  const db = await getDb();
  return version === null ? db : openReleaseDatabase(db, getDatabasePath(), version);
});
