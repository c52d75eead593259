import type { Database } from "../db/create-prisma-client";
import { describeQuery } from "../search/describe-query";
import { findQuoteIds } from "../search/search-index";
import { searchVoices, selectQuotes } from "../search/search-voices";
import type { VoiceQuery } from "../search/voice-query";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";
import { toVoiceRef, VOICE_REF_SELECT, type VoiceRef } from "../voices/voice-ref";
import { QUOTE_REF_SELECT, toQuoteRef, type QuoteRef } from "./quote-ref";

type QuoteWithSpeaker = QuoteRef & { voice: VoiceRef; source: SourceRef };

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
    select: { ...QUOTE_REF_SELECT, voice: { select: { ...VOICE_REF_SELECT, source: { select: SOURCE_REF_SELECT } } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: QuoteWithSpeaker[] = ids.map((id) => {
    const { voice, ...quote } = byId.get(id)!;
    return { ...toQuoteRef(quote), voice: toVoiceRef(voice), source: toSourceRef(voice.source) };
  });
  return { total: selected.length, items, query, description: describeQuery(search.results.length, query, search.facts) };
}
