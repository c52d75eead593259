import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { describeQuery } from "../search/describe-query";
import { findQuoteIds } from "../search/search-index";
import { searchVoices, selectQuotes } from "../search/search-voices";
import type { VoiceQuery } from "../search/voice-query";

type QuoteWithSpeaker = {
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
  const search = await searchVoices(db, query);
  const selected = selectQuotes(search, query.kind);
  const start = (query.page - 1) * query.pageSize;
  const ids = await findQuoteIds(db, selected.slice(start, start + query.pageSize));
  const rows = await db.quote.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      text: true,
      kind: true,
      context: true,
      documentId: true,
      start: true,
      end: true,
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
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: QuoteWithSpeaker[] = ids
    .map((id) => byId.get(id)!)
    .map((q) => ({
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
      source: {
        slug: q.voice.source.id,
        title: q.voice.source.title,
        publisher: q.voice.source.publisher,
        publishedAt: q.voice.source.publishedAt,
        url: q.voice.source.url,
      },
    }));
  return { total: selected.length, items, query, description: describeQuery(search.results.length, query, search.facts) };
}
