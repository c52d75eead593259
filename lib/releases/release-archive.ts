import { readFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import type { Database } from "../db/create-prisma-client";
import { citeCorpus } from "../meta/get-corpus-info";
import { CORPUS_LICENCE, CORPUS_RIGHTS_NOTE } from "../meta/corpus-licence";
import type { Permalinks } from "../meta/permalinks";
import type { ReleaseSummary } from "./find-releases";

// A release as one download: a Frictionless Data Package (datapackage.json describing a CSV
// file per table, with field types, keys, licence, version and how to cite), the release's
// SQLite database, and the documents' texts the quotes were verified against.

type FieldType = "string" | "integer" | "number" | "boolean" | "date";
type Field = { name: string; type: FieldType; description: string; required?: boolean };
type Table<Row> = {
  name: string;
  title: string;
  description: string;
  primaryKey: string[];
  foreignKeys: { fields: string; reference: { resource: string; fields: string } }[];
  fields: (Field & { value(row: Row): string | number | boolean | null })[];
};

const list = (values: unknown) => (values as string[]).join("; ");

async function readTables(db: Database) {
  const [sources, documents, places, voices, quotes, evidence] = await Promise.all([
    db.source.findMany({ orderBy: { position: "asc" } }),
    db.document.findMany({ orderBy: { id: "asc" } }),
    db.place.findMany({ orderBy: { slug: "asc" } }),
    db.voice.findMany({ orderBy: [{ sourceSlug: "asc" }, { position: "asc" }] }),
    db.quote.findMany({ orderBy: [{ voiceSlug: "asc" }, { position: "asc" }] }),
    db.evidence.findMany({ orderBy: [{ voiceSlug: "asc" }, { attribute: "asc" }] }),
  ]);
  return { sources, documents, places, voices, quotes, evidence };
}
type Tables = Awaited<ReturnType<typeof readTables>>;

const TABLES: { [K in keyof Tables]: Table<Tables[K][number]> } = {
  sources: {
    name: "sources",
    title: "Sources",
    description: "The articles and blog posts the voices are quoted in.",
    primaryKey: ["slug"],
    foreignKeys: [],
    fields: [
      { name: "slug", type: "string", required: true, description: "Permalink id: /sources/<slug>", value: (r) => r.slug },
      { name: "type", type: "string", required: true, description: "article or blog-post", value: (r) => r.type },
      { name: "title", type: "string", required: true, description: "Title as printed", value: (r) => r.title },
      { name: "publisher", type: "string", required: true, description: "Publisher", value: (r) => r.publisher },
      {
        name: "authors",
        type: "string",
        description: "Authors as printed, in byline order, separated by '; '",
        value: (r) => list(r.authors),
      },
      {
        name: "published_at",
        type: "date",
        description: "Publication date as printed; empty when no copy prints it",
        value: (r) => r.publishedAt,
      },
      { name: "url", type: "string", description: "Canonical URL, where a copy prints it", value: (r) => r.url },
    ],
  },
  documents: {
    name: "documents",
    title: "Documents",
    description: "The copies of each source that quotes are verified against; their texts are in documents/<id>.txt.",
    primaryKey: ["id"],
    foreignKeys: [{ fields: "source_slug", reference: { resource: "sources", fields: "slug" } }],
    fields: [
      { name: "id", type: "string", required: true, description: "File name in documents/, without .txt", value: (r) => r.id },
      { name: "source_slug", type: "string", required: true, description: "The source this is a copy of", value: (r) => r.sourceSlug },
      { name: "publisher", type: "string", description: "Who published this copy", value: (r) => r.publisher },
      { name: "published_at", type: "date", description: "This copy's date, where printed", value: (r) => r.publishedAt },
      {
        name: "is_primary",
        type: "boolean",
        required: true,
        description: "Quotes are located in this copy unless they name another",
        value: (r) => r.isPrimary,
      },
      { name: "sha256", type: "string", required: true, description: "SHA-256 of the text file", value: (r) => r.sha256 },
    ],
  },
  places: {
    name: "places",
    title: "Places",
    description: "The gazetteer of places voices are from.",
    primaryKey: ["slug"],
    foreignKeys: [],
    fields: [
      { name: "slug", type: "string", required: true, description: "Place id", value: (r) => r.slug },
      { name: "name", type: "string", required: true, description: "Official name", value: (r) => r.name },
      { name: "region", type: "string", required: true, description: "Region", value: (r) => r.region },
      { name: "country", type: "string", required: true, description: "Country", value: (r) => r.country },
      { name: "latitude", type: "number", required: true, description: "Latitude, WGS 84", value: (r) => r.latitude },
      { name: "longitude", type: "number", required: true, description: "Longitude, WGS 84", value: (r) => r.longitude },
      { name: "aliases", type: "string", description: "Other spellings, separated by '; '", value: (r) => list(r.aliases) },
    ],
  },
  voices: {
    name: "voices",
    title: "Voices",
    description: "Every person quoted, with the facts the source states and the editors' judgement of their stance on the war.",
    primaryKey: ["slug"],
    foreignKeys: [
      { fields: "source_slug", reference: { resource: "sources", fields: "slug" } },
      { fields: "place_slug", reference: { resource: "places", fields: "slug" } },
    ],
    fields: [
      { name: "slug", type: "string", required: true, description: "Permalink id: /voices/<slug>", value: (r) => r.slug },
      {
        name: "name",
        type: "string",
        required: true,
        description: "Name as printed, or how the source describes an unnamed person",
        value: (r) => r.name,
      },
      { name: "is_named", type: "boolean", required: true, description: "Whether the source names the person", value: (r) => r.isNamed },
      { name: "age", type: "integer", description: "Age as stated", value: (r) => r.age },
      { name: "age_as_of", type: "date", description: "Date the age was true, when the source is dated", value: (r) => r.ageAsOf },
      { name: "city_as_printed", type: "string", description: "City as the source prints it", value: (r) => r.cityAsPrinted },
      { name: "place_slug", type: "string", description: "The place that city is", value: (r) => r.placeSlug },
      { name: "occupation", type: "string", description: "Occupation as stated", value: (r) => r.occupation },
      { name: "heritage", type: "string", description: "Ethnicity, heritage or nationality, only as stated", value: (r) => r.heritage },
      {
        name: "role",
        type: "string",
        required: true,
        description: "citizen, activist, fighter, official, politician, analyst or journalist",
        value: (r) => r.role,
      },
      {
        name: "stance",
        type: "string",
        required: true,
        description: "pro_russia, pro_ukraine, neutral or unclear",
        value: (r) => r.stance,
      },
      {
        name: "stance_rationale",
        type: "string",
        required: true,
        description: "The words the stance rests on",
        value: (r) => r.stanceRationale,
      },
      { name: "source_slug", type: "string", required: true, description: "The source that quotes them", value: (r) => r.sourceSlug },
    ],
  },
  quotes: {
    name: "quotes",
    title: "Quotes",
    description:
      "Each person's words as printed: direct quotations, and paraphrases (the reporter's words, never to be presented as the speaker's).",
    primaryKey: ["id"],
    foreignKeys: [
      { fields: "voice_slug", reference: { resource: "voices", fields: "slug" } },
      { fields: "document_id", reference: { resource: "documents", fields: "id" } },
    ],
    fields: [
      { name: "id", type: "string", required: true, description: "Permalink id: /voices/<voice>#quote-<id>", value: (r) => r.id },
      { name: "voice_slug", type: "string", required: true, description: "Who is quoted", value: (r) => r.voiceSlug },
      {
        name: "kind",
        type: "string",
        required: true,
        description: "direct (a quotation) or paraphrase (the reporter's words)",
        value: (r) => r.kind,
      },
      { name: "text", type: "string", required: true, description: "The exact words, as printed", value: (r) => r.text },
      { name: "document_id", type: "string", required: true, description: "The document they are printed in", value: (r) => r.documentId },
      {
        name: "start",
        type: "integer",
        required: true,
        description: "Offset of the words in the document text (UTF-16 code units)",
        value: (r) => r.start,
      },
      { name: "end", type: "integer", required: true, description: "End offset in the document text", value: (r) => r.end },
      { name: "context", type: "string", required: true, description: "The paragraph around the words", value: (r) => r.context },
    ],
  },
  evidence: {
    name: "evidence",
    title: "Evidence",
    description: "For each stated fact about a voice, the words of the document that state it.",
    primaryKey: ["voice_slug", "attribute"],
    foreignKeys: [
      { fields: "voice_slug", reference: { resource: "voices", fields: "slug" } },
      { fields: "document_id", reference: { resource: "documents", fields: "id" } },
    ],
    fields: [
      { name: "voice_slug", type: "string", required: true, description: "Whose fact", value: (r) => r.voiceSlug },
      { name: "attribute", type: "string", required: true, description: "age, city, occupation or heritage", value: (r) => r.attribute },
      { name: "text", type: "string", required: true, description: "The words that state it", value: (r) => r.text },
      { name: "document_id", type: "string", required: true, description: "The document they are printed in", value: (r) => r.documentId },
      { name: "start", type: "integer", required: true, description: "Offset in the document text", value: (r) => r.start },
      { name: "end", type: "integer", required: true, description: "End offset in the document text", value: (r) => r.end },
    ],
  },
};

function toCsv<Row>(table: Table<Row>, rows: Row[]): string {
  const cell = (v: string | number | boolean | null) => (v === null ? "" : typeof v === "boolean" ? (v ? "true" : "false") : v);
  return stringify([table.fields.map((f) => f.name), ...rows.map((row) => table.fields.map((f) => cell(f.value(row))))], { eof: true });
}

function describeTable<Row>(table: Table<Row>) {
  return {
    name: table.name,
    title: table.title,
    description: table.description,
    path: `data/${table.name}.csv`,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { delimiter: ",", doubleQuote: true, header: true },
    schema: {
      fields: table.fields.map(({ name, type, description, required }) => ({
        name,
        type,
        description,
        ...(required ? { constraints: { required: true } } : {}),
      })),
      missingValues: [""],
      primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : table.primaryKey,
      ...(table.foreignKeys.length ? { foreignKeys: table.foreignKeys } : {}),
    },
  };
}

/** The name the archive downloads as, and the folder inside it. */
export function releaseArchiveName(version: string): string {
  return `voices-${version}`;
}

/**
 * The release as a zip archive: datapackage.json, data/<table>.csv, the release's SQLite
 * database and documents/<id>.txt, all in one folder named for the release.
 */
export async function buildReleaseArchive(
  db: Database,
  databaseFile: string,
  release: ReleaseSummary,
  permalinks: Permalinks,
): Promise<Uint8Array> {
  const tables = await readTables(db);
  const folder = releaseArchiveName(release.version);
  const cite = citeCorpus({ version: release.version, versionDate: release.date }, permalinks);
  const descriptor = {
    profile: "data-package",
    name: "voices",
    id: permalinks.corpus,
    title: "Voices: people quoted in news reporting on how Kazakhstan views Russia’s war in Ukraine",
    description: `Release ${release.version} of the Voices corpus (${release.date}). ${release.notes}\n\nHow to cite: ${cite}\n\n${CORPUS_RIGHTS_NOTE}`,
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    homepage: permalinks.base,
    licenses: [CORPUS_LICENCE],
    citation: cite,
    checksum: release.checksum,
    sources: tables.sources.map((s) => ({ title: `${s.publisher}: ${s.title}`, ...(s.url ? { path: s.url } : {}) })),
    resources: [
      describeTable(TABLES.sources),
      describeTable(TABLES.documents),
      describeTable(TABLES.places),
      describeTable(TABLES.voices),
      describeTable(TABLES.quotes),
      describeTable(TABLES.evidence),
      {
        name: "database",
        title: "SQLite database",
        description: "The same release as the database Voices serves it from (tables Source, Document, Place, Voice, Quote, Evidence).",
        path: `${folder}.db`,
        format: "sqlite",
        mediatype: "application/vnd.sqlite3",
      },
      {
        name: "document-texts",
        title: "Document texts",
        description:
          "The texts every quote and evidence span was verified against, one file per document; offsets count UTF-16 code units.",
        path: tables.documents.map((d) => `documents/${d.id}.txt`),
        format: "txt",
        mediatype: "text/plain",
        encoding: "utf-8",
      },
    ],
  };
  const files: Record<string, Uint8Array> = {
    [`${folder}/datapackage.json`]: strToU8(`${JSON.stringify(descriptor, null, 2)}\n`),
    [`${folder}/data/sources.csv`]: strToU8(toCsv(TABLES.sources, tables.sources)),
    [`${folder}/data/documents.csv`]: strToU8(toCsv(TABLES.documents, tables.documents)),
    [`${folder}/data/places.csv`]: strToU8(toCsv(TABLES.places, tables.places)),
    [`${folder}/data/voices.csv`]: strToU8(toCsv(TABLES.voices, tables.voices)),
    [`${folder}/data/quotes.csv`]: strToU8(toCsv(TABLES.quotes, tables.quotes)),
    [`${folder}/data/evidence.csv`]: strToU8(toCsv(TABLES.evidence, tables.evidence)),
    [`${folder}/${folder}.db`]: new Uint8Array(await readFile(databaseFile)),
    ...Object.fromEntries(tables.documents.map((d) => [`${folder}/documents/${d.id}.txt`, strToU8(d.text)])),
  };
  // a fixed time for every entry: the same release always zips to the same bytes
  return zipSync(files, { level: 6, mtime: new Date(`${release.date}T00:00:00Z`) });
}
