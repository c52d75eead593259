import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database as Client } from "@/lib/db/create-prisma-client";
import { migrateDatabase, readMigrations } from "@/lib/db/migrate-database";
import { describeMissingMigrations, findMissingMigrations } from "@/lib/db/missing-migrations";
import { makeTempDir } from "../helpers/paths";

// A database seeded by older code lacks the migrations added since; the server names them on
// its log. The databases here are made by the real migrations.

let dbPath: string;
let names: string[];
const clients: Client[] = [];
const open = (file: string) => {
  const client = createPrismaClient(file, { readonly: true });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  dbPath = path.join(makeTempDir("missing-migrations"), "voices.db");
  names = await migrateDatabase(dbPath);
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

describe("findMissingMigrations", () => {
  it("finds none in a database every migration made", async () => {
    expect(names).toEqual((await readMigrations()).migrationDirectories.map((m) => m.path));
    expect(await findMissingMigrations(open(dbPath))).toEqual([]);
  });

  it("names the migrations a database has not applied, oldest first", async () => {
    const older = path.join(makeTempDir("missing-migrations-older"), "voices.db");
    const sqlite = new Database(older);
    sqlite.exec(`ATTACH '${dbPath}' AS made; CREATE TABLE "_prisma_migrations" AS SELECT * FROM made."_prisma_migrations"; DETACH made;`);
    const [last, beforeLast] = [names.at(-1)!, names.at(-2)!];
    sqlite.prepare(`DELETE FROM "_prisma_migrations" WHERE migration_name IN (?, ?)`).run(last, beforeLast);
    sqlite.close();
    expect(await findMissingMigrations(open(older))).toEqual([beforeLast, last]);
  });

  it("counts every migration missing from a file no migration made", async () => {
    const foreign = path.join(makeTempDir("missing-migrations-foreign"), "other.db");
    new Database(foreign).exec("CREATE TABLE t (x)").close();
    expect(await findMissingMigrations(open(foreign))).toEqual(names);
  });
});

describe("describeMissingMigrations", () => {
  it("names the file, the migrations and the command that rebuilds it", () => {
    const one = describeMissingMigrations("/srv/voices.db", [names.at(-1)!]);
    for (const part of ["/srv/voices.db", `the migration ${names.at(-1)}`, '"npm run db:seed"']) expect(one).toContain(part);
    expect(describeMissingMigrations("/srv/voices.db", ["a", "b", "c", "d", "e"])).toMatch(/before 5 migrations a, b, c and 2 more:/);
  });
});
