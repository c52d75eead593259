import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./paths";

/** Runs one of scripts/*.ts as a real process, the way `npm run` does. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT) {
  const result = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [path.join(PROJECT_ROOT, "scripts", script), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
