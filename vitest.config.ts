import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const cores = os.availableParallelism();

// Two projects, run as two groups: "lib" first, while the "app" project's global setup
// builds the app in the background (tests/setup/start-app.ts); then "app", against the
// built app. Both copy one database seeded once per run (tests/setup/db-setup.ts).
// Workers (vitest's default is one fewer than the cores: one, on two): lib's tests are
// CPU-bound in the worker, so one per core, sharing each worker's loaded modules
// (isolate: false; nothing they import keeps state between files, and stubbed env is
// undone); app's tests mostly wait on the server and the browser, so one more than that.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // lib/db/client.ts is server-only; in tests it runs in plain Node.
      "server-only": path.join(root, "tests/setup/server-only-stub.ts"),
    },
  },
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    // vi.stubEnv in a test (PUBLIC_URL, say) is undone after it
    unstubEnvs: true,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // expect.poll returns as soon as the page or server has caught up; its default of 1 s
    // failed browser tests on a machine busy with other work
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "lib",
          dir: "tests",
          exclude: ["app/**", "**/node_modules/**"],
          globalSetup: ["tests/setup/db-setup.ts"],
          maxWorkers: Math.max(2, cores),
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests over real HTTP against the built app: built and started once per run.
        extends: true,
        test: {
          name: "app",
          dir: "tests/app",
          globalSetup: ["tests/setup/start-app.ts", "tests/setup/db-setup.ts"],
          setupFiles: ["tests/setup/wait-for-app.ts"],
          maxWorkers: Math.max(2, cores) + 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
