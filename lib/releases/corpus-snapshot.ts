import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import type { CorpusRows } from "../corpus/verify-corpus";
import { foldFields, foldText } from "../search/fold-text";
import { EVIDENCED_ATTRIBUTES, QUOTE_KINDS, ROLES, STANCES } from "../vocabulary";

// A snapshot is the corpus as published: every source, document reference, place, voice,
// quote and evidence span, with the values readers see and cite. It leaves out what the
// seed derives (folded search text) and the documents' texts, which it references by
// SHA-256 instead: the texts stay in data/documents/, and a release is rebuilt from them
// only while they are byte for byte what it was made from.

const text = z.string();
const nullableText = z.string().nullable();

const SourceSchema = z.strictObject({
  slug: text,
  type: z.enum(["article", "blog-post"]),
  title: text,
  publisher: text,
  authors: z.array(text),
  publishedAt: nullableText,
  url: nullableText,
  position: z.number().int(),
});
const DocumentSchema = z.strictObject({
  id: text,
  sourceSlug: text,
  publisher: nullableText,
  publishedAt: nullableText,
  isPrimary: z.boolean(),
  note: nullableText,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const PlaceSchema = z.strictObject({
  slug: text,
  name: text,
  region: text,
  country: text,
  latitude: z.number(),
  longitude: z.number(),
  note: nullableText,
  aliases: z.array(text),
});
const VoiceSchema = z.strictObject({
  slug: text,
  name: text,
  isNamed: z.boolean(),
  age: z.number().int().nullable(),
  ageAsOf: nullableText,
  cityAsPrinted: nullableText,
  placeSlug: nullableText,
  occupation: nullableText,
  heritage: nullableText,
  role: z.enum(ROLES),
  stance: z.enum(STANCES),
  stanceRationale: text,
  sourceSlug: text,
  position: z.number().int(),
});
const QuoteSchema = z.strictObject({
  id: text,
  voiceSlug: text,
  documentId: text,
  kind: z.enum(QUOTE_KINDS),
  text,
  start: z.number().int(),
  end: z.number().int(),
  context: text,
  position: z.number().int(),
});
const EvidenceSchema = z.strictObject({
  voiceSlug: text,
  attribute: z.enum(EVIDENCED_ATTRIBUTES),
  documentId: text,
  text,
  start: z.number().int(),
  end: z.number().int(),
});

export const SnapshotSchema = z.strictObject({
  sources: z.array(SourceSchema),
  documents: z.array(DocumentSchema),
  places: z.array(PlaceSchema),
  voices: z.array(VoiceSchema),
  quotes: z.array(QuoteSchema),
  evidence: z.array(EvidenceSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotEntity = keyof Snapshot;

/** The corpus rows as published: derived search text and document texts left out. */
export function snapshotOf(rows: CorpusRows): Snapshot {
  const omit = <T extends object, K extends keyof T>(row: T, ...keys: K[]) => {
    const copy = { ...row };
    for (const key of keys) delete copy[key];
    return copy as Omit<T, K>;
  };
  return SnapshotSchema.parse({
    sources: rows.sources,
    documents: rows.documents.map((d) => omit(d, "text")),
    places: rows.places.map((p) => omit(p, "searchText")),
    voices: rows.voices.map((v) => omit(v, "searchText")),
    quotes: rows.quotes.map((q) => omit(q, "searchText")),
    evidence: rows.evidence,
  });
}

/** sha256 of the snapshot in RFC 8785 canonical JSON: key order and spacing do not change it. */
export function checksumOf(snapshot: Snapshot): string {
  return `sha256:${createHash("sha256").update(canonicalize(snapshot)!).digest("hex")}`;
}

/**
 * The rows to seed a release's own database from: its snapshot, with the derived search
 * text computed as the seed computes it and each document's text (already checked against
 * the snapshot's SHA-256 by the caller).
 */
export function rowsOf(
  snapshot: Snapshot,
  corpus: { version: string; versionDate: string },
  documentText: (id: string) => string,
): CorpusRows {
  return {
    version: corpus.version,
    versionDate: corpus.versionDate,
    sources: snapshot.sources,
    documents: snapshot.documents.map((d) => ({ ...d, text: documentText(d.id) })),
    places: snapshot.places.map((p) => ({ ...p, searchText: foldFields([p.name, ...p.aliases, p.region, p.country]) })),
    voices: snapshot.voices.map((v) => ({ ...v, searchText: foldFields([v.name, v.occupation, v.cityAsPrinted, v.heritage]) })),
    quotes: snapshot.quotes.map((q) => ({ ...q, searchText: foldText(q.text) })),
    evidence: snapshot.evidence,
  };
}
