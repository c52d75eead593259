import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

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
    projects: [
      {
        extends: true,
        test: {
          name: "lib",
          dir: "tests",
          exclude: ["app/**", "**/node_modules/**"],
          // one database seeded per run, copied by the tests that read it
          globalSetup: ["tests/setup/db-setup.ts"],
        },
      },
      {
        // Tests over real HTTP against the built app: built and started once per run.
        extends: true,
        test: { name: "app", dir: "tests/app", globalSetup: ["tests/setup/start-app.ts"] },
      },
    ],
  },
});
