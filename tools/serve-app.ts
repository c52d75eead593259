import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

// Builds and serves the real app on a free loopback port against a given database:
// for the HTTP and browser tests and for the benchmarks, never for production.

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

export function buildApp(root: string): void {
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

export type RunningApp = {
  baseUrl: string;
  port: number;
  /** What the server has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
};

/** Starts the production server, as `npm start` does (the app must be built), and resolves once it answers. */
export async function serveApp(root: string, dbPath: string): Promise<RunningApp> {
  const port = await freePort();
  let output = "";
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "server.ts")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${dbPath}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`the server did not answer within 60 s:\n${output}`);
    }
    try {
      await fetch(baseUrl);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    baseUrl,
    port,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}
