import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { describeQuery } from "../search/describe-query";
import { findMatchingQuoteIds } from "../search/find-text-matches";
import { searchVoices } from "../search/search-voices";
import type { VoiceQuery } from "../search/voice-query";

export type QuoteWithSpeaker = {
  id: string;
  text: string;
  kind: QuoteKind;
  context: string;
  document: string;
  start: number;
  end: number;
  voice: { slug: string; name: string; age: number | null; city: string | null; occupation: string | null; role: Role; stance: Stance };
  source: { slug: string; title: string; publisher: string; publishedAt: string | null; url: string | null };
};

/**
 * Quotes with their speaker's attributes, filtered like the voices: the voices the
 * query selects, their quotes of the selected kinds and, with a search, only the
 * quotes whose words match (all quotes of a voice whose name or place matched).
 * Ordered like the voices, then as each voice's quotes appear.
 */
export async function findQuotes(db: Database, query: VoiceQuery) {
  const { facts, ftsQuery, matches, results } = await searchVoices(db, query);
  const voiceOrder = new Map(results.map((v, i) => [v.id, i]));
  const rows = await db.quote.findMany({
    where: { voiceId: { in: [...voiceOrder.keys()] }, ...(query.kind.length ? { kind: { in: query.kind } } : {}) },
    select: {
      id: true,
      text: true,
      kind: true,
      context: true,
      documentId: true,
      start: true,
      end: true,
      position: true,
      voice: {
        select: {
          id: true,
          name: true,
          age: true,
          cityAsPrinted: true,
          occupation: true,
          role: true,
          stance: true,
          source: { select: { id: true, title: true, publisher: true, publishedAt: true, url: true } },
        },
      },
    },
  });
  const quoteIds = matches && ftsQuery ? await findMatchingQuoteIds(db, ftsQuery, query.kind, results.filter((v) => matches.get(v.id)?.quoteMatched).map((v) => v.id)) : null;
  const kept = rows
    .filter((q) => !matches || matches.get(q.voice.id)?.voiceMatched || quoteIds?.has(q.id))
    .sort((a, b) => voiceOrder.get(a.voice.id)! - voiceOrder.get(b.voice.id)! || a.position - b.position);

  const start = (query.page - 1) * query.pageSize;
  const items: QuoteWithSpeaker[] = kept.slice(start, start + query.pageSize).map((q) => ({
    id: q.id,
    text: q.text,
    kind: q.kind as QuoteKind,
    context: q.context,
    document: q.documentId,
    start: q.start,
    end: q.end,
    voice: {
      slug: q.voice.id,
      name: q.voice.name,
      age: q.voice.age,
      city: q.voice.cityAsPrinted,
      occupation: q.voice.occupation,
      role: q.voice.role as Role,
      stance: q.voice.stance as Stance,
    },
    source: { slug: q.voice.source.id, title: q.voice.source.title, publisher: q.voice.source.publisher, publishedAt: q.voice.source.publishedAt, url: q.voice.source.url },
  }));
  return { total: kept.length, items, query, description: describeQuery(results.length, query, facts) };
}
