import type { Database } from "../db/create-prisma-client";
import type { Stance } from "../vocabulary";
import { parseDocument, type Block } from "../corpus/parse-document";
import { splitIntoParts, type DocumentPart } from "./document-parts";
import { listHighlightedQuotes, markQuotes, type LocatedQuote, type MarkedText } from "./mark-quotes";
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

async function findSourceRow(db: Database, slug: string) {
  return db.source.findUnique({
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
          quotes: { select: { id: true, start: true, end: true, voice: { select: { slug: true, name: true, stance: true } } } },
        },
      },
      voices: { orderBy: { position: "asc" }, select: { slug: true, name: true, stance: true, _count: { select: { quotes: true } } } },
    },
  });
}

type SourceRow = NonNullable<Awaited<ReturnType<typeof findSourceRow>>>;

function locatedQuotes(document: SourceRow["documents"][number]): LocatedQuote[] {
  return document.quotes.map((q) => ({
    id: q.id,
    start: q.start,
    end: q.end,
    voiceSlug: q.voice.slug,
    voiceName: q.voice.name,
    stance: q.voice.stance,
  }));
}

function toDetail<D>(s: SourceRow, document: (d: SourceRow["documents"][number]) => D) {
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
      ...document(d),
    })),
    voices: voices.map((v) => ({ slug: v.slug, name: v.name, stance: v.stance, quoteCount: v._count.quotes })),
  };
}

/** One source with its copies, their stored texts cut at every quote, and its voices: what the API returns. */
export async function getSource(db: Database, slug: string): Promise<SourceDetail | null> {
  const s = await findSourceRow(db, slug);
  return s && toDetail(s, (d) => ({ runs: splitIntoRuns(d.text, locatedQuotes(d)) }));
}

export type SourceReading = ReturnType<typeof toDetail<{ blocks: Block<MarkedText>[]; quotes: LocatedQuote[]; parts: DocumentPart[] }>>;

/**
 * One source as the source page shows it: each copy's Markdown parsed into blocks whose text
 * is cut at every quote, the quotes it highlights in reading order, with their speakers, and
 * the parts a long text is read in (document-parts.ts).
 */
export async function getSourceReading(db: Database, slug: string): Promise<SourceReading | null> {
  const s = await findSourceRow(db, slug);
  return (
    s &&
    toDetail(s, (d) => {
      const quotes = locatedQuotes(d);
      const blocks = markQuotes(parseDocument(d.text), quotes);
      return { blocks, quotes: listHighlightedQuotes(quotes), parts: splitIntoParts(blocks, quotes) };
    })
  );
}
