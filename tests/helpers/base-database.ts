import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { copyDatabase } from "./copy-database";
import { makeTempDir } from "./paths";

/**
 * A private copy of the database seeded once for this run from data/ (tests/setup/db-setup.ts),
 * so a test may write to it, or reseed it, without touching anyone else's. `db` is a
 * read-only client on the copy.
 */
export function copyBaseDatabase(): { dbPath: string; db: Database } {
  const dbPath = path.join(makeTempDir("db"), "voices.db");
  copyDatabase(inject("baseDatabasePath"), dbPath);
  return { dbPath, db: createPrismaClient(dbPath, { readonly: true }) };
}
