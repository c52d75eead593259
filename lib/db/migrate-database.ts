import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { SEARCH_INDEX_TABLES } from "./external-tables";
import { listMigrations, MIGRATIONS_DIR } from "./missing-migrations";
import { openSchemaEngine } from "./schema-engine";

const SCHEMA_FILE = "prisma/schema.prisma";

const FILTERS = { externalTables: [], externalEnums: [] };

async function readSchema(root: string) {
  return { path: SCHEMA_FILE, content: await readFile(path.join(root, SCHEMA_FILE), "utf8") };
}

/** The migrations folder in the shape the schema engine expects (Prisma's own format). */
export async function readMigrations(root = process.cwd()): Promise<MigrationList> {
  const baseDir = path.join(root, MIGRATIONS_DIR);
  const names = await listMigrations(root);
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(baseDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

async function withEngine<T>(
  dbPath: string,
  root: string,
  run: (engine: SchemaEngine, schema: { path: string; content: string }) => Promise<T>,
) {
  const schema = await readSchema(root);
  const { engine, close } = await openSchemaEngine(dbPath, schema);
  try {
    return await run(engine, schema);
  } finally {
    await close();
  }
}

/** Applies every pending migration to the SQLite file (created if missing); returns their names. */
export async function migrateDatabase(dbPath: string, root = process.cwd()): Promise<string[]> {
  const migrationsList = await readMigrations(root);
  return withEngine(dbPath, root, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would take the database at `dbPath` to prisma/schema.prisma, or "" when
 * they already match. Used to detect drift and to write new migrations. The search
 * indexes, which Prisma cannot model, are left out of the comparison (on a copy).
 */
export async function diffDatabaseToSchema(dbPath: string, root = process.cwd()): Promise<string> {
  const scratch = await mkdtemp(path.join(tmpdir(), "voices-diff-"));
  const copy = path.join(scratch, "compare.db");
  try {
    await copyFile(dbPath, copy);
    const sqlite = new Database(copy);
    for (const table of SEARCH_INDEX_TABLES) sqlite.exec(`DROP TABLE IF EXISTS "${table}"`);
    sqlite.close();
    return await withEngine(copy, root, async (engine, schema) => {
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [schema], configDir: root },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: true,
        filters: FILTERS,
      });
      // exitCode 2 means "there is a difference"; 0 comes with a comment-only script.
      return result.exitCode === 2 ? (result.stdout ?? "") : "";
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
