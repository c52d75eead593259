import "server-only";
import type { Database } from "../db/create-prisma-client";
import { getDb, setConnectionWarmer } from "../db/client";
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

/**
 * At server start (instrumentation.ts): warms the served connection, and every connection a
 * reseed opens later, before it serves (see setConnectionWarmer).
 */
export async function warmSearchIndex(): Promise<void> {
  setConnectionWarmer(warmConnection);
  await warmConnection(await getDb());
}
