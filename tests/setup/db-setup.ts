import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDatabase } from "../../lib/seed/seed-database";

// Seeds one database from data/ through the real migrations, once per run, for every
// project that asks (both run their global setups in this one process). Tests copy it
// (tests/helpers/base-database.ts) instead of seeding again: a copy takes a millisecond,
// a seed a second or more. Tests about seeding, or that need another corpus, still seed.

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's seeded base database: copy it, never open it for writing. */
    baseDatabasePath: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const KEY = Symbol.for("voices.tests.base-database");

/** The path of this run's base database, seeded on first call. */
export function seedBaseDatabase(): Promise<string> {
  const store = globalThis as unknown as Record<symbol, Promise<string> | undefined>;
  store[KEY] ??= (async () => {
    const dbPath = path.join(root, ".tmp", `base-${process.pid}`, "voices.db");
    await seedDatabase({ dataDir: path.join(root, "data"), dbPath, root });
    return dbPath;
  })();
  return store[KEY];
}

export default async function setupBaseDatabase(project: TestProject) {
  project.provide("baseDatabasePath", await seedBaseDatabase());
}
