import type { QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import type { FtsQuery } from "./fts-query";
import { kindCodes, type SearchIndex } from "./search-index";
import { queryNumbers, queryText } from "./text-query-pool";

/**
 * Up to this many hits in one index are ranked by SQLite's bm25(). Past it, bm25 over
 * every hit would cost more than the rest of the search together (a word in a third of a
 * million quotes: half a second), so the hits are scored from their length instead; see
 * approximateScore.
 */
export const RANK_CAP = 20_000;

// FTS5's bm25 defaults
const K1 = 1.2;
const B = 0.75;

/** What a text search matched. Voices are indexed by VoiceFacts.order, quotes by rowid. */
export type TextMatches = {
  /** Each voice's best rank (lower is better); Infinity when it did not match. */
  rank: Float64Array;
  /** 1 for a voice whose name, occupation, heritage or place matched: then all its quotes count. */
  voiceMatched: Uint8Array;
  /** 1 for each quote whose words matched (and is of a selected kind). */
  quoteHits: Uint8Array;
  /**
   * Each matched quote's own rank, by rowid (lower is better); Infinity for the rest. Built on
   * first use (only the quotes view's relevance order asks): 8 bytes per quote of the corpus,
   * which every search of a million quotes would otherwise allocate.
   */
  quoteRank(): Float64Array;
  /** The bytes the matches hold, for the recent-searches cache's bound. */
  bytes(): number;
  /** "bm25" when every hit was ranked by SQLite; "approximate" when some index had more than RANK_CAP hits. */
  ranking: "bm25" | "approximate";
};

type Hits = { rowids: Int32Array; scores: Float64Array | null };
type Indexed = "Quote" | "Voice" | "Place";

/**
 * The FROM and WHERE of a full-text search of one table: its stemmed index when the query
 * has words or phrases (ranked there), narrowed to the rows its exact index matches when
 * the query has phrases or prefixes. bm25 comes from the first index named.
 */
function matching(table: Indexed, query: FtsQuery): { index: Prisma.Sql; where: Prisma.Sql } {
  const stemmed = Prisma.raw(`"${table}Search"`);
  const exact = Prisma.raw(`"${table}Exact"`);
  if (query.stemmed === null) return { index: exact, where: Prisma.sql`${exact} MATCH ${query.exact}` };
  if (query.exact === null) return { index: stemmed, where: Prisma.sql`${stemmed} MATCH ${query.stemmed}` };
  return {
    index: stemmed,
    // the unary + keeps SQLite from asking the stemmed index for each exact hit by rowid,
    // which re-runs its MATCH per hit (45 ms instead of 5 for a phrase in 20,000 quotes)
    where: Prisma.sql`${stemmed} MATCH ${query.stemmed} AND +${stemmed}.rowid IN (SELECT rowid FROM ${exact} WHERE ${exact} MATCH ${query.exact})`,
  };
}

/** The rowids and bm25 scores of a table's hits, up to `limit` of them (all without one), in one pass. */
async function findRankedHits(db: Database, index: Prisma.Sql, where: Prisma.Sql, limit?: number): Promise<Hits> {
  // bm25() cannot sit inside an aggregate, hence the materialised step
  return queryNumbers(
    db,
    Prisma.sql`
    WITH hits AS MATERIALIZED (SELECT ${index}.rowid AS r, bm25(${index}) AS s FROM ${index} WHERE ${where}${limit === undefined ? Prisma.empty : Prisma.sql` LIMIT ${limit}`})
    SELECT json_group_array(r) AS rowids, json_group_array(s) AS scores FROM hits`,
    { rowids: "int32", scores: "float64" },
  );
}

/**
 * The rowids that match in one table's full-text indexes, with their bm25 scores when there
 * are at most `rankCap` of them. Rowids come back as one JSON array: a row per hit would cost
 * more than the matching itself.
 *
 * Whether there are more than the cap is only known by matching, and bm25 over every hit of
 * a common word costs ten times its rowids. So words, prefixes and places are matched for
 * their rowids first, and ranked in a second pass only when it is rare, which is cheap for a
 * rare word. A narrow query (with a phrase of several words) usually has few hits but costs
 * as much to match as its commonest words: it is matched once, ranked, stopping one hit past
 * the cap; only if it gets there is it matched again for every rowid.
 */
async function findHits(db: Database, table: "Quote" | "Voice", query: FtsQuery, rankCap: number): Promise<Hits> {
  const { index, where } = matching(table, query);
  if (query.narrow) {
    const ranked = await findRankedHits(db, index, where, rankCap + 1);
    if (ranked.rowids.length <= rankCap) return ranked;
  }
  const { rowids } = await queryNumbers(db, Prisma.sql`SELECT json_group_array(${index}.rowid) AS rowids FROM ${index} WHERE ${where}`, {
    rowids: "int32",
  });
  if (rowids.length === 0 || rowids.length > rankCap) return { rowids, scores: null };
  return findRankedHits(db, index, where);
}

/** The places whose names, other spellings, region or country match, with their bm25 ranks. */
function findPlaceHits(db: Database, query: FtsQuery) {
  const { index, where } = matching("Place", query);
  return queryText<{ placeSlug: string; rank: number }>(
    db,
    Prisma.sql`
    SELECT p."slug" AS placeSlug, bm25(${index}) AS rank FROM ${index} JOIN "Place" p ON p.rowid = ${index}.rowid WHERE ${where}`,
  );
}

/**
 * bm25 as if the whole query were one term found once in the text: for a word common
 * enough to pass RANK_CAP this is what bm25 mostly measures anyway, preferring shorter
 * texts. `matched` of `total` texts matched.
 */
function approximateScore(matched: number, total: number, averageLength: number): (length: number) => number {
  const idf = Math.log((total - matched + 0.5) / (matched + 0.5) + 1);
  return (length) => (-idf * (K1 + 1)) / (1 + K1 * (1 - B + (B * length) / averageLength));
}

/** A search that matched nothing (the box held no word to look for). */
export function noTextMatches(voiceCount: number, quoteRowids: number): TextMatches {
  return matchesOf(new Float64Array(voiceCount).fill(Infinity), new Uint8Array(voiceCount), new Uint8Array(quoteRowids), null, "bm25");
}

/** The quote hits a search keeps, as typed arrays (a cached search holds them): the score of hit n is scoreOf(n). */
type RankedHits = { rowids: Int32Array; scores: Float64Array | null; scoreOf(n: number): number };

/** The matches, with the quotes' own ranks built from `ranked` (each hit's rowid and score) when first asked. */
function matchesOf(
  rank: Float64Array,
  voiceMatched: Uint8Array,
  quoteHits: Uint8Array,
  ranked: RankedHits | null,
  ranking: TextMatches["ranking"],
): TextMatches {
  let quoteRank: Float64Array | undefined;
  const heldByHits = ranked ? ranked.rowids.byteLength + (ranked.scores?.byteLength ?? 0) : 0;
  return {
    rank,
    voiceMatched,
    quoteHits,
    quoteRank() {
      if (!quoteRank) {
        quoteRank = new Float64Array(quoteHits.length).fill(Infinity);
        ranked?.rowids.forEach((rowid, n) => quoteHits[rowid] === 1 && (quoteRank![rowid] = ranked.scoreOf(n)));
      }
      return quoteRank;
    },
    bytes: () => rank.byteLength + voiceMatched.byteLength + quoteHits.byteLength + heldByHits + (quoteRank?.byteLength ?? 0),
    ranking,
  };
}

/**
 * Every voice whose quotes (of the given kinds), name, occupation, heritage or place match
 * `ftsQuery` (from buildFtsQuery), with its best rank, and which quotes matched.
 * `rankCap` is RANK_CAP but for tests.
 */
export async function findTextMatches(
  db: Database,
  index: SearchIndex,
  ftsQuery: FtsQuery,
  kinds: QuoteKind[],
  rankCap = RANK_CAP,
): Promise<TextMatches> {
  const { facts, voiceAt, quotes } = index;
  const [quoteHits, voiceHits, placeHits] = await Promise.all([
    findHits(db, "Quote", ftsQuery, rankCap),
    findHits(db, "Voice", ftsQuery, rankCap),
    findPlaceHits(db, ftsQuery),
  ]);

  const wanted = kindCodes(kinds);
  const rank = new Float64Array(facts.length).fill(Infinity);
  const voiceMatched = new Uint8Array(facts.length);
  const matchedQuotes = new Uint8Array(quotes.voiceOf.length);
  const quoteScore = approximateScore(quoteHits.rowids.length, quotes.rowids.length, quotes.averageLength);
  const { rowids: hitRowids, scores: hitScores } = quoteHits;
  const scoreOf = (n: number) => (hitScores ? hitScores[n]! : quoteScore(quotes.lengthOf[hitRowids[n]!]!));
  for (let n = 0; n < hitRowids.length; n++) {
    const rowid = hitRowids[n]!;
    const voice = quotes.voiceOf[rowid] ?? -1;
    if (voice < 0 || (wanted && !wanted.has(quotes.kindOf[rowid]!))) continue;
    matchedQuotes[rowid] = 1;
    const score = scoreOf(n);
    if (score < rank[voice]!) rank[voice] = score;
  }

  // a voice's fields have no stored length: past RANK_CAP they rank as a quote of average length
  const voiceScore = approximateScore(voiceHits.rowids.length, facts.length, 1)(1);
  const matchVoice = (voice: number, score: number) => {
    voiceMatched[voice] = 1;
    if (score < rank[voice]!) rank[voice] = score;
  };
  voiceHits.rowids.forEach((rowid, n) => {
    const voice = voiceAt.get(rowid);
    if (voice !== undefined) matchVoice(voice, voiceHits.scores ? voiceHits.scores[n]! : voiceScore);
  });
  if (placeHits.length) {
    const placeRank = new Map(placeHits.map((hit) => [hit.placeSlug, hit.rank]));
    facts.forEach((voice, i) => {
      const score = voice.placeSlug === null ? undefined : placeRank.get(voice.placeSlug);
      if (score !== undefined) matchVoice(i, score);
    });
  }

  const approximate = (hits: Hits) => hits.scores === null && hits.rowids.length > 0;
  const ranking = approximate(quoteHits) || approximate(voiceHits) ? "approximate" : "bm25";
  return matchesOf(rank, voiceMatched, matchedQuotes, { rowids: hitRowids, scores: hitScores, scoreOf }, ranking);
}
