import path from "node:path";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { seedDatabase, type SeedReport } from "@/lib/seed/seed-database";
import { DATA_DIR, makeTempDir, PROJECT_ROOT } from "./paths";

/** Seeds a fresh SQLite file from the real corpus through the real migrations. */
export async function seedFreshDatabase(dataDir = DATA_DIR): Promise<{ dbPath: string; report: SeedReport; db: Database }> {
  const dbPath = path.join(makeTempDir("db"), "voices.db");
  const report = await seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT });
  return { dbPath, report, db: createPrismaClient(dbPath, { readonly: true }) };
}
