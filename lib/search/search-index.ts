import { QUOTE_KINDS, type QuoteKind, type Role, type Stance } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { loadOncePerConnection } from "../db/process-state";
import { Prisma } from "../db/generated/client";
import type { VoiceFacts } from "./voice-facts";

// What search keeps in memory, once per database connection: the facts of every voice
// and a few numbers per quote. The app's database is read-only and a reseed replaces it
// whole (with a new connection), so none of this can go stale under a connection.
//
// Columns arrive as one JSON array per column (json_group_array) rather than as a row per
// quote: a million quotes as rows would be a million objects through the driver, seconds
// and hundreds of megabytes; as arrays they are a few typed arrays, read in about a second.

/** Per quote, indexed by the quote's rowid (the rowid the full-text index reports). */
type QuoteColumns = {
  /** Index in `facts` of the quote's voice; -1 for rowids that hold no quote. */
  voiceOf: Int32Array;
  /** Index in QUOTE_KINDS of the quote's kind. */
  kindOf: Uint8Array;
  /** Length of the quote's text in characters (for ranking very common words, see find-text-matches). */
  lengthOf: Uint32Array;
  /** Where the quote starts in its document (for listing quotes in the order the source prints them). */
  startOf: Uint32Array;
  averageLength: number;
  /** The rowids of voice i's quotes, in order: rowids[starts[i]] up to rowids[starts[i + 1]]. */
  starts: Int32Array;
  rowids: Int32Array;
};

/** The codes in QuoteColumns.kindOf of the given kinds; null when no kind is selected (every kind counts). */
export function kindCodes(kinds: QuoteKind[]): Set<number> | null {
  return kinds.length ? new Set(kinds.map((kind) => QUOTE_KINDS.indexOf(kind))) : null;
}

export type SearchIndex = {
  facts: VoiceFacts[];
  /** Index in `facts` of each voice by its rowid (the voice search index reports rowids). */
  voiceAt: Map<number, number>;
  quotes: QuoteColumns;
};

/** The connection's search index, read on first use (once per process, see process-state.ts). */
export function loadSearchIndex(db: Database): Promise<SearchIndex> {
  return loadOncePerConnection(db, "search-index", () => readSearchIndex(db));
}

// Read in chunks by rowid: one JSON value per chunk keeps the peak memory of a load small
// (the driver holds a whole result at once, and memory it grew to is not given back).
const VOICE_CHUNK = 25_000;
const QUOTE_CHUNK = 100_000;

/** One voice as the index reads it: a JSON array per voice, in this order. */
type VoiceTuple = [
  rowid: number,
  slug: string,
  name: string,
  age: number | null,
  role: Role,
  stance: Stance,
  placeSlug: string | null,
  placeName: string | null,
  region: string | null,
  country: string | null,
  sourceSlug: string,
  publisher: string,
  publishedAt: string | null,
  sourcePosition: number,
  position: number,
];

async function readVoiceRows(db: Database): Promise<VoiceTuple[]> {
  const rows: VoiceTuple[] = [];
  for (let after = 0; ;) {
    const [chunk] = await db.$queryRaw<{ voices: string }[]>`
      SELECT json_group_array(json_array(v.rowid, v."slug", v."name", v."age", v."role", v."stance",
        p."slug", p."name", p."region", p."country", s."slug", s."publisher", s."publishedAt", s."position", v."position")) AS voices
      FROM (SELECT rowid, * FROM "Voice" WHERE rowid > ${after} ORDER BY rowid LIMIT ${VOICE_CHUNK}) v
      JOIN "Source" s ON s."slug" = v."sourceSlug" LEFT JOIN "Place" p ON p."slug" = v."placeSlug"`;
    const read = JSON.parse(chunk!.voices) as VoiceTuple[];
    if (read.length === 0) break;
    for (const row of read) {
      rows.push(row);
      after = Math.max(after, row[0]);
    }
  }
  // corpus order: source position, then position in its file
  return rows.sort((a, b) => a[13] - b[13] || a[14] - b[14]);
}

/**
 * The quote columns, filled chunk by chunk into typed arrays sized up front: a million
 * quotes in growing JS arrays would hold several times the memory while loading.
 */
