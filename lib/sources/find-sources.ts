import type { Database } from "../db/create-prisma-client";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "./source-ref";

export type SourceSummary = SourceRef & {
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
      select: SOURCE_REF_SELECT,
    }),
    db.document.findMany({
      orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
      select: { id: true, sourceSlug: true, publisher: true, publishedAt: true, isPrimary: true },
    }),
    db.voice.groupBy({ by: ["sourceSlug"], _count: { _all: true } }),
    db.quote.groupBy({ by: ["documentId"], _count: { _all: true } }),
  ]);
  const voicesOf = new Map(voiceCounts.map((c) => [c.sourceSlug, c._count._all]));
  const quotesOf = new Map(quoteCounts.map((c) => [c.documentId, c._count._all]));
  const documentsOf = new Map<string, typeof documents>();
  for (const d of documents) documentsOf.set(d.sourceSlug, [...(documentsOf.get(d.sourceSlug) ?? []), d]);
  return sources.map((s) => {
    const own = documentsOf.get(s.slug) ?? [];
    return {
      ...toSourceRef(s),
      voiceCount: voicesOf.get(s.slug) ?? 0,
      quoteCount: own.reduce((n, d) => n + (quotesOf.get(d.id) ?? 0), 0),
      documents: own.map(({ sourceSlug: _sourceSlug, ...d }) => d),
    };
  });
}
