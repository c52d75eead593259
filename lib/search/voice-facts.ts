import type { Database } from "../db/create-prisma-client";
import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";

/** What filtering, faceting and sorting need to know about one voice. */
export type VoiceFacts = {
  id: string;
  name: string;
  age: number | null;
  placeId: string | null;
  placeName: string | null;
  region: string | null;
  country: string | null;
  role: Role;
  stance: Stance;
  sourceId: string;
  sourceLabel: string;
  sourceDate: string | null;
  kinds: QuoteKind[];
  /** Corpus order: source position, then position in its file. */
  order: number;
};

const cache = new WeakMap<Database, Promise<VoiceFacts[]>>();

/**
 * The facts of every voice, loaded once per database client: the app's database is
 * read-only and replaced whole by a reseed, so they cannot change under a client.
 */
export function loadVoiceFacts(db: Database): Promise<VoiceFacts[]> {
  let facts = cache.get(db);
  if (!facts) {
    facts = readVoiceFacts(db);
    facts.catch(() => cache.delete(db));
    cache.set(db, facts);
  }
  return facts;
}

async function readVoiceFacts(db: Database): Promise<VoiceFacts[]> {
  const voices = await db.voice.findMany({
    orderBy: [{ source: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      age: true,
      role: true,
      stance: true,
      place: { select: { id: true, name: true, region: true, country: true } },
      source: { select: { id: true, publisher: true, publishedAt: true } },
    },
  });
  // which kinds of quote each voice has, without reading a million quote rows into JS
  const kindRows = await db.$queryRaw<{ voiceId: string; kind: string }[]>`SELECT DISTINCT "voiceId" AS voiceId, "kind" AS kind FROM "Quote"`;
  const kindsOf = new Map<string, QuoteKind[]>();
  for (const row of kindRows) kindsOf.set(row.voiceId, [...(kindsOf.get(row.voiceId) ?? []), row.kind as QuoteKind]);
  return voices.map((v, order) => ({
    id: v.id,
    name: v.name,
    age: v.age,
    placeId: v.place?.id ?? null,
    placeName: v.place?.name ?? null,
    region: v.place?.region ?? null,
    country: v.place?.country ?? null,
    role: v.role as Role,
    stance: v.stance as Stance,
    sourceId: v.source.id,
    sourceLabel: v.source.publisher,
    sourceDate: v.source.publishedAt,
    kinds: (kindsOf.get(v.id) ?? []).sort(),
    order,
  }));
}
