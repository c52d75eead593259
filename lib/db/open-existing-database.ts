import { existsSync } from "node:fs";
import { VoicesError } from "../errors";
import { createPrismaClient, type Database } from "./create-prisma-client";
import { getDatabasePath } from "./database-path";

/** A read-only client on the seeded database, or a clear error when there is none yet. */
export function openExistingDatabase(dbPath = getDatabasePath()): Database {
  if (!existsSync(dbPath)) {
    throw new VoicesError("no_database", `No database at ${dbPath}. Run "npm run db:seed" first (or set DATABASE_URL).`);
  }
  return createPrismaClient(dbPath, { readonly: true });
}
