import { QUOTE_KINDS, type QuoteKind, type Role, type Stance } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { loadOncePerConnection } from "../db/process-state";
import { readQuoteParts } from "./search-index-parts";
import type { VoiceFacts } from "./voice-facts";

// What search keeps in memory, once per database connection: the facts of every voice
// and a few numbers per quote. The app's database is read-only and a reseed replaces it
// whole (with a new connection), so none of this can go stale under a connection.
//
// Voices arrive as one JSON array per chunk (json_group_array) rather than as a row object
// each; the per-quote columns are typed arrays the seed wrote (search-index-parts.ts).
// The server loads all of it at start (instrumentation.ts), not on its first search.

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
 * The quote columns, from the parts the seed wrote (search-index-parts.ts): a few blobs,
 * where reading every quote would mean scanning all of its text for its length.
 */
async function readQuoteColumns(db: Database, voiceAt: Map<number, number>): Promise<QuoteColumns> {
  const parts = await readQuoteParts(db);
  const size = parts.voice.length;
  const voiceOf = new Int32Array(size).fill(-1);
  const voiceCount = voiceAt.size;
  const starts = new Int32Array(voiceCount + 1);
  // voice rowids are dense: an array lookup per quote rather than a Map's
  let maxVoiceRowid = 0;
  for (const rowid of voiceAt.keys()) maxVoiceRowid = Math.max(maxVoiceRowid, rowid);
  const indexOfVoice = new Int32Array(maxVoiceRowid + 1).fill(-1);
  for (const [rowid, i] of voiceAt) indexOfVoice[rowid] = i;
  let total = 0;
  let n = 0;
  for (let rowid = 0; rowid < size; rowid++) {
    const voiceRowid = parts.voice[rowid]!;
    if (voiceRowid <= 0) continue;
    const voice = indexOfVoice[voiceRowid] ?? -1;
    if (voice < 0) continue;
    voiceOf[rowid] = voice;
    total += parts.length[rowid]!;
    starts[voice + 1]!++;
    n++;
  }
  // a counting sort of the quotes by voice (rowid order within), then each voice's few quotes by position
  for (let i = 0; i < voiceCount; i++) starts[i + 1]! += starts[i]!;
  const next = starts.slice(0, voiceCount);
  const rowids = new Int32Array(n);
  for (let rowid = 0; rowid < size; rowid++) if (voiceOf[rowid]! >= 0) rowids[next[voiceOf[rowid]!]!++] = rowid;
  const position = parts.position;
  for (let i = 0; i < voiceCount; i++) rowids.subarray(starts[i], starts[i + 1]).sort((a, b) => position[a]! - position[b]!);
  return { voiceOf, kindOf: parts.kind, lengthOf: parts.length, startOf: parts.start, averageLength: n ? total / n : 1, starts, rowids };
}

async function readSearchIndex(db: Database): Promise<SearchIndex> {
  const rows = await readVoiceRows(db);
  const voiceAt = new Map(rows.map((row, i) => [row[0], i]));
  const quotes = await readQuoteColumns(db, voiceAt);
  // JSON.parse gives every voice its own copy of each value: one copy per distinct value instead
  const shared = new Map<string, string>();
  const one = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const found = shared.get(value);
    if (found !== undefined) return found as T;
    shared.set(value, value);
    return value;
  };
  const facts = rows.map(
    ([, slug, name, age, role, stance, placeSlug, placeName, region, country, sourceSlug, publisher, publishedAt], i): VoiceFacts => ({
      slug,
      name,
      age,
      placeSlug: one(placeSlug),
      placeName: one(placeName),
      region: one(region),
      country: one(country),
      role: one(role),
      stance: one(stance),
      sourceSlug: one(sourceSlug),
      sourceLabel: one(publisher),
      sourceDate: one(publishedAt),
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