async function readQuoteColumns(db: Database, voiceAt: Map<number, number>): Promise<QuoteColumns> {
  const [sizes] = await db.$queryRaw<{ sizes: string }[]>`SELECT json_array(count(*), coalesce(max(rowid), 0)) AS sizes FROM "Quote"`;
  const [count, lastRowid] = JSON.parse(sizes!.sizes) as [number, number];
  const voiceOf = new Int32Array(lastRowid + 1).fill(-1);
  const kindOf = new Uint8Array(lastRowid + 1);
  const lengthOf = new Uint32Array(lastRowid + 1);
  const startOf = new Uint32Array(lastRowid + 1);
  const rowidAt = new Int32Array(count);
  const positionAt = new Int32Array(count);
  const voiceCount = voiceAt.size;
  const starts = new Int32Array(voiceCount + 1);
  let total = 0;
  const kindCase = Prisma.sql`CASE q."kind" ${Prisma.join(
    QUOTE_KINDS.map((kind, i) => Prisma.sql`WHEN ${kind} THEN ${i}`),
    " ",
  )} END`;
  let n = 0;
  for (let after = 0; n < count;) {
    const [chunk] = await db.$queryRaw<Record<"rowids" | "voices" | "kinds" | "positions" | "lengths" | "starts", string>[]>`
      SELECT json_group_array(q.rowid) AS rowids, json_group_array(v.rowid) AS voices, json_group_array(${kindCase}) AS kinds,
        json_group_array(q."position") AS positions, json_group_array(length(q."text")) AS lengths, json_group_array(q."start") AS starts
      FROM (SELECT rowid, "voiceSlug", "kind", "position", "text", "start" FROM "Quote" WHERE rowid > ${after} ORDER BY rowid LIMIT ${QUOTE_CHUNK}) q
      JOIN "Voice" v ON v."slug" = q."voiceSlug"`;
    const rowids = JSON.parse(chunk!.rowids) as number[];
    if (rowids.length === 0) break;
    const voices = JSON.parse(chunk!.voices) as number[];
    const kinds = JSON.parse(chunk!.kinds) as number[];
    const positions = JSON.parse(chunk!.positions) as number[];
    const lengths = JSON.parse(chunk!.lengths) as number[];
    const quoteStarts = JSON.parse(chunk!.starts) as number[];
    rowids.forEach((rowid, i) => {
      const voice = voiceAt.get(voices[i]!)!;
      voiceOf[rowid] = voice;
      kindOf[rowid] = kinds[i]!;
      lengthOf[rowid] = lengths[i]!;
      startOf[rowid] = quoteStarts[i]!;
      total += lengths[i]!;
      starts[voice + 1]!++;
      rowidAt[n] = rowid;
      positionAt[n++] = positions[i]!;
      after = Math.max(after, rowid);
    });
  }
  // a counting sort of the quotes by voice, then each voice's few quotes by position
  for (let i = 0; i < voiceCount; i++) starts[i + 1]! += starts[i]!;
  const next = starts.slice(0, voiceCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[voiceOf[rowidAt[i]!]!]!++] = i;
  for (let i = 0; i < voiceCount; i++) order.subarray(starts[i], starts[i + 1]).sort((a, b) => positionAt[a]! - positionAt[b]!);
  return { voiceOf, kindOf, lengthOf, startOf, averageLength: n ? total / n : 1, starts, rowids: order.map((i) => rowidAt[i]!) };
}

async function readSearchIndex(db: Database): Promise<SearchIndex> {
  const rows = await readVoiceRows(db);
  const voiceAt = new Map(rows.map((row, i) => [row[0], i]));
  const quotes = await readQuoteColumns(db, voiceAt);
  const facts = rows.map(
    ([, slug, name, age, role, stance, placeSlug, placeName, region, country, sourceSlug, publisher, publishedAt], i): VoiceFacts => ({
      slug,
      name,
      age,
      placeSlug,
      placeName,
      region,
      country,
      role,
      stance,
      sourceSlug,
      sourceLabel: publisher,
      sourceDate: publishedAt,
      kinds: kindsOf(quotes, i),
      order: i,
    }),
  );
  return { facts, voiceAt, quotes };
}

// a voice's kinds: one shared array per combination, not one per voice
const kindSets = new Map<number, QuoteKind[]>();

function kindsOf(quotes: QuoteColumns, voice: number): QuoteKind[] {
  let present = 0;
  for (let n = quotes.starts[voice]!; n < quotes.starts[voice + 1]!; n++) present |= 1 << quotes.kindOf[quotes.rowids[n]!]!;
  let kinds = kindSets.get(present);
  if (!kinds) kindSets.set(present, (kinds = QUOTE_KINDS.filter((_, k) => present & (1 << k)).sort()));
  return kinds;
}

/** The ids of the quotes at the given rowids, in the same order (one JSON parameter, however many). */
export async function findQuoteIds(db: Database, rowids: number[]): Promise<string[]> {
  if (rowids.length === 0) return [];
  // the subquery matters: SQLite 3.53 answers json_group_array(q."id" ORDER BY j.key) with the keys
  const [found] = await db.$queryRaw<{ ids: string }[]>`
    SELECT json_group_array(id ORDER BY key) AS ids
    FROM (SELECT q."id" AS id, j.key AS key FROM json_each(${JSON.stringify(rowids)}) j JOIN "Quote" q ON q.rowid = j.value)`;
  return JSON.parse(found!.ids) as string[];
}
