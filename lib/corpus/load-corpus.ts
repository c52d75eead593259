import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { corpusError, type CorpusProblem } from "./corpus-error";
import { CorpusFileSchema, PlacesFileSchema, SourceFileSchema, type Place, type SourceFile } from "./schema";

const CORPUS_FILE = "corpus.yaml";
const PLACES_FILE = "places.yaml";
const SOURCES_DIR = "sources";
const DOCUMENTS_DIR = "documents";

type LoadedDocument = { id: string; file: string; text: string; sha256: string };

export type LoadedCorpus = {
  /** The data folder as messages name it: relative to the working directory. */
  dataDirLabel: string;
  places: Place[];
  sources: { file: string; data: SourceFile }[];
  documents: Map<string, LoadedDocument>;
  /** Content hash of every corpus file: changes whenever any annotation or document does. */
  version: string;
  /** The date of this version (data/corpus.yaml), YYYY-MM-DD. */
  versionDate: string;
};

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

/** "voices.3.age.value" → 'voice "olga-kostanai" › age.value' when the voice has a slug. */
function describePath(issuePath: PropertyKey[], data: unknown): string {
  const parts = issuePath.map(String);
  if (parts[0] === "voices" && parts[1] !== undefined) {
    const voice = (data as { voices?: { slug?: unknown }[] }).voices?.[Number(parts[1])];
    const label = typeof voice?.slug === "string" ? `voice "${voice.slug}"` : `voices[${parts[1]}]`;
    const rest = parts.slice(2);
    if (rest[0] === "quotes" && rest[1] !== undefined) {
      return [label, `quotes[${rest[1]}]`, ...rest.slice(2)].join(" › ");
    }
    return [label, rest.join(".")].filter(Boolean).join(" › ");
  }
  return parts.join(".") || "(top level)";
}

function parseYaml<T>(file: string, raw: string, schema: z.ZodType<T>, problems: CorpusProblem[]): T | undefined {
  const doc = YAML.parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, message: `YAML syntax: ${e.message.split("\n")[0]}` });
    return undefined;
  }
  const data: unknown = doc.toJS();
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, where: describePath(issue.path, data), message: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => e.name)
    .sort();
}

/**
 * Reads and validates every file in the data folder: places.yaml, sources/*.yaml and
 * documents/*.txt. Throws a corpus error (VoicesError "invalid_corpus") listing every problem; checks that span files
 * and the verbatim check are verifyCorpus's job.
 */
export async function loadCorpus(dataDir: string): Promise<LoadedCorpus> {
  const problems: CorpusProblem[] = [];
  const hash = createHash("sha256");
  const read = async (relative: string) => {
    const text = await readFile(path.join(dataDir, relative), "utf8");
    hash.update(`${relative}\0${text}\0`);
    return text;
  };

  let versionDate = "";
  try {
    versionDate = parseYaml(CORPUS_FILE, await read(CORPUS_FILE), CorpusFileSchema, problems)?.date ?? "";
  } catch {
    problems.push({ file: CORPUS_FILE, message: "missing: it gives the date of this corpus version (date: YYYY-MM-DD)" });
  }

  let places: Place[] = [];
  try {
    places = parseYaml(PLACES_FILE, await read(PLACES_FILE), PlacesFileSchema, problems) ?? [];
  } catch {
    problems.push({ file: PLACES_FILE, message: "missing: the gazetteer of places is required" });
  }

  const sourceFiles = await listFiles(path.join(dataDir, SOURCES_DIR), ".yaml");
  if (sourceFiles.length === 0) problems.push({ file: SOURCES_DIR, message: "no source files (*.yaml) found" });
  const sources: LoadedCorpus["sources"] = [];
  for (const name of sourceFiles) {
    const file = `${SOURCES_DIR}/${name}`;
    const data = parseYaml(file, await read(file), SourceFileSchema, problems);
    if (data) sources.push({ file, data });
  }

  const documents = new Map<string, LoadedDocument>();
  for (const name of await listFiles(path.join(dataDir, DOCUMENTS_DIR), ".txt")) {
    const file = `${DOCUMENTS_DIR}/${name}`;
    const text = await read(file);
    documents.set(name.slice(0, -".txt".length), { id: name.slice(0, -".txt".length), file, text, sha256: sha256(text) });
  }

  const dataDirLabel = path.relative(process.cwd(), dataDir) || ".";
  if (problems.length > 0) throw corpusError(problems, dataDirLabel);
  return { dataDirLabel, places, sources, documents, version: hash.digest("hex").slice(0, 12), versionDate };
}
