import { EXPORT_LIMITS, type QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { getCorpusInfo } from "../meta/get-corpus-info";
import { buildPermalinks, resolveBaseUrl } from "../meta/permalinks";
import { citeCorpus } from "../meta/get-corpus-info";
import { describeQuery } from "../search/describe-query";
import { findQuoteIds } from "../search/search-index";
import { resolveFilterValues } from "../search/resolve-filter-values";
import { searchVoices, selectQuotes } from "../search/search-voices";
import type { Provenance } from "./columns";
import type { ExportRequest, ExportSelection, ExportShape } from "./export-request";
import { EXPORT_FORMATS } from "./export-writers";
import { findExportVoices, type ExportVoice } from "./find-export-voices";
import { FACETS } from "../search/facets";

const BATCH = 200;

type Plan = {
  /** The voices, in export order. */
  slugs: string[];
  kinds: QuoteKind[];
  /** Which quotes of the voices slugs[from] up to slugs[to] to keep; null keeps every one of the selected kinds. */
  keep(from: number, to: number): Promise<Set<string> | null>;
  selection: string;
  rows: number;
  /** A quote list: its quotes are written in this order, each with its note, not voice by voice. */
  list?: { ids: string[]; notes: Map<string, string> };
};

const keepAll = async () => null;

/** Which voices, in which order, and which of their quotes: the same rules as the explorer and /api/quotes. */
async function planExport(db: Database, selection: ExportSelection): Promise<Plan> {
  if (selection.kind === "quotes") {
    const found = await db.quote.findMany({
      where: { id: { in: selection.ids } },
      select: { id: true, voiceSlug: true },
    });
    const voiceOf = new Map(found.map((q) => [q.id, q.voiceSlug]));
    const listed = selection.ids.filter((id) => voiceOf.has(id));
    const unknown = selection.ids.filter((id) => !voiceOf.has(id));
    if (listed.length === 0) throw new VoicesError("not_found", `No quote with the id ${unknown.map((id) => `"${id}"`).join(", ")}`);
    const keep = new Set(listed);
    return {
      slugs: [...new Set(listed.map((id) => voiceOf.get(id)!))],
      kinds: [],
      keep: async () => keep,
      list: { ids: listed, notes: selection.notes },
      selection:
        `${listed.length} ${listed.length === 1 ? "quote" : "quotes"} from a list, in its order` +
        (unknown.length ? `; not found, so left out: ${unknown.join(", ")}` : ""),
      rows: listed.length,
    };
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

export type ExportOptions = {
  /** The export's time, also the access date of its corpus entries. */
  now?: Date;
  /** The base of every permalink (PUBLIC_URL, or the request's origin); see lib/meta/permalinks.ts. */
  baseUrl?: string;
};

/** Each listed quote as its own entry (its voice with that one quote and its note), in the list's order. */
function inListOrder(voices: ExportVoice[], list: { ids: string[]; notes: Map<string, string> }): ExportVoice[] {
  const byQuote = new Map(voices.flatMap((voice) => voice.quotes.map((quote) => [quote.id, { voice, quote }] as const)));
  return list.ids.flatMap((id) => {
    const found = byQuote.get(id);
    return found ? [{ ...found.voice, quotes: [{ ...found.quote, note: list.notes.get(id) ?? null }] }] : [];
  });
}

/**
 * A file name that says what the file holds, e.g. voices-neutral-karaganda-quotes for the
 * explorer's filters, voices-gulmira-karaganda-quotes for one voice, quote-list-3-quotes
 * for a list: several exports in one download folder stay told apart.
 */
export function nameExport(selection: ExportSelection, shape: ExportShape): string {
  const words =
    selection.kind === "query"
      ? [
          ...FACETS.flatMap((facet) => selection.query[facet.key] as string[]),
          ...(selection.query.q.match(/[\p{L}\p{N}]+/gu) ?? []),
          ...(selection.query.ageMin !== undefined || selection.query.ageMax !== undefined
            ? [`aged-${selection.query.ageMin ?? 0}-${selection.query.ageMax ?? "plus"}`]
            : []),
        ]
      : selection.kind === "voices"
        ? selection.slugs
        : [`list-${selection.ids.length}`];
  const prefix = selection.kind === "quotes" ? "quote" : "voices";
  const middle = words
    .map((w) =>
      w
        .toLowerCase()
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean)
    .join("-")
    .slice(0, 80)
    .replace(/-$/, "");
  return [prefix, middle || (selection.kind === "query" ? "all" : ""), shape].filter(Boolean).join("-");
}

/** Plans an export and returns its metadata and a generator of its text, batch by batch. */
export async function startExport(db: Database, request: ExportRequest, options: ExportOptions = {}): Promise<ExportStart> {
  const now = options.now ?? new Date();
  const [plan, corpus] = await Promise.all([planExport(db, request.selection), getCorpusInfo(db)]);
  const permalinks = buildPermalinks(options.baseUrl ?? resolveBaseUrl(), corpus.release);
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
    notes: plan.list !== undefined,
    stamp: { version: corpus.version, versionDate: corpus.versionDate, accessedAt: now },
    permalinks,
  });
  const time = provenance.exportedAt.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, ""); // 20261130T004645Z
  const total = request.shape === "quotes" ? plan.rows : plan.slugs.length;
  return {
    // what it holds, the corpus version it was made from, and when
    filename: `${nameExport(request.selection, request.shape)}-${corpus.version}-${time}.${format.extension}`,
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
      if (plan.list && request.shape === "quotes") {
        // at most QUOTE_LIST_LIMITS.quotesMax quotes: one batch, reordered as listed
        const voices = await findExportVoices(db, plan.slugs, { quoteIds: await plan.keep(0, plan.slugs.length), permalinks });
        yield writer.write(inListOrder(voices, plan.list));
        onProgress?.(plan.rows);
        yield writer.end();
        return;
      }
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
