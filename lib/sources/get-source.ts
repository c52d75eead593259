import type { Database } from "../db/create-prisma-client";
import type { Stance } from "../vocabulary";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "./source-ref";

/** A run of document text; quote runs carry the quote they show and link to its voice. */
export type TextRun = { text: string; quote: { id: string; voiceSlug: string; voiceName: string } | null };

export type SourceDetail = SourceRef & {
  documents: {
    id: string;
    publisher: string | null;
    publishedAt: string | null;
    isPrimary: boolean;
    note: string | null;
    sha256: string;
    /** The whole text, cut into runs at quote boundaries. */
    runs: TextRun[];
  }[];
  voices: { slug: string; name: string; stance: Stance; quoteCount: number }[];
};

type Located = { id: string; start: number; end: number; voiceSlug: string; voiceName: string };

/** Cuts `text` at each quote's offsets; a quote overlapping an earlier one is not highlighted twice. */
export function splitIntoRuns(text: string, quotes: Located[]): TextRun[] {
  const runs: TextRun[] = [];
  let cursor = 0;
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    if (q.start < cursor) continue;
    if (q.start > cursor) runs.push({ text: text.slice(cursor, q.start), quote: null });
    runs.push({ text: text.slice(q.start, q.end), quote: { id: q.id, voiceSlug: q.voiceSlug, voiceName: q.voiceName } });
    cursor = q.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), quote: null });
  return runs;
}

/** One source with its copies, their texts with every quote located, and its voices. */
export async function getSource(db: Database, slug: string): Promise<SourceDetail | null> {
  const s = await db.source.findUnique({
    where: { slug },
    select: {
      ...SOURCE_REF_SELECT,
      documents: {
        orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
        select: {
          id: true,
          publisher: true,
          publishedAt: true,
          isPrimary: true,
          note: true,
          sha256: true,
          text: true,
          quotes: { select: { id: true, start: true, end: true, voice: { select: { slug: true, name: true } } } },
        },
      },
      voices: { orderBy: { position: "asc" }, select: { slug: true, name: true, stance: true, _count: { select: { quotes: true } } } },
    },
  });
  if (!s) return null;
  const { documents, voices, ...source } = s;
  return {
    ...toSourceRef(source),
    documents: documents.map((d) => ({
      id: d.id,
      publisher: d.publisher,
      publishedAt: d.publishedAt,
      isPrimary: d.isPrimary,
      note: d.note,
      sha256: d.sha256,
      runs: splitIntoRuns(
        d.text,
        d.quotes.map((q) => ({ id: q.id, start: q.start, end: q.end, voiceSlug: q.voice.slug, voiceName: q.voice.name })),
      ),
    })),
    voices: voices.map((v) => ({ slug: v.slug, name: v.name, stance: v.stance, quoteCount: v._count.quotes })),
  };
}
