import { QUOTE_KINDS, type QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { connectionState } from "../db/process-state";
import { filterVoices, sortVoices, type QuoteCounts } from "./filter-voices";
import { findTextMatches, noTextMatches, type TextMatches } from "./find-text-matches";
import { parseSearchTerms, toFtsQuery } from "./fts-query";
import { loadPlaceSpellings } from "./resolve-filter-values";
import { kindCodes, loadSearchIndex, type SearchIndex } from "./search-index";
import type { VoiceFacts } from "./voice-facts";
import type { VoiceQuery } from "./voice-query";

export type Search = Awaited<ReturnType<typeof runSearch>>;

// Recent searches per connection, keyed by everything but the page: paging through
// results, or the same filters asked again, costs nothing. A reseed opens a new
// connection, so a cache never outlives the corpus it describes.
//
// The cache is bounded by the memory its searches hold as well as by their number: a text
// search holds a few numbers per quote (see TextMatches), about 10 MB at a million quotes,
// and fifty of them took the server from 420 MB to 950 MB under new searches. The search in
// use is never evicted by its own arrival; older ones go first. SEARCH_CACHE_MB sets the
// bound (8 MB by default): memory against repeated searches' speed. At a million quotes that
// is the latest text search alone (paging it stays free); at 30,000 quotes, about twenty.
const CACHE_SIZE = 50;
const cacheBytes = () => (Number(process.env.SEARCH_CACHE_MB) || 8) * 2 ** 20;

type Cached = { search: Promise<Search>; bytes: number };
type RecentSearches = { entries: Map<string, Cached>; bytes: number };

/** What a search holds beyond the index it shares with every other: its arrays, and a reference per result. */
function heldBytes(search: Search): number {
  return (search.matches?.bytes() ?? 0) + search.results.length * 8;
}

const recentSearches = (db: Database) => connectionState<RecentSearches>(db, "recent-searches", () => ({ entries: new Map(), bytes: 0 }));

function evict(recent: RecentSearches, keep: string) {
  for (const [key, cached] of recent.entries) {
    if (recent.entries.size <= CACHE_SIZE && recent.bytes <= cacheBytes()) return;
    if (key === keep) continue;
    recent.entries.delete(key);
    recent.bytes -= cached.bytes;
  }
}

/** How many searches the connection's cache holds, and the bytes they hold (for the benchmark and tests). */
export function describeRecentSearches(db: Database): { searches: number; bytes: number } {
  const recent = recentSearches(db);
  return { searches: recent.entries.size, bytes: recent.bytes };
}

/**
 * The part of a search shared by voices, quotes and exports: text matches, the
 * filtered and sorted voices, and the facet counts.
 */
export function searchVoices(db: Database, query: VoiceQuery, options: { cached?: boolean } = {}): Promise<Search> {
  if (options.cached === false) return runSearch(db, query);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const key = JSON.stringify(filters);
  const recent = recentSearches(db);
  const found = recent.entries.get(key);
  if (found) {
    recent.entries.delete(key); // most recently used goes last
    recent.entries.set(key, found);
    return found.search;
  }
  const cached: Cached = { search: runSearch(db, query), bytes: 0 };
  recent.entries.set(key, cached);
  cached.search.then(
    (search) => {
      if (recent.entries.get(key) !== cached) return; // evicted meanwhile
      cached.bytes = heldBytes(search);
      recent.bytes += cached.bytes;
      evict(recent, key);
    },
    () => {
      if (recent.entries.get(key) === cached) recent.entries.delete(key);
    },
  );
  evict(recent, key);
  return cached.search;
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
  const quoteCounts = query.view === "quotes" ? countQuotes(index, matches, query.kind) : null;
  const { results, orders, facets } = filterVoices(index.facts, query, matches, quoteCounts);
  sortVoices(results, query, matches, orders);
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
    for (let n = quotes.starts[voice.order]!; n < quotes.starts[voice.order + 1]!; n++) {
      const rowid = quotes.rowids[n]!;
      if (wanted && !wanted.has(quotes.kindOf[rowid]!)) continue;
      if (keepsQuote(search.index, search.matches, rowid)) selected.push(rowid);
    }
  }
  return selected;
}

/** Whether a search keeps a quote: its words matched, or its voice matched as a whole. */
function keepsQuote(index: SearchIndex, matches: TextMatches | null, rowid: number): boolean {
  return !matches || matches.voiceMatched[index.quotes.voiceOf[rowid]!] === 1 || matches.quoteHits[rowid] === 1;
}

/** Per voice, the quotes a search keeps: of the selected kinds, and of each kind (see QuoteCounts). */
function countQuotes(index: SearchIndex, matches: TextMatches | null, kinds: QuoteKind[]): QuoteCounts {
  const { quotes, facts } = index;
  const wanted = kindCodes(kinds);
  const selected = new Int32Array(facts.length);
  const byKind = new Map(QUOTE_KINDS.map((kind) => [kind as string, new Int32Array(facts.length)]));
  const kindArrays = QUOTE_KINDS.map((kind) => byKind.get(kind)!);
  for (let voice = 0; voice < facts.length; voice++) {
    for (let n = quotes.starts[voice]!; n < quotes.starts[voice + 1]!; n++) {
      const rowid = quotes.rowids[n]!;
      if (!keepsQuote(index, matches, rowid)) continue;
      const kind = quotes.kindOf[rowid]!;
      kindArrays[kind]![voice]!++;
      if (!wanted || wanted.has(kind)) selected[voice]!++;
    }
  }
  return { selected, byKind };
}

/**
 * The quotes view's order of the selected quotes (rowids, from selectQuotes in voice order):
 * relevance ranks each quote by its own match (a quote of a voice matched by name or place
 * by the voice's rank); source lists them as the sources print them (source, then place in
 * the document); the other sorts keep the voices' order, each voice's quotes together.
 */
export function sortQuotes(search: Search, rowids: number[], sort: VoiceQuery["sort"]): number[] {
  const { quotes, facts } = search.index;
  const { matches } = search;
  if (sort === "source") {
    const sourceRank = new Map<string, number>();
    for (const voice of facts) if (!sourceRank.has(voice.sourceSlug)) sourceRank.set(voice.sourceSlug, sourceRank.size);
    const key = (rowid: number) => sourceRank.get(facts[quotes.voiceOf[rowid]!]!.sourceSlug)!;
    return [...rowids].sort((a, b) => key(a) - key(b) || quotes.startOf[a]! - quotes.startOf[b]! || a - b);
  }
  if (sort === "relevance" && matches) {
    const quoteRank = matches.quoteRank();
    const rankOf = (rowid: number) => {
      const own = quoteRank[rowid]!;
      return own !== Infinity ? own : matches.rank[quotes.voiceOf[rowid]!]!;
    };
    // stable: ties keep the voices' order
    return rowids
      .map((rowid, i) => ({ rowid, i, rank: rankOf(rowid) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.rowid);
  }
  return rowids;
}
