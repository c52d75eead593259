import type { Database } from "../db/create-prisma-client";
import { filterVoices, sortVoices, type TextMatch } from "./filter-voices";
import { findTextMatches } from "./find-text-matches";
import { buildFtsQuery } from "./fts-query";
import { loadVoiceFacts } from "./voice-facts";
import type { VoiceQuery } from "./voice-query";

type Search = Awaited<ReturnType<typeof runSearch>>;

// Recent searches per connection, keyed by everything but the page: paging through
// results, or the same filters asked again, costs nothing. A reseed opens a new
// connection, so a cache never outlives the corpus it describes.
const CACHE_SIZE = 50;
const caches = new WeakMap<Database, Map<string, Promise<Search>>>();

/**
 * The part of a search shared by voices, quotes and exports: text matches, the
 * filtered and sorted voices, and the facet counts.
 */
export function searchVoices(db: Database, query: VoiceQuery, options: { cached?: boolean } = {}): Promise<Search> {
  if (options.cached === false) return runSearch(db, query);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const key = JSON.stringify(filters);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let search = cache.get(key);
  if (search) {
    cache.delete(key); // most recently used goes last
  } else {
    search = runSearch(db, query);
    search.catch(() => cache.delete(key));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, search);
  return search;
}

async function runSearch(db: Database, query: VoiceQuery) {
  const facts = await loadVoiceFacts(db);
  const ftsQuery = query.q.trim() ? buildFtsQuery(query.q) : null;
  const unsearchable = query.q.trim() !== "" && ftsQuery === null;
  const found = ftsQuery && !unsearchable ? await findTextMatches(db, ftsQuery, query.kind) : null;
  const matches: Map<string, TextMatch> | null = unsearchable ? new Map() : (found?.matches ?? null);
  const { results, facets } = filterVoices(facts, query, matches);
  sortVoices(results, query, matches);
  return { facts, ftsQuery, matches, truncated: found?.truncated ?? false, results, facets, unsearchable };
}
