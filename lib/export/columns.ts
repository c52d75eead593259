import { STANCE_LABELS } from "../vocabulary";
import type { ExportQuote, ExportVoice } from "./find-export-voices";

// The one column registry behind every tabular export (CSV today): each column has an
// id (the CSV header), a label (for people) and how to read its value.

export type Column<Row> = { id: string; label: string; value(row: Row): string | number | null };

export type QuoteRow = { voice: ExportVoice; quote: ExportQuote };

const voiceColumns: Column<ExportVoice>[] = [
  { id: "voice_slug", label: "Voice (permalink id)", value: (v) => v.slug },
  { id: "name", label: "Name as printed", value: (v) => v.name },
  { id: "age", label: "Age", value: (v) => v.age },
  { id: "age_as_of", label: "Age as of", value: (v) => v.ageAsOf },
  { id: "city", label: "City as printed", value: (v) => v.city },
  { id: "place", label: "Place (official name)", value: (v) => v.place?.name ?? null },
  { id: "region", label: "Region", value: (v) => v.place?.region ?? null },
  { id: "country", label: "Country", value: (v) => v.place?.country ?? null },
  { id: "occupation", label: "Occupation", value: (v) => v.occupation },
  { id: "heritage", label: "Heritage or nationality", value: (v) => v.heritage },
  { id: "role", label: "Role", value: (v) => v.role },
  { id: "stance", label: "Stance", value: (v) => v.stance },
  { id: "stance_label", label: "Stance (label)", value: (v) => STANCE_LABELS[v.stance] },
  { id: "stance_rationale", label: "Stance rationale", value: (v) => v.stanceRationale },
  { id: "source_title", label: "Source title", value: (v) => v.source.title },
  { id: "source_publisher", label: "Publisher", value: (v) => v.source.publisher },
  { id: "source_authors", label: "Authors", value: (v) => v.source.authors.join("; ") || null },
  { id: "source_date", label: "Publication date", value: (v) => v.source.publishedAt },
  { id: "source_url", label: "Source URL", value: (v) => v.source.url },
];

export const QUOTE_COLUMNS: Column<QuoteRow>[] = [
  { id: "quote_id", label: "Quote (permalink id)", value: (r) => r.quote.id },
  { id: "quote", label: "Exact words", value: (r) => r.quote.text },
  { id: "kind", label: "Kind", value: (r) => r.quote.kind },
  { id: "context", label: "Surrounding paragraph", value: (r) => r.quote.context },
  ...voiceColumns.map((c): Column<QuoteRow> => ({ ...c, value: (r) => c.value(r.voice) })),
  { id: "document", label: "Document", value: (r) => r.quote.document },
  { id: "start", label: "Start offset", value: (r) => r.quote.start },
  { id: "end", label: "End offset", value: (r) => r.quote.end },
  { id: "permalink", label: "Permalink", value: (r) => r.quote.permalink },
];

/** A quote list's note on each quote: only exports of a list have it. */
export const NOTE_COLUMN: Column<QuoteRow> = { id: "note", label: "Note", value: (r) => r.quote.note ?? null };

export const VOICE_COLUMNS: Column<ExportVoice>[] = [
  ...voiceColumns,
  { id: "quote_count", label: "Quotes", value: (v) => v.quotes.length },
  { id: "quotes", label: "Exact words (one quote per line)", value: (v) => v.quotes.map((q) => q.text).join("\n") },
  { id: "permalink", label: "Permalink", value: (v) => v.permalink },
];

/** Provenance carried by every row of a tabular export, so a row copied elsewhere keeps it. */
export type Provenance = { corpusVersion: string; exportedAt: string; selection: string; citeCorpusAs: string };

export const PROVENANCE_COLUMNS: Column<Provenance>[] = [
  { id: "corpus_version", label: "Corpus version", value: (p) => p.corpusVersion },
  { id: "exported_at", label: "Exported at", value: (p) => p.exportedAt },
  { id: "selection", label: "Selection", value: (p) => p.selection },
  { id: "cite_corpus_as", label: "Cite the corpus as", value: (p) => p.citeCorpusAs },
];
