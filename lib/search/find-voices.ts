import type { Database } from "../db/create-prisma-client";
import { keywordInContext, type KeywordInContext } from "../quotes/keyword-in-context";
import { QUOTE_REF_SELECT, toQuoteRef, type QuoteRef } from "../quotes/quote-ref";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";
import type { QuoteKind } from "../vocabulary";
import { toVoiceRef, VOICE_REF_SELECT, type VoiceRef } from "../voices/voice-ref";
import { describeQuery } from "./describe-query";
import { summariseFacets } from "./facet-display";
import type { FacetCounts } from "./filter-voices";
import type { SearchTerm } from "./fts-query";
import { highlightTerms, type Segment } from "./highlight";
import { searchVoices } from "./search-voices";
import type { MultiKey, VoiceQuery } from "./voice-query";

export type VoiceCard = VoiceRef & {
  /** The gazetteer's name of the voice's place. */
  place: string | null;
  source: SourceRef;
  /** The best-matching quote (the first one without a search), matched words marked. */
  quote: (QuoteRef & KeywordInContext) | null;
};

export type VoiceSearchResult = {
  view: "voices";
  total: number;
  /**
   * How relevance was measured: "bm25" by SQLite for every match, or "approximate" when a
   * word is so common (more than RANK_CAP hits) that matches were ranked by length instead.
   */
  ranking: "bm25" | "approximate";
  items: VoiceCard[];
  /** Each facet's values with a count (or selected), only the largest of a long facet (see summariseFacet). */
  facets: FacetCounts;
  /** Per facet, how many values with a count `facets` leaves out: findFacetValues lists them all. */
  moreFacetValues: Record<MultiKey, number>;
  query: VoiceQuery;
  description: string;
  /** True when the search box held no word we can look for (only punctuation or emoji). */
  unsearchable: boolean;
};

/** The explorer's one query: filtered, faceted, sorted, paginated voices. */
export async function findVoices(db: Database, query: VoiceQuery): Promise<VoiceSearchResult> {
  const { facts, results, facets, unsearchable, ranking, terms } = await searchVoices(db, query);
  const start = (query.page - 1) * query.pageSize;
  const pageSlugs = results.slice(start, start + query.pageSize).map((v) => v.slug);
  return {
    view: "voices",
    total: results.length,
    ranking,
    items: await findVoiceCards(db, pageSlugs, query.kind, terms),
    ...summariseFacets(facets),
    query,
    description: describeQuery(results.length, query, facts),
    unsearchable,
  };
}

async function findVoiceCards(db: Database, slugs: string[], kinds: QuoteKind[], terms: SearchTerm[]): Promise<VoiceCard[]> {
  if (slugs.length === 0) return [];
  const rows = await db.voice.findMany({
    where: { slug: { in: slugs } },
    select: {
      ...VOICE_REF_SELECT,
      place: { select: { name: true } },
      source: { select: SOURCE_REF_SELECT },
      quotes: {
        where: kinds.length ? { kind: { in: kinds } } : {},
        orderBy: { position: "asc" },
        select: QUOTE_REF_SELECT,
      },
    },
  });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.map((slug) => {
    const { place, source, quotes, ...voice } = bySlug.get(slug)!;
    // the quote that matches most of the search's terms (the first one without a search)
    let best: { quote: (typeof quotes)[number]; segments: Segment[]; matched: number } | null = null;
    for (const quote of quotes) {
      const marked = terms.length ? highlightTerms(quote.text, terms) : { segments: [{ text: quote.text, match: false }], matched: 0 };
      if (!best || marked.matched > best.matched) best = { quote, ...marked };
    }
    return {
      ...toVoiceRef(voice),
      place: place?.name ?? null,
      source: toSourceRef(source),
      quote: best ? { ...toQuoteRef(best.quote), ...keywordInContext(best.quote, terms) } : null,
    };
  });
}
