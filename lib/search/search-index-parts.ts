import { QUOTE_KINDS } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { VoicesError } from "../errors";

// What the in-memory search index (search-index.ts) needs per quote, computed once by the
// seed and stored as typed arrays in the SearchIndexPart table. Reading them back is a few
// blobs; computing them means reading every quote's text for its length, which at a million
// quotes took the server 1–1.4 s of event loop before its first search could be answered.
// See docs/decisions/021-search-index-written-by-the-seed.md.

/** Per quote, indexed by its rowid (the rowid the full-text indexes report); 0 where a rowid holds no quote. */
export type QuoteParts = {
  /** The rowid of the quote's voice. */
  voice: Int32Array;
  /** Index in QUOTE_KINDS of the quote's kind. */
  kind: Uint8Array;
  /** Length of the quote's text in characters (SQLite's length()). */
  length: Uint32Array;
  /** Where the quote starts in its document. */
  start: Uint32Array;
  /** The quote's position among its voice's quotes. */
  position: Int32Array;
};

const PARTS = {
  voice: Int32Array,
  kind: Uint8Array,
  length: Uint32Array,
  start: Uint32Array,
  position: Int32Array,
} as const;
type PartName = keyof typeof PARTS;
const NAMES = Object.keys(PARTS) as PartName[];
const rowName = (name: PartName) => `quote.${name}`;

const QUOTE_CHUNK = 100_000;

/** Reads every quote (once, at seed time) into the parts the search index needs. */
export async function computeQuoteParts(db: Database): Promise<QuoteParts> {
  const [sizes] = await db.$queryRaw<{ sizes: string }[]>`SELECT json_array(coalesce(max(rowid), 0)) AS sizes FROM "Quote"`;
  const [lastRowid] = JSON.parse(sizes!.sizes) as [number];
  const parts: QuoteParts = {
    voice: new Int32Array(lastRowid + 1),
    kind: new Uint8Array(lastRowid + 1),
    length: new Uint32Array(lastRowid + 1),
    start: new Uint32Array(lastRowid + 1),
    position: new Int32Array(lastRowid + 1),
  };
  const kindCase = Prisma.sql`CASE q."kind" ${Prisma.join(
    QUOTE_KINDS.map((kind, i) => Prisma.sql`WHEN ${kind} THEN ${i}`),
    " ",
  )} END`;
  for (let after = 0; ;) {
    // one JSON array per column per chunk: a million row objects through the driver would cost far more
    const [chunk] = await db.$queryRaw<Record<"rowids" | "voices" | "kinds" | "positions" | "lengths" | "starts", string>[]>`
      SELECT json_group_array(q.rowid) AS rowids, json_group_array(v.rowid) AS voices, json_group_array(${kindCase}) AS kinds,
        json_group_array(q."position") AS positions, json_group_array(length(q."text")) AS lengths, json_group_array(q."start") AS starts
      FROM (SELECT rowid, "voiceSlug", "kind", "position", "text", "start" FROM "Quote" WHERE rowid > ${after} ORDER BY rowid LIMIT ${QUOTE_CHUNK}) q
      JOIN "Voice" v ON v."slug" = q."voiceSlug"`;
    const rowids = JSON.parse(chunk!.rowids) as number[];
    if (rowids.length === 0) break;
    const columns = {
      voice: JSON.parse(chunk!.voices) as number[],
      kind: JSON.parse(chunk!.kinds) as number[],
      length: JSON.parse(chunk!.lengths) as number[],
      start: JSON.parse(chunk!.starts) as number[],
      position: JSON.parse(chunk!.positions) as number[],
    };
    rowids.forEach((rowid, i) => {
      for (const name of NAMES) parts[name][rowid] = columns[name][i]!;
      after = Math.max(after, rowid);
    });
  }
  return parts;
}

/** Computes the quote parts and stores them (the seed calls this once the rows are in). */
export async function writeQuoteParts(db: Database): Promise<void> {
  const parts = await computeQuoteParts(db);
  await db.$transaction([
    db.searchIndexPart.deleteMany({}),
    db.searchIndexPart.createMany({
      data: NAMES.map((name) => ({ name: rowName(name), data: new Uint8Array(parts[name].buffer as ArrayBuffer) })),
    }),
  ]);
}

/** The stored quote parts; a database seeded without them is told to be reseeded. */
export async function readQuoteParts(db: Database): Promise<QuoteParts> {
  const rows = await db.searchIndexPart.findMany({ where: { name: { in: NAMES.map(rowName) } } });
  const byName = new Map(rows.map((row) => [row.name, row.data]));
  const read = <N extends PartName>(name: N): InstanceType<(typeof PARTS)[N]> => {
    const bytes = byName.get(rowName(name));
    if (!bytes) throw new VoicesError("no_database", `The database has no search index part "${rowName(name)}". Run "npm run db:seed".`);
    // a copy: the driver's buffer need not be aligned for a typed array over it
    return new PARTS[name](bytes.slice().buffer) as InstanceType<(typeof PARTS)[N]>;
  };
  const parts = { voice: read("voice"), kind: read("kind"), length: read("length"), start: read("start"), position: read("position") };
  if (NAMES.some((name) => parts[name].length !== parts.voice.length))
    throw new VoicesError("no_database", 'The database\'s search index parts disagree in length. Run "npm run db:seed".');
  return parts;
}
