import { existsSync, readFileSync } from "node:fs";
import { beforeAll, inject, vi } from "vitest";

// The app project's global setup builds and starts the app without waiting for it
// (tests/setup/start-app.ts). Each app test file waits here until it answers, and fails
// with the build's or the server's own output if it never will.
const BUILD_DEADLINE_MS = 240_000;

beforeAll(async () => {
  const statusPath = inject("appStatusPath");
  await vi.waitFor(
    () => {
      if (!existsSync(statusPath)) throw new Error(`The app was not built and serving within ${BUILD_DEADLINE_MS / 1000} s`);
    },
    { timeout: BUILD_DEADLINE_MS, interval: 100 },
  );
  const status = readFileSync(statusPath, "utf8");
  if (status !== "ready") throw new Error(status);
}, BUILD_DEADLINE_MS + 10_000);
