import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
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
  port: number;
  /** The server's process (the command `npm start` runs). */
  pid: number;
  /** What the server has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
};

const START_DEADLINE_MS = 60_000;

/**
 * An npm script's command, read from package.json: its environment (`NAME=value` before the
 * command) and node's arguments, so that tests and benchmarks run exactly what users run.
 */
export function scriptCommand(root: string, script: "start" | "export"): { env: Record<string, string>; args: string[] } {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = scripts[script]!.split(" ");
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error(`npm run ${script} should run node, not: ${scripts[script]}`);
  return { env, args: words };
}

/** Spawns the production server on `dbPath` and `port`, as `npm start` does (one node process); the app must be built. */
export function spawnServer(root: string, dbPath: string, port: number, stdio: "ignore" | "pipe", env: Record<string, string> = {}) {
  const start = scriptCommand(root, "start");
  return spawn(process.execPath, start.args, {
    cwd: root,
    env: {
      ...process.env,
      ...start.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${dbPath}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", stdio, stdio],
  });
}

/** Starts the production server, as `npm start` does (the app must be built), on `port` (a free one if not given), and resolves once it answers. */
export async function serveApp(
  root: string,
  dbPath: string,
  options: { port?: number; /** Settings of the server's own, e.g. EXPORT_WORKER_HEAP_MB. */ env?: Record<string, string> } = {},
): Promise<RunningApp> {
  const port = options.port ?? (await findFreePort());
  let output = "";
  const server = spawnServer(root, dbPath, port, "pipe", options.env);
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;

  // poll until the server answers: a deadline, not a fixed wait. The probe is a light route, and
  // is given until the deadline: a loaded machine once took over 5 s for the explorer's first
  // render, and each probe aborted at 5 s left its render running and started another, so the
  // server never answered in time.
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server exited early:\n${output}`);
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`the server did not answer within ${START_DEADLINE_MS / 1000} s:\n${output}`);
    }
    try {
      await fetch(`${baseUrl}/api/meta`, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      break;
    } catch {
      await Promise.race([exited, new Promise((r) => setTimeout(r, 50))]);
    }
  }
  return {
    baseUrl,
    port,
    pid: server.pid!,
    output: () => output,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      await exited;
    },
  };
}
