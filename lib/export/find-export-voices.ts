import type { Database } from "../db/create-prisma-client";
import type { QuoteKind, Role, Stance } from "../corpus/vocabulary";

export type ExportSource = {
  title: string;
  publisher: string;
  authors: string[];
  url: string | null;
  publishedAt: string | null;
};

export type ExportQuote = {
  id: string;
  text: string;
  kind: QuoteKind;
  context: string;
  document: string;
  start: number;
  end: number;
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
  quotes: ExportQuote[];
};

/** Every voice with its quotes, in corpus order (source, then position in the file). */
export async function findExportVoices(db: Database): Promise<ExportVoice[]> {
  const voices = await db.voice.findMany({
    orderBy: [{ source: { position: "asc" } }, { position: "asc" }],
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
      source: { select: { title: true, publisher: true, authors: true, url: true, publishedAt: true } },
      quotes: {
        orderBy: { position: "asc" },
        select: { id: true, text: true, kind: true, context: true, documentId: true, start: true, end: true },
      },
    },
  });
  return voices.map((v) => {
    const source: ExportSource = { ...v.source, authors: v.source.authors as string[] };
    return {
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
      quotes: v.quotes.map((q) => ({
        id: q.id,
        text: q.text,
        kind: q.kind as QuoteKind,
        context: q.context,
        document: q.documentId,
        start: q.start,
        end: q.end,
        source,
      })),
    };
  });
}
