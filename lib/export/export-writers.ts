import { stringify } from "csv-stringify/sync";
import { buildArticleItem, buildQuoteEntryItem, buildVoiceEntryItem, type CorpusStamp, type CslItem } from "../citation/csl-items";
import { STANCE_LABELS } from "../vocabulary";
import { NOTE_COLUMN, PROVENANCE_COLUMNS, QUOTE_COLUMNS, VOICE_COLUMNS, type Column, type Provenance, type QuoteRow } from "./columns";
import type { ExportFormat, ExportShape } from "./export-request";
import type { ExportVoice } from "./find-export-voices";

// One writer per format. An export is begin(), then write() for each batch of voices,
// then end(): each returns text to stream, so memory holds one batch at a time.

type ExportWriter = {
  begin(): string;
  write(batch: ExportVoice[]): string;
  end(): string;
};

type WriterOptions = {
  shape: ExportShape;
  provenance: Provenance;
  stamp: CorpusStamp;
  bom: boolean;
  /** A quote list: each quote carries a note. */ notes?: boolean;
};

type ExportFormatSpec = { label: string; extension: string; mediaType: string; create(o: WriterOptions): Promise<ExportWriter> };

export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatSpec> = {
  csv: { label: "CSV", extension: "csv", mediaType: "text/csv; charset=utf-8", create: async (o) => csvWriter(o) },
  json: { label: "JSON", extension: "json", mediaType: "application/json; charset=utf-8", create: async (o) => jsonWriter(o) },
  jsonl: { label: "JSON Lines", extension: "jsonl", mediaType: "application/x-ndjson; charset=utf-8", create: async (o) => jsonlWriter(o) },
  md: { label: "Markdown", extension: "md", mediaType: "text/markdown; charset=utf-8", create: async (o) => markdownWriter(o) },
  bibtex: {
    label: "BibTeX",
    extension: "bib",
    mediaType: "application/x-bibtex; charset=utf-8",
    create: (o) => citationWriter(o, "bibtex"),
  },
  ris: {
    label: "RIS",
    extension: "ris",
    mediaType: "application/x-research-info-systems; charset=utf-8",
    create: (o) => citationWriter(o, "ris"),
  },
  "csl-json": {
    label: "CSL-JSON",
    extension: "json",
    mediaType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    create: (o) => citationWriter(o, "csl-json"),
  },
};

const quoteRows = (batch: ExportVoice[]): QuoteRow[] => batch.flatMap((voice) => voice.quotes.map((quote) => ({ voice, quote })));

/** A quote for JSON: its fields and source, with the speaker's attributes nested. */
function quoteObject({ voice, quote }: QuoteRow) {
  const { quotes: _quotes, source: _source, ...speaker } = voice;
  return { ...quote, voice: speaker };
}

function csvWriter({ shape, provenance, bom, notes }: WriterOptions): ExportWriter {
  const columns: Column<never>[] = (
    shape === "quotes" ? [...QUOTE_COLUMNS, ...(notes ? [NOTE_COLUMN] : [])] : VOICE_COLUMNS
  ) as Column<never>[];
  const all = [...columns.map((c) => c.id), ...PROVENANCE_COLUMNS.map((c) => c.id)];
  const stamp = PROVENANCE_COLUMNS.map((c) => c.value(provenance));
  const options = { escape_formulas: true, record_delimiter: "\r\n" as const, quoted_match: /\n/ };
  return {
    // RFC 4180: CRLF line ends; an optional byte-order mark so Excel reads UTF-8.
    begin: () => (bom ? "\uFEFF" : "") + stringify([all], options),
    write: (batch) => {
      const rows = shape === "quotes" ? quoteRows(batch) : batch;
      return rows.length
        ? stringify(
            rows.map((row) => [...columns.map((c) => c.value(row as never)), ...stamp]),
            options,
          )
        : "";
    },
    end: () => "",
  };
}

