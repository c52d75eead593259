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

/**
 * Every source in corpus order, with how many voices and quotes it contributes. Four flat
 * queries: nesting counts and documents under the sources would bind one parameter per
 * source, past SQLite's limit once a corpus has more than 999 sources.
 */
export async function findSources(db: Database): Promise<SourceSummary[]> {
  const [sources, documents, voiceCounts, quoteCounts] = await Promise.all([
    db.source.findMany({
      orderBy: { position: "asc" },
      select: { id: true, title: true, publisher: true, authors: true, publishedAt: true, url: true },
    }),
    db.document.findMany({
      orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
      select: { id: true, sourceId: true, publisher: true, publishedAt: true, isPrimary: true },
    }),
    db.voice.groupBy({ by: ["sourceId"], _count: { _all: true } }),
    db.quote.groupBy({ by: ["documentId"], _count: { _all: true } }),
  ]);
  const voicesOf = new Map(voiceCounts.map((c) => [c.sourceId, c._count._all]));
  const quotesOf = new Map(quoteCounts.map((c) => [c.documentId, c._count._all]));
  const documentsOf = new Map<string, typeof documents>();
  for (const d of documents) documentsOf.set(d.sourceId, [...(documentsOf.get(d.sourceId) ?? []), d]);
  return sources.map((s) => {
    const own = documentsOf.get(s.id) ?? [];
    return {
      slug: s.id,
      title: s.title,
      publisher: s.publisher,
      authors: s.authors as string[],
      publishedAt: s.publishedAt,
      url: s.url,
      voiceCount: voicesOf.get(s.id) ?? 0,
      quoteCount: own.reduce((n, d) => n + (quotesOf.get(d.id) ?? 0), 0),
      documents: own.map(({ sourceId: _sourceId, ...d }) => d),
    };
  });
}
