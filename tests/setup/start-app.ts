import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDatabase } from "../../lib/seed/seed-database";

// Builds the real app and serves it over real HTTP on a free port, against a
// database seeded for this run, for the tests that talk to the app.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The database the app serves, for tests that compare the page with it. */
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`next start did not answer within 60 s:\n${log()}`);
}

export default async function startApp(project: TestProject) {
  const tmp = path.join(root, ".tmp");
  mkdirSync(tmp, { recursive: true });
  const dbPath = path.join(tmp, `app-${process.pid}`, "voices.db");
  await seedDatabase({ dataDir: path.join(root, "data"), dbPath, root });

  const env = { ...process.env, DATABASE_URL: `file:${dbPath}`, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);

  const port = await freePort();
  let output = "";
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, server, () => output);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", env.DATABASE_URL);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
}