function items(shape: ExportShape, batch: ExportVoice[]): unknown[] {
  return shape === "quotes" ? quoteRows(batch).map(quoteObject) : batch;
}

function jsonWriter({ shape, provenance }: WriterOptions): ExportWriter {
  let first = true;
  return {
    begin: () => `{\n"provenance": ${JSON.stringify({ ...provenance, shape })},\n"items": [\n`,
    write: (batch) =>
      items(shape, batch)
        .map((item) => {
          const text = (first ? "" : ",\n") + JSON.stringify(item);
          first = false;
          return text;
        })
        .join(""),
    end: () => "\n]\n}\n",
  };
}

function jsonlWriter({ shape, provenance }: WriterOptions): ExportWriter {
  return {
    begin: () => `${JSON.stringify({ provenance: { ...provenance, shape } })}\n`,
    write: (batch) =>
      items(shape, batch)
        .map((item) => `${JSON.stringify(item)}\n`)
        .join(""),
    end: () => "",
  };
}

function markdownWriter({ provenance }: WriterOptions): ExportWriter {
  return {
    begin: () =>
      [
        "# Voices: quote list",
        "",
        `${provenance.selection}.`,
        "",
        `Corpus version ${provenance.corpusVersion}, exported ${provenance.exportedAt}. Cite the corpus as: ${provenance.citeCorpusAs}`,
        "",
        "",
      ].join("\n"),
    write: (batch) =>
      batch
        .map((v) => {
          const facts = [v.age !== null ? `${v.age}` : null, v.occupation, v.city].filter(Boolean).join(", ");
          const source = `${v.source.publisher}, “${v.source.title}”${v.source.publishedAt ? ` (${v.source.publishedAt})` : ""}${v.source.url ? ` <${v.source.url}>` : ""}`;
          const quotes = v.quotes
            .map((q) => `> ${q.text}\n\n— ${q.kind === "direct" ? "direct quotation" : "paraphrase"}, <${q.permalink}>\n`)
            .join("\n");
          return `## ${v.name}${facts ? ` (${facts})` : ""}\n\n${STANCE_LABELS[v.stance]}: ${v.stanceRationale}\n\nSource: ${source}\n\n${quotes}\n`;
        })
        .join(""),
    end: () => "",
  };
}

/**
 * Bibliographic formats: every source article once, then a corpus entry per quote or voice.
 * citation-js loads here, on first use: the other formats never pay its ~30 MB.
 */
async function citationWriter({ shape, stamp, provenance }: WriterOptions, format: "bibtex" | "ris" | "csl-json"): Promise<ExportWriter> {
  const { formatBibtex, formatRis } = await import("../citation/format-citation");
  const seenSources = new Set<string>();
  let firstJson = true;
  const render = (entries: CslItem[]) => {
    if (format === "bibtex") return formatBibtex(entries);
    if (format === "ris") return `${formatRis(entries)}\n`;
    const text = entries.map((e) => JSON.stringify(e)).join(",\n");
    const out = (firstJson || !text ? "" : ",\n") + text;
    if (text) firstJson = false;
    return out;
  };
  return {
    begin: () =>
      format === "bibtex"
        ? `@comment{Voices export. ${provenance.selection}. Corpus version ${provenance.corpusVersion}, exported ${provenance.exportedAt}. Cite the corpus as: ${provenance.citeCorpusAs}}\n\n`
        : format === "csl-json"
          ? "[\n"
          : "",
    write: (batch) => {
      const entries: CslItem[] = [];
      for (const voice of batch) {
        if (!seenSources.has(voice.source.slug)) {
          seenSources.add(voice.source.slug);
          entries.push(buildArticleItem(voice.source));
        }
        if (shape === "voices") entries.push(buildVoiceEntryItem(voice, voice.source, stamp));
        else for (const quote of voice.quotes) entries.push(buildQuoteEntryItem(quote, voice, voice.source, stamp));
      }
      return entries.length ? render(entries) : "";
    },
    end: () => (format === "csl-json" ? "\n]\n" : ""),
  };
}
