import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, findFreePort, serveApp, type RunningApp } from "../../tools/serve-app";
import { copyDatabase } from "../helpers/copy-database";
import { seedBaseDatabase } from "./db-setup";

// Builds the real app and serves it over real HTTP on a free port, against a copy of the
// run's base database, for the tests in tests/app/. The build is started, not awaited:
// `next build` takes tens of seconds, and the lib project's tests run meanwhile. Each
// app test file waits for the server in tests/setup/wait-for-app.ts.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The database the app serves, for tests that compare the page with it. */
    databaseUrl: string;
    /** Holds "ready" once the app answers, or why it could not be built or started. */
    appStatusPath: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function startApp(project: TestProject) {
  const dir = path.join(root, ".tmp", `app-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, "voices.db");
  const statusPath = path.join(dir, "status");
  rmSync(statusPath, { force: true });
  const port = await findFreePort();
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("databaseUrl", `file:${dbPath}`);
  project.provide("appStatusPath", statusPath);

  const writeStatus = (status: string) => {
    writeFileSync(`${statusPath}.partial`, status);
    renameSync(`${statusPath}.partial`, statusPath); // a reader sees the whole status or none
  };
  const app: Promise<RunningApp> = (async () => {
    const [base] = await Promise.all([seedBaseDatabase(), buildApp(root)]);
    copyDatabase(base, dbPath);
    return serveApp(root, dbPath, { port });
  })();
  app.then(
    () => writeStatus("ready"),
    (error: unknown) => writeStatus(`The app could not be built and served: ${error instanceof Error ? error.message : String(error)}`),
  );
  return async () => {
    await (await app.catch(() => undefined))?.stop();
  };
}
