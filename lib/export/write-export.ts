import { EXPORT_LIMITS, type QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { getCorpusInfo } from "../meta/get-corpus-info";
import { buildPermalinks, resolveBaseUrl } from "../meta/permalinks";
import { citeCorpus } from "../meta/get-corpus-info";
import { describeQuery } from "../search/describe-query";
import { findQuoteIds } from "../search/search-index";
import { searchVoices, selectQuotes } from "../search/search-voices";
import type { Provenance } from "./columns";
import { type ExportRequest, type ExportSelection } from "./export-request";
import { EXPORT_FORMATS } from "./export-writers";
import { findExportVoices } from "./find-export-voices";

const BATCH = 200;

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
  const search = await searchVoices(db, selection.query);
  const { kind } = selection.query;
  return {
    slugs: search.results.map((v) => v.slug),
    kinds: kind,
    // with a search, a voice matched by its words contributes those quotes; one matched by name or place, all
    keep: search.matches
      ? async (from, to) => new Set(await findQuoteIds(db, selectQuotes(search, kind, search.results.slice(from, to))))
      : keepAll,
    selection: describeQuery(search.results.length, selection.query, search.facts),
    rows: selectQuotes(search, kind).length,
  };
}

export type ExportStart = {
  /** voices-<version>-<selection>-<shape>-<time>.<ext>: the provenance survives a renamed folder. */
  filename: string;
  /** The provenance as response headers (values ASCII-safe, per RFC 9110). */
  headers: Record<string, string>;
  mediaType: string;
  /** Rows to expect: quotes, or voices for the voices shape. */
  total: number;
  provenance: Provenance;
  /** The export's text, chunk by chunk; `onProgress` hears how many rows are out. */
  chunks(onProgress?: (done: number) => void): AsyncGenerator<string>;
};

/** A file-name part: lowercase ASCII words joined by hyphens, at most `max` characters. */
function slugify(text: string, max: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "") || "selection";
}

/** What the file name says of the selection: the quote id, the voices, or the filters in words. */
function selectionForFilename(selection: ExportSelection, described: string): string {
  if (selection.kind === "quote") return selection.quoteId;
  if (selection.kind === "voices") return slugify(selection.slugs.join("-"), 60);
  // "52 voices matching “war”, from Almaty" → "matching-war-from-almaty"; no filter at all → "all"
  const filters = slugify(described.replace(/^\d+ voices?\b/, ""), 60);
  return filters === "selection" ? "all" : filters;
}

export type ExportOptions = {
  /** The export's time, also the access date of its corpus entries. */
  now?: Date;
  /** The base of every permalink (PUBLIC_URL, or the request's origin); see lib/meta/permalinks.ts. */
  baseUrl?: string;
};

/** Plans an export and returns its metadata and a generator of its text, batch by batch. */
export async function startExport(db: Database, request: ExportRequest, options: ExportOptions = {}): Promise<ExportStart> {
  const now = options.now ?? new Date();
  const permalinks = buildPermalinks(options.baseUrl ?? resolveBaseUrl());
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
    citeCorpusAs: citeCorpus(corpus, permalinks),
  };
  const format = EXPORT_FORMATS[request.format];
  const writer = await format.create({
    shape: request.shape,
    provenance,
    bom: request.bom,
    stamp: { version: corpus.version, versionDate: corpus.versionDate, accessedAt: now },
    permalinks,
  });
  const time = provenance.exportedAt.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, ""); // 20261130T004645Z
  const total = request.shape === "quotes" ? plan.rows : plan.slugs.length;
  return {
    filename: `voices-${corpus.version}-${selectionForFilename(request.selection, plan.selection)}-${request.shape}-${time}.${format.extension}`,
    headers: {
      "X-Corpus-Version": provenance.corpusVersion,
      "X-Corpus-Version-Date": corpus.versionDate,
      "X-Exported-At": provenance.exportedAt,
      "X-Export-Selection": encodeURIComponent(provenance.selection),
      "X-Export-Shape": request.shape,
      "X-Cite-Corpus-As": encodeURIComponent(provenance.citeCorpusAs),
    },
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
