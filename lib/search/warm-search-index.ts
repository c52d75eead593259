import "server-only";
import { getDb } from "../db/client";
import { loadSearchIndex } from "./search-index";
import { searchVoices } from "./search-voices";
import { DEFAULT_VOICE_QUERY } from "./voice-query";

/**
 * Loads the served connection's search index, and answers the explorer's default search
 * into the recent-searches cache (which also builds the facet codes), so that the first
 * request finds both ready. The server calls this at start (instrumentation.ts).
 */
export async function warmSearchIndex(): Promise<{ voices: number; quotes: number; milliseconds: number }> {
  const started = performance.now();
  const db = await getDb();
  const index = await loadSearchIndex(db);
  await searchVoices(db, DEFAULT_VOICE_QUERY);
  return { voices: index.facts.length, quotes: index.quotes.rowids.length, milliseconds: Math.round(performance.now() - started) };
}
