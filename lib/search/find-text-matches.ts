import type { QuoteKind } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import type { TextMatch } from "./filter-voices";
import { MARK_END, MARK_START } from "./highlight";


type QuoteHit = { voiceId: string; quoteId: string; rank: number; highlighted: string };
type VoiceHit = { voiceId: string; rank: number };

/**
 * Every voice whose quotes, name, occupation, heritage or place match `ftsQuery`
 * (from buildFtsQuery), with its best rank (bm25: lower is better) and, when a quote
 * matched, the best such quote with its matches marked.
 */
export async function findTextMatches(db: Database, ftsQuery: string, kinds: QuoteKind[]): Promise<Map<string, TextMatch>> {
  const kindFilter = kinds.length ? Prisma.sql`AND q."kind" IN (${Prisma.join(kinds)})` : Prisma.empty;
  const [quoteHits, voiceHits, placeHits] = await Promise.all([
    db.$queryRaw<QuoteHit[]>`
      SELECT q."voiceId" AS voiceId, q."id" AS quoteId, bm25("QuoteSearch") AS rank,
             highlight("QuoteSearch", 0, ${MARK_START}, ${MARK_END}) AS highlighted
      FROM "QuoteSearch" JOIN "Quote" q ON q.rowid = "QuoteSearch".rowid
      WHERE "QuoteSearch" MATCH ${ftsQuery} ${kindFilter}
      ORDER BY rank`,
    db.$queryRaw<VoiceHit[]>`
      SELECT v."id" AS voiceId, bm25("VoiceSearch") AS rank
      FROM "VoiceSearch" JOIN "Voice" v ON v.rowid = "VoiceSearch".rowid
      WHERE "VoiceSearch" MATCH ${ftsQuery}`,
    db.$queryRaw<VoiceHit[]>`
      SELECT v."id" AS voiceId, bm25("PlaceSearch") AS rank
      FROM "PlaceSearch" JOIN "Place" p ON p.rowid = "PlaceSearch".rowid JOIN "Voice" v ON v."placeId" = p."id"
      WHERE "PlaceSearch" MATCH ${ftsQuery}`,
  ]);

  const matches = new Map<string, TextMatch>();
  for (const hit of quoteHits) {
    const known = matches.get(hit.voiceId);
    // ordered by rank, so the first hit per voice is its best quote
    if (known) known.quoteIds.push(hit.quoteId);
    else matches.set(hit.voiceId, { rank: hit.rank, quoteId: hit.quoteId, highlighted: hit.highlighted, quoteIds: [hit.quoteId], voiceMatched: false });
  }
  for (const hit of [...voiceHits, ...placeHits]) {
    const known = matches.get(hit.voiceId);
    if (!known) {
      matches.set(hit.voiceId, { rank: hit.rank, quoteId: null, highlighted: null, quoteIds: [], voiceMatched: true });
    } else {
      known.voiceMatched = true;
      known.rank = Math.min(known.rank, hit.rank);
    }
  }
  return matches;
}
