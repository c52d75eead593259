import type { Database } from "../db/create-prisma-client";
import type { PlaceRef } from "../places/place-ref";
import type { QuoteRef } from "../quotes/quote-ref";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";
import type { QuoteKind } from "../vocabulary";
import type { VoiceDetail } from "../voices/get-voice";

/** A quote as every export format sees it. */
export type ExportQuote = QuoteRef & {
  permalink: string;
  source: SourceRef;
  /** A quote list's note on it (lists only). */ note?: string | null;
};

/** One voice as every export format sees it; unknown attributes are null, never "". */
export type ExportVoice = Omit<VoiceDetail, "evidence" | "quotes" | "related" | "isNamed" | "place"> & {
  place: Omit<PlaceRef, "slug"> | null;
  permalink: string;
  quotes: ExportQuote[];
};

/** A voice as the export query reads it: the database's columns, one JSON object per voice. */
type ExportRow = Omit<ExportVoice, "city" | "place" | "permalink" | "source" | "quotes"> & {
  cityAsPrinted: string | null;
  sourceSlug: string;
  place: string | null;
  placeRegion: string | null;
  placeCountry: string | null;
  latitude: number | null;
  longitude: number | null;
  quotes: (Omit<QuoteRef, "document"> & { documentId: string })[];
};

/**
 * The voices with the given ids, in that order, with their quotes (only `quoteIds`
 * when given: a search keeps the quotes whose words matched).
 * One query per batch that returns the batch as one JSON value: an export of a million
 * quotes through nested Prisma queries holds over 100 MB more than this.
 */
export async function findExportVoices(
  db: Database,
  slugs: string[],
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
      'slug', v."slug", 'name', v."name", 'age', v."age", 'ageAsOf', v."ageAsOf", 'cityAsPrinted', v."cityAsPrinted",
      'place', p."name", 'placeRegion', p."region", 'placeCountry', p."country", 'latitude', p."latitude", 'longitude', p."longitude",
      'occupation', v."occupation", 'heritage', v."heritage", 'role', v."role", 'stance', v."stance",
      'stanceRationale', v."stanceRationale", 'sourceSlug', v."sourceSlug",
      'quotes', (
        SELECT json_group_array(json_object('id', id, 'text', text, 'kind', kind, 'context', context, 'documentId', documentId, 'start', start, 'end', end) ORDER BY position)
        FROM (
          SELECT q."id" AS id, q."text" AS text, q."kind" AS kind, q."context" AS context, q."documentId" AS documentId,
            q."start" AS start, q."end" AS end, q."position" AS position
          FROM "Quote" q
          WHERE q."voiceSlug" = v."slug"
            AND (${kinds} IS NULL OR q."kind" IN (SELECT value FROM json_each(${kinds})))
            AND (${quoteIds} IS NULL OR q."id" IN (SELECT value FROM json_each(${quoteIds})))
        )
      )
    )) AS voices
    FROM "Voice" v LEFT JOIN "Place" p ON p."slug" = v."placeSlug"
    WHERE v."slug" IN (SELECT value FROM json_each(${JSON.stringify(slugs)}))`;
  const rows = JSON.parse(found!.voices) as ExportRow[];
  const sources = await db.source.findMany({
    where: { slug: { in: [...new Set(rows.map((r) => r.sourceSlug))] } },
    select: SOURCE_REF_SELECT,
  });
  const sourceBySlug = new Map(sources.map((s) => [s.slug, toSourceRef(s)]));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.flatMap((slug) => {
    const v = bySlug.get(slug);
    if (!v) return [];
    const source = sourceBySlug.get(v.sourceSlug)!;
    return [
      {
        slug: v.slug,
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
        permalink: options.permalinks.voice(v.slug),
        source,
        quotes: v.quotes.map((q) => ({
          id: q.id,
          text: q.text,
          kind: q.kind,
          context: q.context,
          document: q.documentId,
          start: q.start,
          end: q.end,
          permalink: options.permalinks.quote(v.slug, q.id),
          source,
        })),
      },
    ];
  });
}
