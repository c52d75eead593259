import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Database } from "./create-prisma-client";

// A database seeded by older code lacks the migrations added since: a new column makes its
// pages fail, a new index makes them slow. The server says so on its log when it opens such a
// file (warm-search-index.ts), naming what to run, instead of leaving the operator a 500.

/** The project's migrations folder, relative to its root (migrate-database.ts applies it). */
export const MIGRATIONS_DIR = "prisma/migrations";

/** The names of the project's migrations, oldest first: the folders of MIGRATIONS_DIR. */
export async function listMigrations(root = process.cwd()): Promise<string[]> {
  const folder = path.join(/* turbopackIgnore: true */ root, MIGRATIONS_DIR);
  return (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The names of the project's migrations that the database has not applied, oldest first. */
export async function findMissingMigrations(db: Database, root = process.cwd()): Promise<string[]> {
  const project = await listMigrations(root);
  const [table] = await db.$queryRaw<{ found: number }[]>`
    SELECT count(*) AS found FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`;
  // a file no migration made has applied none
  const applied = Number(table!.found)
    ? await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    : [];
  const done = new Set(applied.map((row) => row.name));
  return project.filter((name) => !done.has(name));
}

/** The warning for a database that lacks `missing`, naming the file and the command that rebuilds it. */
export function describeMissingMigrations(dbPath: string, missing: string[]): string {
  const listed = missing.length > 3 ? `${missing.slice(0, 3).join(", ")} and ${missing.length - 3} more` : missing.join(", ");
  return (
    `The database ${dbPath} was made before ${missing.length === 1 ? "the migration" : `${missing.length} migrations`} ${listed}: ` +
    'some pages may fail or be slow until "npm run db:seed" rebuilds it.'
  );
}
