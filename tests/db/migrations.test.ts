import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { diffDatabaseToSchema, migrateDatabase, readMigrations } from "@/lib/db/migrate-database";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";

describe("migrations", () => {
  it("are stored in Prisma's own folder format", async () => {
    const list = await readMigrations(PROJECT_ROOT);
    expect(list.lockfile.content).toMatch(/provider = "sqlite"/);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) {
      expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(dir.migrationFile.path).toBe("migration.sql");
    }
  });

  it("produce exactly the schema in prisma/schema.prisma (no drift)", async () => {
    const dbPath = path.join(makeTempDir("migrate"), "voices.db");
    const applied = await migrateDatabase(dbPath, PROJECT_ROOT);
    expect(applied).toEqual((await readMigrations(PROJECT_ROOT)).migrationDirectories.map((d) => d.path));
    expect(await diffDatabaseToSchema(dbPath, PROJECT_ROOT)).toBe("");
  });

  it("apply only once", async () => {
    const dbPath = path.join(makeTempDir("migrate"), "voices.db");
    await migrateDatabase(dbPath, PROJECT_ROOT);
    expect(await migrateDatabase(dbPath, PROJECT_ROOT)).toEqual([]);
  });

  it("drift detection notices a database that differs from the schema", async () => {
    const dbPath = path.join(makeTempDir("migrate"), "voices.db");
    await migrateDatabase(dbPath, PROJECT_ROOT);
    const sqlite = new Database(dbPath);
    sqlite.exec('DROP INDEX "Voice_stance_name_idx"');
    sqlite.close();
    expect(await diffDatabaseToSchema(dbPath, PROJECT_ROOT)).toMatch(/CREATE INDEX "Voice_stance_name_idx"/);
  });
});

describe("npm run db:migration", () => {
  /** A scratch project holding a copy of prisma/, so the script never writes into ours. */
  function scratchProject() {
    const root = makeTempDir("project");
    cpSync(path.join(PROJECT_ROOT, "prisma"), path.join(root, "prisma"), { recursive: true, filter: (src) => !src.endsWith(".db") });
    return root;
  }

  it("writes nothing when the schema already matches the migrations", async () => {
    const root = scratchProject();
    const before = (await readMigrations(root)).migrationDirectories.length;
    const result = runScript("create-migration.ts", ["--name", "nothing_to_do"], {}, root);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/already matches the migrations: no migration written/);
    expect((await readMigrations(root)).migrationDirectories).toHaveLength(before);
  });

  it("writes a migration for a change to the schema", async () => {
    const root = scratchProject();
    const schemaFile = path.join(root, "prisma/schema.prisma");
    const schema = readFileSync(schemaFile, "utf8");
    const changed = schema.replace("@@index([stance, name])", "@@index([stance, name])\n  @@index([role])");
    expect(changed).not.toBe(schema);
    writeFileSync(schemaFile, changed);
    const result = runScript("create-migration.ts", ["--name", "index_role"], {}, root);
    expect(result.status).toBe(0);
    const written = (await readMigrations(root)).migrationDirectories.at(-1)!;
    expect(written.path).toMatch(/^\d{14}_index_role$/);
    expect(written.migrationFile.content).toEqual({ tag: "ok", value: expect.stringContaining('CREATE INDEX "Voice_role_idx"') });
    expect(written.migrationFile.content).toEqual({ tag: "ok", value: expect.not.stringMatching(/Search/) });
  });

  it("rejects a migration name that is not snake_case", async () => {
    const result = runScript("create-migration.ts", ["--name", "Add Index"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--name: must be lowercase letters/);
  });
});
