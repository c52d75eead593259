import type { Database } from "../db/create-prisma-client";

export type SourceSummary = {
  slug: string;
  title: string;
  publisher: string;
  authors: string[];
  publishedAt: string | null;
  url: string | null;
  voiceCount: number;
  quoteCount: number;
  documents: { id: string; publisher: string | null; publishedAt: string | null; isPrimary: boolean }[];
};

/** Every source in corpus order, with how many voices and quotes it contributes. */
export async function findSources(db: Database): Promise<SourceSummary[]> {
  const sources = await db.source.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      publisher: true,
      authors: true,
      publishedAt: true,
      url: true,
      _count: { select: { voices: true } },
      documents: { orderBy: [{ isPrimary: "desc" }, { id: "asc" }], select: { id: true, publisher: true, publishedAt: true, isPrimary: true } },
    },
  });
  const quoteCounts = await db.quote.groupBy({ by: ["documentId"], _count: { _all: true } });
  const quotesIn = (documentIds: string[]) =>
    quoteCounts.filter((c) => documentIds.includes(c.documentId)).reduce((n, c) => n + c._count._all, 0);
  return sources.map((s) => ({
    slug: s.id,
    title: s.title,
    publisher: s.publisher,
    authors: s.authors as string[],
    publishedAt: s.publishedAt,
    url: s.url,
    voiceCount: s._count.voices,
    quoteCount: quotesIn(s.documents.map((d) => d.id)),
    documents: s.documents,
  }));
}
