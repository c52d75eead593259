import "server-only";
import type { Database } from "../db/create-prisma-client";
import { leaseServedDatabase } from "../db/served-database";
import { loadSearchIndex } from "./search-index";
import { searchVoices } from "./search-voices";
import { DEFAULT_VOICE_QUERY } from "./voice-query";

/**
 * Loads a connection's search index, and answers the explorer's default search into the
 * recent-searches cache (which also builds the facet codes), so that the first request finds
 * both ready; says so on the server's log.
 */
async function warmConnection(db: Database): Promise<void> {
  const started = performance.now();
  const index = await loadSearchIndex(db);
  await searchVoices(db, DEFAULT_VOICE_QUERY);
  const milliseconds = Math.round(performance.now() - started);
  console.log(`Search index ready: ${index.facts.length} voices, ${index.quotes.rowids.length} quotes, loaded in ${milliseconds} ms.`);
}

/** At server start (instrumentation.ts): warms the served connection, under a lease of its own. */
export async function warmSearchIndex(): Promise<void> {
  const lease = await leaseServedDatabase();
  try {
    await warmConnection(lease.db);
  } finally {
    lease.release();
  }
}
