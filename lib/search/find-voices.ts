import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { describeQuery } from "./describe-query";
import type { FacetCounts } from "./filter-voices";
import { parseSearchTerms, type SearchTerm } from "./fts-query";
import { highlightTerms, type Segment } from "./highlight";
import { searchVoices } from "./search-voices";
import type { VoiceQuery } from "./voice-query";

export type VoiceCard = {
  slug: string;
  name: string;
  age: number | null;
  city: string | null;
  place: string | null;
  occupation: string | null;
  role: Role;
  stance: Stance;
  source: { slug: string; title: string; publisher: string; publishedAt: string | null };
  /** The best-matching quote (the first one without a search), matched words marked. */
  quote: { id: string; kind: QuoteKind; text: string; segments: Segment[] } | null;
};

export type VoiceSearchResult = {
  total: number;
  /**
   * How relevance was measured: "bm25" by SQLite for every match, or "approximate" when a
   * word is so common (more than RANK_CAP hits) that matches were ranked by length instead.
   */
  ranking: "bm25" | "approximate";
  items: VoiceCard[];
  facets: FacetCounts;
  query: VoiceQuery;
  description: string;
  /** True when the search box held no word we can look for (only punctuation or emoji). */
  unsearchable: boolean;
};

/** The explorer's one query: filtered, faceted, sorted, paginated voices. */
export async function findVoices(db: Database, query: VoiceQuery): Promise<VoiceSearchResult> {
  const { facts, results, facets, unsearchable, ranking } = await searchVoices(db, query);
  const start = (query.page - 1) * query.pageSize;
  const pageIds = results.slice(start, start + query.pageSize).map((v) => v.id);
  return {
    total: results.length,
    ranking,
    items: await findVoiceCards(db, pageIds, query.kind, unsearchable ? [] : parseSearchTerms(query.q)),
    facets,
    query,
    description: describeQuery(results.length, query, facts),
    unsearchable,
  };
}

async function findVoiceCards(db: Database, ids: string[], kinds: QuoteKind[], terms: SearchTerm[]): Promise<VoiceCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.voice.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      age: true,
      cityAsPrinted: true,
      occupation: true,
      role: true,
      stance: true,
      place: { select: { name: true } },
      source: { select: { id: true, title: true, publisher: true, publishedAt: true } },
      quotes: {
        where: kinds.length ? { kind: { in: kinds } } : {},
        orderBy: { position: "asc" },
        select: { id: true, kind: true, text: true },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const v = byId.get(id)!;
    // the quote that matches most of the search's terms (the first one without a search)
    let best: { quote: (typeof v.quotes)[number]; segments: Segment[]; matched: number } | null = null;
    for (const quote of v.quotes) {
      const marked = terms.length ? highlightTerms(quote.text, terms) : { segments: [{ text: quote.text, match: false }], matched: 0 };
      if (!best || marked.matched > best.matched) best = { quote, ...marked };
    }
    return {
      slug: v.id,
      name: v.name,
      age: v.age,
      city: v.cityAsPrinted,
      place: v.place?.name ?? null,
      occupation: v.occupation,
      role: v.role as Role,
      stance: v.stance as Stance,
      source: { slug: v.source.id, title: v.source.title, publisher: v.source.publisher, publishedAt: v.source.publishedAt },
      quote: best ? { id: best.quote.id, kind: best.quote.kind as QuoteKind, text: best.quote.text, segments: best.segments } : null,
    };
  });
}
