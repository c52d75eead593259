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

/**
 * The voices with the given ids, in that order, with their quotes (only `quoteIds`
 * when given: a search keeps the quotes whose words matched).
 */
export async function findExportVoices(
  db: Database,
  ids: string[],
  options: { kinds?: QuoteKind[]; quoteIds?: Set<string> | null; permalinks: { voice(slug: string): string; quote(slug: string, id: string): string } },
): Promise<ExportVoice[]> {
  const rows = await db.voice.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      age: true,
      ageAsOf: true,
      cityAsPrinted: true,
      place: { select: { name: true, region: true, country: true, latitude: true, longitude: true } },
      occupation: true,
      heritage: true,
      role: true,
      stance: true,
      stanceRationale: true,
      source: { select: SOURCE_REF_SELECT },
      quotes: {
        where: options.kinds?.length ? { kind: { in: options.kinds } } : {},
        orderBy: { position: "asc" },
        select: { id: true, text: true, kind: true, context: true, documentId: true, start: true, end: true },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const v = byId.get(id);
    if (!v) return [];
    const source = toSourceRef(v.source);
    return [
      {
        slug: v.id,
        name: v.name,
        age: v.age,
        ageAsOf: v.ageAsOf,
        city: v.cityAsPrinted,
        place: v.place,
        occupation: v.occupation,
        heritage: v.heritage,
        role: v.role as Role,
        stance: v.stance as Stance,
        stanceRationale: v.stanceRationale,
        permalink: options.permalinks.voice(v.id),
        source,
        quotes: v.quotes
          .filter((q) => !options.quoteIds || options.quoteIds.has(q.id))
          .map((q) => ({
            id: q.id,
            text: q.text,
            kind: q.kind as QuoteKind,
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
