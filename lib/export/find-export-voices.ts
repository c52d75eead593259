import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";

export type ExportSource = SourceRef;

export type ExportQuote = {
  id: string;
  text: string;
  kind: QuoteKind;
  context: string;
  document: string;
  start: number;
  end: number;
  permalink: string;
  source: ExportSource;
};

/** One voice as every export format sees it; unknown attributes are null, never "". */
export type ExportVoice = {
  slug: string;
  name: string;
  age: number | null;
  ageAsOf: string | null;
  city: string | null;
  place: { name: string; region: string; country: string; latitude: number; longitude: number } | null;
  occupation: string | null;
  heritage: string | null;
  role: Role;
  stance: Stance;
  stanceRationale: string;
  permalink: string;
  source: ExportSource;
  quotes: ExportQuote[];
};

type VoiceRow = Omit<ExportVoice, "slug" | "city" | "place" | "permalink" | "source" | "quotes"> & {
  id: string;
  cityAsPrinted: string | null;
  sourceId: string;
  place: string | null;
  placeRegion: string | null;
  placeCountry: string | null;
  latitude: number | null;
  longitude: number | null;
  quotes: { id: string; text: string; kind: QuoteKind; context: string; documentId: string; start: number; end: number }[];
};

/**
 * The voices with the given ids, in that order, with their quotes (only `quoteIds`
 * when given: a search keeps the quotes whose words matched).
 * One query per batch that returns the batch as one JSON value: an export of a million
 * quotes through nested Prisma queries holds over 100 MB more than this.
 */
export async function findExportVoices(
  db: Database,
  ids: string[],
  options: {
    kinds?: QuoteKind[];
    quoteIds?: Set<string> | null;
    permalinks: { voice(slug: string): string; quote(slug: string, id: string): string };
  },
): Promise<ExportVoice[]> {
  const kinds = options.kinds?.length ? JSON.stringify(options.kinds) : null;
  const quoteIds = options.quoteIds ? JSON.stringify([...options.quoteIds]) : null;
  const [found] = await db.$queryRaw<{ voices: string }[]>`
    SELECT json_group_array(json_object(
      'id', v."id", 'name', v."name", 'age', v."age", 'ageAsOf', v."ageAsOf", 'cityAsPrinted', v."cityAsPrinted",
      'place', p."name", 'placeRegion', p."region", 'placeCountry', p."country", 'latitude', p."latitude", 'longitude', p."longitude",
      'occupation', v."occupation", 'heritage', v."heritage", 'role', v."role", 'stance', v."stance",
      'stanceRationale', v."stanceRationale", 'sourceId', v."sourceId",
      'quotes', (
        SELECT json_group_array(json_object('id', id, 'text', text, 'kind', kind, 'context', context, 'documentId', documentId, 'start', start, 'end', end) ORDER BY position)
        FROM (
          SELECT q."id" AS id, q."text" AS text, q."kind" AS kind, q."context" AS context, q."documentId" AS documentId,
            q."start" AS start, q."end" AS end, q."position" AS position
          FROM "Quote" q
          WHERE q."voiceId" = v."id"
            AND (${kinds} IS NULL OR q."kind" IN (SELECT value FROM json_each(${kinds})))
            AND (${quoteIds} IS NULL OR q."id" IN (SELECT value FROM json_each(${quoteIds})))
        )
      )
    )) AS voices
    FROM "Voice" v LEFT JOIN "Place" p ON p."id" = v."placeId"
    WHERE v."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = JSON.parse(found!.voices) as VoiceRow[];
  const sources = await db.source.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceId))] } }, select: SOURCE_REF_SELECT });
  const sourceById = new Map(sources.map((s) => [s.id, toSourceRef(s)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const v = byId.get(id);
    if (!v) return [];
    const source = sourceById.get(v.sourceId)!;
    return [
      {
        slug: v.id,
        name: v.name,
        age: v.age,
        ageAsOf: v.ageAsOf,
        city: v.cityAsPrinted,
        place:
          v.place === null
            ? null
            : { name: v.place, region: v.placeRegion!, country: v.placeCountry!, latitude: v.latitude!, longitude: v.longitude! },
        occupation: v.occupation,
        heritage: v.heritage,
        role: v.role,
        stance: v.stance,
        stanceRationale: v.stanceRationale,
        permalink: options.permalinks.voice(v.id),
        source,
        quotes: v.quotes.map((q) => ({
          id: q.id,
          text: q.text,
          kind: q.kind,
          context: q.context,
          document: q.documentId,
          start: q.start,
          end: q.end,
          permalink: options.permalinks.quote(v.id, q.id),
          source,
        })),
      },
    ];
  });
}
