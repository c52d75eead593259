import { stringify } from "csv-stringify/sync";
import { buildArticleItem, buildQuoteEntryItem, buildVoiceEntryItem, type CorpusStamp, type CslItem } from "../citation/csl-items";
import { escapeLatex, formatBiblatex } from "../citation/format-biblatex";
import { formatRis } from "../citation/format-ris";
import type { Permalinks } from "../meta/permalinks";
import { STANCE_LABELS } from "../vocabulary";
import { NOTE_COLUMN, PROVENANCE_COLUMNS, QUOTE_COLUMNS, VOICE_COLUMNS, type Column, type Provenance, type QuoteRow } from "./columns";
import type { ExportFormat, ExportShape } from "./export-request";
import type { ExportQuote, ExportVoice } from "./find-export-voices";

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
  permalinks: Permalinks;
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
    create: async (o) => citationWriter(o, "bibtex"),
  },
  ris: {
    label: "RIS",
    extension: "ris",
    mediaType: "application/x-research-info-systems; charset=utf-8",
    create: async (o) => citationWriter(o, "ris"),
  },
  "csl-json": {
    label: "CSL-JSON",
    extension: "csl.json",
    mediaType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    create: async (o) => citationWriter(o, "csl-json"),
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

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, "\\$1");

/** A quote in Markdown: a direct quotation as a block quote; a paraphrase labelled as reported speech, never in quotation marks. */
function markdownQuote(q: ExportQuote): string {
  const words =
    q.kind === "direct"
      ? `> ${mdEscape(q.text)}\n\n— direct quotation, <${q.permalink}>\n`
      : `Reported (the reporter’s paraphrase, not a direct quotation): ${mdEscape(q.text)}\n\n— paraphrase, <${q.permalink}>\n`;
  // a quote list's own note on the quote
  return q.note ? `${words}\nNote: ${mdEscape(q.note)}\n` : words;
}

function markdownWriter({ shape, provenance }: WriterOptions): ExportWriter {
  const source = (v: ExportVoice) =>
    `${mdEscape(v.source.publisher)}, “${mdEscape(v.source.title)}”${v.source.publishedAt ? ` (${v.source.publishedAt})` : " (undated)"}${v.source.url ? ` <${v.source.url}>` : ""}`;
  const heading = (v: ExportVoice) => {
    const facts = [v.age !== null ? `${v.age}` : null, v.occupation, v.city].filter(Boolean).join(", ");
    return `## ${mdEscape(v.name)}${facts ? ` (${mdEscape(facts)})` : ""}`;
  };
  return {
    begin: () =>
      [
        shape === "quotes" ? "# Voices: quote list" : "# Voices: list of voices",
        "",
        `${mdEscape(provenance.selection)}.`,
        "",
        `Corpus version ${provenance.corpusVersion}, exported ${provenance.exportedAt}. Cite the corpus as: ${provenance.citeCorpusAs}`,
        "",
        "",
      ].join("\n"),
    write: (batch) =>
      batch
        .map((v) => {
          const stance = `${STANCE_LABELS[v.stance]}: ${mdEscape(v.stanceRationale)}`;
          if (shape === "voices") {
            const kinds = v.quotes.filter((q) => q.kind === "direct").length;
            const counts = `${v.quotes.length} ${v.quotes.length === 1 ? "quote" : "quotes"} (${kinds} direct, ${v.quotes.length - kinds} paraphrased)`;
            return `${heading(v)}\n\n${stance}\n\nSource: ${source(v)}\n\n${counts}. Permalink: <${v.permalink}>\n\n`;
          }
          return `${heading(v)}\n\n${stance}\n\nSource: ${source(v)}\n\n${v.quotes.map(markdownQuote).join("\n")}\n`;
        })
        .join(""),
    end: () => "",
  };
}

/** Where a format has room for it (a corpus entry's note), the export's own provenance. */
const provenanceNote = (p: Provenance) =>
  `Exported ${p.exportedAt} from Voices corpus version ${p.corpusVersion}; selection: ${p.selection}. Cite the corpus as: ${p.citeCorpusAs}`;

/**
 * Bibliographic formats: every source article once, then a corpus entry per quote or voice.
 * biblatex and RIS are written from our CSL items directly (lib/citation/format-*.ts).
 */
function citationWriter({ shape, stamp, provenance, permalinks }: WriterOptions, format: "bibtex" | "ris" | "csl-json"): ExportWriter {
  const seenSources = new Set<string>();
  let firstJson = true;
  const note = provenanceNote(provenance);
  const render = (entries: CslItem[]) => {
    if (format === "bibtex") return `${formatBiblatex(entries)}\n`;
    if (format === "ris") return formatRis(entries);
    const text = entries.map((e) => JSON.stringify(e)).join(",\n");
    const out = (firstJson || !text ? "" : ",\n") + text;
    if (text) firstJson = false;
    return out;
  };
  // a quote list's own note on a quote goes first, where a reference manager shows it
  const withProvenance = (entry: CslItem, listNote?: string | null): CslItem => ({
    ...entry,
    note: `${listNote ? `List note: ${listNote}\n` : ""}${entry.note} ${note}`,
  });
  return {
    begin: () =>
      format === "bibtex"
        ? `@comment{${escapeLatex(`Voices export. ${provenance.selection}. Corpus version ${provenance.corpusVersion}, exported ${provenance.exportedAt}. Cite the corpus as: ${provenance.citeCorpusAs}`).replace(/[{}]/g, "")}}\n\n`
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
        if (shape === "voices") entries.push(withProvenance(buildVoiceEntryItem(voice, voice.source, stamp, permalinks)));
        else
          for (const quote of voice.quotes)
            entries.push(withProvenance(buildQuoteEntryItem(quote, voice, voice.source, stamp, permalinks), quote.note));
      }
      return entries.length ? render(entries) : "";
    },
    end: () => (format === "csl-json" ? "\n]\n" : ""),
  };
}
