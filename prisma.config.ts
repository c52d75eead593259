import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations run through the
// WebAssembly schema engine (lib/db/migrate.ts), because the CLI's native engine
// cannot be downloaded on our machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
