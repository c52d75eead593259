import type { QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { connectionState } from "../db/process-state";
import { filterVoices, sortVoices } from "./filter-voices";
import { findTextMatches, noTextMatches } from "./find-text-matches";
import { parseSearchTerms, toFtsQuery } from "./fts-query";
import { loadPlaceSpellings } from "./resolve-filter-values";
import { kindCodes, loadSearchIndex } from "./search-index";
import type { VoiceFacts } from "./voice-facts";
import type { VoiceQuery } from "./voice-query";

export type Search = Awaited<ReturnType<typeof runSearch>>;

// Recent searches per connection, keyed by everything but the page: paging through
// results, or the same filters asked again, costs nothing. A reseed opens a new
// connection, so a cache never outlives the corpus it describes.
const CACHE_SIZE = 50;

/**
 * The part of a search shared by voices, quotes and exports: text matches, the
 * filtered and sorted voices, and the facet counts.
 */
export function searchVoices(db: Database, query: VoiceQuery, options: { cached?: boolean } = {}): Promise<Search> {
  if (options.cached === false) return runSearch(db, query);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const key = JSON.stringify(filters);
  const cache = connectionState(db, "recent-searches", () => new Map<string, Promise<Search>>());
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
  const index = await loadSearchIndex(db);
  // place names in the search match every spelling of their place
  const terms = query.q.trim() ? parseSearchTerms(query.q, await loadPlaceSpellings(db)) : [];
  const ftsQuery = toFtsQuery(terms);
  const unsearchable = query.q.trim() !== "" && ftsQuery === null;
  const matches = unsearchable
    ? noTextMatches(index.facts.length, index.quotes.voiceOf.length)
    : ftsQuery
      ? await findTextMatches(db, index, ftsQuery, query.kind)
      : null;
  const { results, facets } = filterVoices(index.facts, query, matches);
  sortVoices(results, query, matches);
  return {
    facts: index.facts,
    index,
    /** The search's terms, as matched: for marking them in the text. */
    terms,
    /** What the text search matched; null without one. */
    matches,
    ranking: matches?.ranking ?? "bm25",
    results,
    facets,
    unsearchable,
  };
}

/**
 * The rowids of the quotes a search selects, voice by voice in result order, each voice's
 * in its own order: quotes of the selected kinds and, with a search, the ones whose words
 * matched (every one of a voice matched by its name, occupation, heritage or place).
 */
export function selectQuotes(search: Search, kinds: QuoteKind[], voices: VoiceFacts[] = search.results): number[] {
  const { quotes } = search.index;
  const wanted = kindCodes(kinds);
  const selected: number[] = [];
  for (const voice of voices) {
    const wholeVoice = !search.matches || search.matches.voiceMatched[voice.order] === 1;
    for (let n = quotes.starts[voice.order]!; n < quotes.starts[voice.order + 1]!; n++) {
      const rowid = quotes.rowids[n]!;
      if (wanted && !wanted.has(quotes.kindOf[rowid]!)) continue;
      if (wholeVoice || search.matches!.quoteHits[rowid] === 1) selected.push(rowid);
    }
  }
  return selected;
}
