import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

// Builds and serves the real app on a free loopback port against a given database:
// for the HTTP and browser tests and for the benchmarks, never for production.

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `next build`. Asynchronous, so that a test run's global setup can start it and
 * return: the tests that need no server run while it builds.
 */
export function buildApp(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const build = spawn(path.join(root, "node_modules/.bin/next"), ["build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    build.stdout.on("data", (d) => (output += d));
    build.stderr.on("data", (d) => (output += d));
    build.once("error", reject);
    build.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code}):\n${output}`))));
  });
}

export type RunningApp = {
  baseUrl: string;
  /** What the server has printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
};

const START_DEADLINE_MS = 60_000;

/**
 * Starts `next start` (the app must be built) on `port` (a free one if not given) and resolves
 * once `readyPath` (the explorer unless given) answers.
 */
export async function serveApp(root: string, dbPath: string, options: { port?: number; readyPath?: string } = {}): Promise<RunningApp> {
  const port = options.port ?? (await findFreePort());
  let output = "";
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${dbPath}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;

  // poll until the server answers: a deadline, not a fixed wait
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`next start exited early:\n${output}`);
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`next start did not answer within ${START_DEADLINE_MS / 1000} s:\n${output}`);
    }
    try {
      await fetch(`${baseUrl}${options.readyPath ?? "/"}`, { signal: AbortSignal.timeout(5_000) });
      break;
    } catch {
      await Promise.race([exited, new Promise((r) => setTimeout(r, 50))]);
    }
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      await exited;
    },
  };
}
