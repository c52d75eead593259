import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { corpusError, type CorpusProblem } from "./corpus-error";
import { CorpusFileSchema, PlacesFileSchema, SourceFileSchema, type Place, type SourceFile } from "./schema";

const CORPUS_FILE = "corpus.yaml";
const PLACES_FILE = "places.yaml";
const SOURCES_DIR = "sources";
const DOCUMENTS_DIR = "documents";

/**
 * The largest files the seed reads (documented in docs/corpus-format.md): parsing YAML takes
 * about 40 times a file's size in memory, and a document is held several times over while
 * its quotes are verified, so a 50 MB file used to take 2 to 3 GB.
 */
export const CORPUS_FILE_LIMITS = { yamlBytes: 2 * 1024 * 1024, documentBytes: 8 * 1024 * 1024 };

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
  let data: unknown;
  try {
    // an alias bomb (aliases of aliases, "billion laughs") expands past maxAliasCount and throws
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file, message: `YAML refused: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, where: describePath(issue.path, data), message: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

/** The byte offset of the first byte that is not valid UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const [length, min] =
      b < 0x80
        ? [1, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80]
          : (b & 0xf0) === 0xe0
            ? [3, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [4, 0x10000]
              : [0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    let code = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/**
 * The files named *<extension> in `dir`. A symbolic link is refused, saying so and where it
 * points: the corpus hash, the stored document hashes and the build must all read the
 * same bytes, which a link to a file elsewhere does not promise.
 */
async function listFiles(dir: string, label: string, extension: string, problems: CorpusProblem[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const named = entries.filter((e) => e.name.endsWith(extension));
  for (const e of named.filter((e) => e.isSymbolicLink())) {
    const target = await readlink(path.join(dir, e.name)).catch(() => "?");
    problems.push({
      file: `${label}/${e.name}`,
      message: `is a symbolic link (to ${target}); corpus files must be regular files: copy the file in`,
    });
  }
  return named
    .filter((e) => e.isFile())
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
  /** A file's text, or undefined with the problem recorded: too large, not UTF-8, unreadable. */
  const read = async (relative: string, limit: number): Promise<string | undefined> => {
    const full = path.join(dataDir, relative);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) {
      problems.push({
        file: relative,
        message: `is a symbolic link (to ${await readlink(full)}); corpus files must be regular files: copy the file in`,
      });
      return undefined;
    }
    if (stat.size > limit) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      problems.push({ file: relative, message: `is ${mb(stat.size)}; the limit is ${mb(limit)} (see docs/corpus-format.md)` });
      return undefined;
    }
    const bytes = await readFile(full);
    const bad = findInvalidUtf8(bytes);
    if (bad >= 0) {
      problems.push({
        file: relative,
        message: `is not UTF-8: byte offset ${bad} (0x${bytes[bad]!.toString(16).padStart(2, "0")}) starts an invalid sequence`,
      });
      return undefined;
    }
    const text = bytes.toString("utf8");
    hash.update(`${relative}\0${text}\0`);
    return text;
  };

  let versionDate = "";
  try {
    const raw = await read(CORPUS_FILE, CORPUS_FILE_LIMITS.yamlBytes);
    if (raw !== undefined) versionDate = parseYaml(CORPUS_FILE, raw, CorpusFileSchema, problems)?.date ?? "";
  } catch {
    problems.push({ file: CORPUS_FILE, message: "missing: it gives the date of this corpus version (date: YYYY-MM-DD)" });
  }

  let places: Place[] = [];
  try {
    const raw = await read(PLACES_FILE, CORPUS_FILE_LIMITS.yamlBytes);
    if (raw !== undefined) places = parseYaml(PLACES_FILE, raw, PlacesFileSchema, problems) ?? [];
  } catch {
    problems.push({ file: PLACES_FILE, message: "missing: the gazetteer of places is required" });
  }

  const sourceFiles = await listFiles(path.join(dataDir, SOURCES_DIR), SOURCES_DIR, ".yaml", problems);
  if (sourceFiles.length === 0) problems.push({ file: SOURCES_DIR, message: "no source files (*.yaml) found" });
  const sources: LoadedCorpus["sources"] = [];
  for (const name of sourceFiles) {
    const file = `${SOURCES_DIR}/${name}`;
    const raw = await read(file, CORPUS_FILE_LIMITS.yamlBytes);
    const data = raw === undefined ? undefined : parseYaml(file, raw, SourceFileSchema, problems);
    if (data) sources.push({ file, data });
  }

  const documents = new Map<string, LoadedDocument>();
  for (const name of await listFiles(path.join(dataDir, DOCUMENTS_DIR), DOCUMENTS_DIR, ".txt", problems)) {
    const file = `${DOCUMENTS_DIR}/${name}`;
    const text = await read(file, CORPUS_FILE_LIMITS.documentBytes);
    if (text !== undefined)
      documents.set(name.slice(0, -".txt".length), { id: name.slice(0, -".txt".length), file, text, sha256: sha256(text) });
  }

  const dataDirLabel = path.relative(process.cwd(), dataDir) || ".";
  if (problems.length > 0) throw corpusError(problems, dataDirLabel);
  return { dataDirLabel, places, sources, documents, version: hash.digest("hex").slice(0, 12), versionDate };
}
