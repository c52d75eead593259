import type { QuoteKind } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import type { TextMatch } from "./filter-voices";

/**
 * At most this many matching voices are ranked and counted; past it the results say
 * "at least". A common word in a million quotes would otherwise ship every match to JS.
 */
export const MATCH_CAP = 10_000;

const kindFilter = (kinds: QuoteKind[]) => (kinds.length ? Prisma.sql`AND q."kind" IN (${Prisma.join(kinds)})` : Prisma.empty);

type Hit = { voiceId: string; rank: number };

/**
 * Every voice whose quotes, name, occupation, heritage or place match `ftsQuery` (from
 * buildFtsQuery), with its best rank (bm25: lower is better), best first, up to MATCH_CAP.
 */
export async function findTextMatches(db: Database, ftsQuery: string, kinds: QuoteKind[]): Promise<{ matches: Map<string, TextMatch>; truncated: boolean }> {
  const [quoteHits, voiceHits, placeHits] = await Promise.all([
    // bm25() cannot sit inside an aggregate, hence the materialised step
    db.$queryRaw<Hit[]>`
      WITH hits AS MATERIALIZED (
        SELECT q."voiceId" AS voiceId, bm25("QuoteSearch") AS score
        FROM "QuoteSearch" JOIN "Quote" q ON q.rowid = "QuoteSearch".rowid
        WHERE "QuoteSearch" MATCH ${ftsQuery} ${kindFilter(kinds)}
      )
      SELECT voiceId, MIN(score) AS rank FROM hits GROUP BY voiceId ORDER BY rank LIMIT ${MATCH_CAP + 1}`,
    db.$queryRaw<Hit[]>`
      SELECT v."id" AS voiceId, bm25("VoiceSearch") AS rank
      FROM "VoiceSearch" JOIN "Voice" v ON v.rowid = "VoiceSearch".rowid
      WHERE "VoiceSearch" MATCH ${ftsQuery} ORDER BY rank LIMIT ${MATCH_CAP + 1}`,
    db.$queryRaw<Hit[]>`
      WITH places AS MATERIALIZED (
        SELECT p."id" AS placeId, bm25("PlaceSearch") AS score
        FROM "PlaceSearch" JOIN "Place" p ON p.rowid = "PlaceSearch".rowid
        WHERE "PlaceSearch" MATCH ${ftsQuery}
      )
      SELECT v."id" AS voiceId, places.score AS rank FROM places JOIN "Voice" v ON v."placeId" = places.placeId LIMIT ${MATCH_CAP + 1}`,
  ]);
  const matches = new Map<string, TextMatch>();
  for (const hit of quoteHits) matches.set(hit.voiceId, { rank: hit.rank, quoteMatched: true, voiceMatched: false });
  for (const hit of [...voiceHits, ...placeHits]) {
    const known = matches.get(hit.voiceId);
    if (known) {
      known.voiceMatched = true;
      known.rank = Math.min(known.rank, hit.rank);
    } else {
      matches.set(hit.voiceId, { rank: hit.rank, quoteMatched: false, voiceMatched: true });
    }
  }
  const truncated = quoteHits.length > MATCH_CAP || voiceHits.length > MATCH_CAP || placeHits.length > MATCH_CAP || matches.size > MATCH_CAP;
  if (matches.size > MATCH_CAP) {
    const best = [...matches].sort((a, b) => a[1].rank - b[1].rank).slice(0, MATCH_CAP);
    return { matches: new Map(best), truncated };
  }
  return { matches, truncated };
}

/** The ids of the quotes whose words match, among the given voices (for /api/quotes and exports). */
export async function findMatchingQuoteIds(db: Database, ftsQuery: string, kinds: QuoteKind[], voiceIds: string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < voiceIds.length; i += 500) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT q."id" AS id FROM "QuoteSearch" JOIN "Quote" q ON q.rowid = "QuoteSearch".rowid
      WHERE "QuoteSearch" MATCH ${ftsQuery} AND q."voiceId" IN (${Prisma.join(voiceIds.slice(i, i + 500))}) ${kindFilter(kinds)}`;
    for (const row of rows) ids.add(row.id);
  }
  return ids;
}
