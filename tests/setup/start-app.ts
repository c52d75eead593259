import { mkdirSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDatabase } from "../../lib/seed/seed-database";
import { buildApp, serveApp } from "../../tools/serve-app";

// Builds the real app and serves it over real HTTP on a free port, against a
// database seeded for this run, for the tests in tests/app/.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The database the app serves, for tests that compare the page with it. */
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function startApp(project: TestProject) {
  const dir = path.join(root, ".tmp", `app-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, "voices.db");
  await seedDatabase({ dataDir: path.join(root, "data"), dbPath, root });
  buildApp(root);
  const app = await serveApp(root, dbPath);
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", `file:${dbPath}`);
  return () => app.stop();
}
