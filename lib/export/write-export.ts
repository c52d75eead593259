import { EXPORT_LIMITS, type QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { getCorpusInfo } from "../meta/get-corpus-info";
import { quotePermalink, voicePermalink } from "../meta/permalinks";
import { describeQuery } from "../search/describe-query";
import { findQuoteIds } from "../search/search-index";
import { resolveFilterValues } from "../search/resolve-filter-values";
import { searchVoices, selectQuotes } from "../search/search-voices";
import type { Provenance } from "./columns";
import { type ExportRequest, type ExportSelection } from "./export-request";
import { EXPORT_FORMATS } from "./export-writers";
import { findExportVoices } from "./find-export-voices";

const BATCH = 200;
const permalinks = { voice: voicePermalink, quote: quotePermalink };

type Plan = {
  /** The voices, in export order. */
  slugs: string[];
  kinds: QuoteKind[];
  /** Which quotes of the voices slugs[from] up to slugs[to] to keep; null keeps every one of the selected kinds. */
  keep(from: number, to: number): Promise<Set<string> | null>;
  selection: string;
  rows: number;
};

const keepAll = async () => null;

/** Which voices, in which order, and which of their quotes: the same rules as the explorer and /api/quotes. */
async function planExport(db: Database, selection: ExportSelection): Promise<Plan> {
  if (selection.kind === "quote") {
    const quote = await db.quote.findUnique({
      where: { id: selection.quoteId },
      select: { voiceSlug: true, voice: { select: { name: true } } },
    });
    if (!quote) throw new VoicesError("not_found", `No quote with the id "${selection.quoteId}"`);
    const only = new Set([selection.quoteId]);
    return { slugs: [quote.voiceSlug], kinds: [], keep: async () => only, selection: `1 quote by ${quote.voice.name}`, rows: 1 };
  }
  if (selection.kind === "voices") {
    const found = await db.voice.findMany({
      where: { slug: { in: selection.slugs } },
      select: { slug: true, name: true, _count: { select: { quotes: true } } },
    });
    const missing = selection.slugs.filter((s) => !found.some((f) => f.slug === s));
    if (missing.length) throw new VoicesError("not_found", `No voice with the slug ${missing.map((m) => `"${m}"`).join(", ")}`);
    const names = selection.slugs.map((s) => found.find((f) => f.slug === s)!.name);
    return {
      slugs: selection.slugs,
      kinds: [],
      keep: keepAll,
      selection: `${names.length} ${names.length === 1 ? "voice" : "voices"}: ${names.join(", ")}`,
      rows: found.reduce((n, f) => n + f._count.quotes, 0),
    };
  }
  // a filter value that names nothing is an error here as in the API, never an empty file
  const { query } = await resolveFilterValues(db, selection.query);
  const search = await searchVoices(db, query);
  const { kind } = query;
  return {
    slugs: search.results.map((v) => v.slug),
    kinds: kind,
    // with a search, a voice matched by its words contributes those quotes; one matched by name or place, all
    keep: search.matches
      ? async (from, to) => new Set(await findQuoteIds(db, selectQuotes(search, kind, search.results.slice(from, to))))
      : keepAll,
    selection: describeQuery(search.results.length, query, search.facts),
    rows: selectQuotes(search, kind).length,
  };
}

export type ExportStart = {
  filename: string;
  mediaType: string;
  /** Rows to expect: quotes, or voices for the voices shape. */
  total: number;
  provenance: Provenance;
  /** The export's text, chunk by chunk; `onProgress` hears how many rows are out. */
  chunks(onProgress?: (done: number) => void): AsyncGenerator<string>;
};

/** Plans an export and returns its metadata and a generator of its text, batch by batch. */
export async function startExport(db: Database, request: ExportRequest, now = new Date()): Promise<ExportStart> {
  const [plan, corpus] = await Promise.all([planExport(db, request.selection), getCorpusInfo(db)]);
  const rows = request.shape === "quotes" ? plan.rows : plan.slugs.length;
  if (rows > EXPORT_LIMITS.maxRows) {
    const message = `This export would hold ${rows} rows; one export holds at most ${EXPORT_LIMITS.maxRows}. Narrow the filters.`;
    throw new VoicesError("too_large", message, [{ parameter: "format", message }]);
  }
  const provenance: Provenance = {
    corpusVersion: corpus.version,
    exportedAt: now.toISOString(),
    selection: plan.selection,
    citeCorpusAs: corpus.citation,
  };
  const format = EXPORT_FORMATS[request.format];
  const writer = await format.create({
    shape: request.shape,
    provenance,
    bom: request.bom,
    stamp: { version: corpus.version, seededAt: corpus.seededAt, accessedAt: now },
  });
  const total = request.shape === "quotes" ? plan.rows : plan.slugs.length;
  return {
    filename: `voices-${corpus.version}-${request.shape}.${format.extension}`,
    mediaType: format.mediaType,
    total,
    provenance,
    async *chunks(onProgress) {
      yield writer.begin();
      let done = 0;
      for (let i = 0; i < plan.slugs.length; i += BATCH) {
        const quoteIds = await plan.keep(i, i + BATCH);
        const batch = await findExportVoices(db, plan.slugs.slice(i, i + BATCH), { kinds: plan.kinds, quoteIds, permalinks });
        const text = writer.write(batch);
        if (text) yield text;
        done += request.shape === "quotes" ? batch.reduce((n, v) => n + v.quotes.length, 0) : batch.length;
        onProgress?.(done);
        // the driver is synchronous: yield so timers (a progress line) and other requests get a turn
        await new Promise((resolve) => setImmediate(resolve));
      }
      yield writer.end();
    },
  };
}
