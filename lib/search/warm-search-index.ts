import "server-only";
import type { Database } from "../db/create-prisma-client";
import { getDatabasePath } from "../db/database-path";
import { describeMissingMigrations, findMissingMigrations } from "../db/missing-migrations";
import { leaseServedDatabase, warmNewConnectionsWith } from "../db/served-database";
import { loadSearchIndex } from "./search-index";
import { searchVoices } from "./search-voices";
import { DEFAULT_VOICE_QUERY } from "./voice-query";

/**
 * Warns when the connection's database lacks migrations, then loads its search index, and answers the explorer's default search into the
 * recent-searches cache (which also builds the facet codes), so that the first request finds
 * both ready; says so on the server's log.
 */
async function warmConnection(db: Database): Promise<void> {
  const missing = await findMissingMigrations(db);
  if (missing.length) console.warn(describeMissingMigrations(getDatabasePath(), missing));
  const started = performance.now();
  const index = await loadSearchIndex(db);
  await searchVoices(db, DEFAULT_VOICE_QUERY);
  const milliseconds = Math.round(performance.now() - started);
  console.log(`Search index ready: ${index.facts.length} voices, ${index.quotes.rowids.length} quotes, loaded in ${milliseconds} ms.`);
}

/**
 * At server start (instrumentation.ts): every connection the server opens is warmed before it
 * serves, the first one now and each reseeded file's as soon as the server notices it, while
 * the previous connection goes on answering (served-database.ts).
 */
export async function warmSearchIndex(): Promise<void> {
  warmNewConnectionsWith(warmConnection);
  const lease = await leaseServedDatabase();
  lease.release();
}
