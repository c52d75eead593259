// npm run db:migration -- --name <name> – writes the SQL that takes the existing
// migrations to prisma/schema.prisma as a new migration, in Prisma's folder format.
// (Our stand-in for `prisma migrate dev`, whose native engine cannot be downloaded here.)
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { diffDatabaseToSchema, migrateDatabase } from "../lib/db/migrate-database";
import { MIGRATIONS_DIR } from "../lib/db/missing-migrations";
import { runCli } from "./run-cli";

const FlagsSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]+$/, { error: "must be lowercase letters, digits and underscores, e.g. add_search_index" }),
});

runCli(async () => {
  const { values } = parseArgs({ options: { name: { type: "string" } }, strict: true });
  const flags = FlagsSchema.parse(values);
  const scratch = await mkdtemp(path.join(tmpdir(), "voices-migration-"));
  try {
    const dbPath = path.join(scratch, "current.db");
    await migrateDatabase(dbPath);
    const sql = await diffDatabaseToSchema(dbPath);
    if (sql === "") {
      console.error("prisma/schema.prisma already matches the migrations: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${flags.name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.error(`Wrote ${dir}/migration.sql. Review it, then run "npm run db:seed".`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
