import type { Database } from "../db/create-prisma-client";
import { describeQuery } from "../search/describe-query";
import { summariseFacets } from "../search/facet-display";
import type { FacetCounts } from "../search/filter-voices";
import { parseSearchTerms } from "../search/fts-query";
import { loadPlaceSpellings } from "../search/resolve-filter-values";
import { findQuoteIds } from "../search/search-index";
import { searchVoices, selectQuotes, sortQuotes } from "../search/search-voices";
import type { MultiKey, VoiceQuery } from "../search/voice-query";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";
import { toVoiceRef, VOICE_REF_SELECT, type VoiceRef } from "../voices/voice-ref";
import { keywordInContext, type KeywordInContext } from "./keyword-in-context";
import { QUOTE_REF_SELECT, toQuoteRef, type QuoteRef } from "./quote-ref";

/** One quote result: the quote, its speaker, its source, and the quote in its context with the search's words marked. */
export type QuoteResult = QuoteRef & KeywordInContext & { voice: VoiceRef & { place: string | null }; source: SourceRef };

export type QuoteSearchResult = {
  view: "quotes";
  total: number;
  ranking: "bm25" | "approximate";
  items: QuoteResult[];
  /** Facet counts in quotes: how many of the selected quotes each value would keep. */
  facets: FacetCounts;
  /** Per facet, how many values with a count `facets` leaves out (see summariseFacet). */
  moreFacetValues: Record<MultiKey, number>;
  query: VoiceQuery;
  description: string;
  unsearchable: boolean;
};

/** The quotes with the given ids, in that order, each with its speaker, source and context. */
export async function findQuoteResults(db: Database, ids: string[], q = ""): Promise<QuoteResult[]> {
  if (ids.length === 0) return [];
  // the terms as the search matched them: a place name marks every spelling of its place
  const terms = q.trim() ? parseSearchTerms(q, await loadPlaceSpellings(db)) : [];
  const rows = await db.quote.findMany({
    where: { id: { in: ids } },
    select: {
      ...QUOTE_REF_SELECT,
      voice: { select: { ...VOICE_REF_SELECT, place: { select: { name: true } }, source: { select: SOURCE_REF_SELECT } } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { voice, ...quote } = row;
    const { place, source, ...speaker } = voice;
    return [
      {
        ...toQuoteRef(quote),
        voice: { ...toVoiceRef(speaker), place: place?.name ?? null },
        source: toSourceRef(source),
        ...keywordInContext(quote, terms),
      },
    ];
  });
}

/**
 * Quotes with their speaker's attributes, filtered like the voices: the voices the
 * query selects, their quotes of the selected kinds and, with a search, only the
 * quotes whose words match (all quotes of a voice whose name or place matched).
 * Sorted by `query.sort` (see sortQuotes); facets count quotes.
 */
export async function findQuotes(db: Database, query: VoiceQuery): Promise<QuoteSearchResult> {
  const asQuotes: VoiceQuery = { ...query, view: "quotes" };
  const search = await searchVoices(db, asQuotes);
  const selected = sortQuotes(search, selectQuotes(search, query.kind), query.sort);
  const start = (query.page - 1) * query.pageSize;
  const ids = await findQuoteIds(db, selected.slice(start, start + query.pageSize));
  return {
    view: "quotes",
    total: selected.length,
    ranking: search.ranking,
    items: await findQuoteResults(db, ids, search.unsearchable ? "" : query.q),
    ...summariseFacets(search.facets),
    query: asQuotes,
    description: describeQuery(search.results.length, asQuotes, search.facts, selected.length),
    unsearchable: search.unsearchable,
  };
}
