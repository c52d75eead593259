import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import { z } from "zod";
import { corpusError, type CorpusProblem } from "../corpus/corpus-error";
import { checksumOf, SnapshotSchema, type Snapshot } from "./corpus-snapshot";

// A release is an immutable, numbered snapshot of the corpus: data/releases/<version>.json,
// written once by `npm run corpus:release` and committed with the data. Its checksum is
// recorded in the file; the seed refuses a file whose content no longer matches it, so an
// edit to a published release cannot pass unnoticed. Corrections go into a new release.

const RELEASES_DIR = "releases";
/** The largest release file the seed reads (the real corpus's is about 0.2 MB). */
const MAX_RELEASE_BYTES = 64 * 1024 * 1024;
export const RELEASE_NOTES_MAX_LENGTH = 4000;

export const VersionSchema = z
  .string()
  .max(64, { error: "a version is at most 64 characters" })
  .refine((v) => semver.valid(v) === v && !v.includes("+"), {
    error: "a version is a semantic version: three numbers joined by dots, e.g. 1.1.0",
  });

const IsoDateSchema = z.iso.date({ error: "a date is YYYY-MM-DD" });

const ReleaseFileSchema = z.strictObject({
  version: VersionSchema,
  date: IsoDateSchema,
  notes: z.string().trim().min(1, { error: "notes say what the release changed" }).max(RELEASE_NOTES_MAX_LENGTH),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, { error: "checksum is sha256:<64 hex digits>" }),
  corpus: SnapshotSchema,
});

export type ReleaseFile = z.infer<typeof ReleaseFileSchema>;

/** The path of a release's file inside the data folder, as messages name it. */
export function releaseFileName(version: string): string {
  return `${RELEASES_DIR}/${version}.json`;
}

async function readReleaseFile(dataDir: string, name: string, problems: CorpusProblem[]): Promise<ReleaseFile | null> {
  const file = `${RELEASES_DIR}/${name}`;
  const full = path.join(dataDir, file);
  if ((await stat(full)).size > MAX_RELEASE_BYTES) {
    problems.push({ file, message: `is larger than the ${MAX_RELEASE_BYTES / 1024 / 1024} MB a release file may be` });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(full, "utf8"));
  } catch (error) {
    problems.push({ file, message: `is not valid JSON: ${(error as Error).message}` });
    return null;
  }
  const parsed = ReleaseFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      problems.push({ file, where: issue.path.join(".") || undefined, message: issue.message });
    }
    return null;
  }
  const release = parsed.data;
  if (name !== `${release.version}.json`) {
    problems.push({ file, where: "version", message: `holds release ${release.version}, so it must be named ${release.version}.json` });
    return null;
  }
  const actual = checksumOf(release.corpus);
  if (actual !== release.checksum) {
    problems.push({
      file,
      where: "checksum",
      message:
        `its content no longer matches the checksum recorded when it was released (${release.checksum}; it is now ${actual}). ` +
        "A release is never edited: restore the file from version control, and publish corrections as a new release",
    });
    return null;
  }
  return release;
}

/**
 * Every release in `dataDir`/releases, validated and in version order. Throws a corpus
 * error naming each bad file: invalid JSON or shape, a name that is not its version, a
 * checksum that no longer matches, or dates that go backwards.
 */
export async function readReleases(dataDir: string): Promise<ReleaseFile[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(dataDir, RELEASES_DIR))).filter((n) => n.endsWith(".json")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const problems: CorpusProblem[] = [];
  const releases: ReleaseFile[] = [];
  for (const name of names) {
    const release = await readReleaseFile(dataDir, name, problems);
    if (release) releases.push(release);
  }
  releases.sort((a, b) => semver.compare(a.version, b.version));
  for (let i = 1; i < releases.length; i++) {
    if (releases[i]!.date < releases[i - 1]!.date) {
      problems.push({
        file: releaseFileName(releases[i]!.version),
        where: "date",
        message: `${releases[i]!.date} is before the date of release ${releases[i - 1]!.version} (${releases[i - 1]!.date})`,
      });
    }
  }
  if (problems.length) throw corpusError(problems, path.relative(process.cwd(), dataDir) || ".");
  return releases;
}

/** Writes a new release file; never overwrites one (a release, once made, is not edited). */
export async function writeReleaseFile(
  dataDir: string,
  release: { version: string; date: string; notes: string; corpus: Snapshot },
): Promise<ReleaseFile> {
  const file: ReleaseFile = ReleaseFileSchema.parse({ ...release, checksum: checksumOf(release.corpus) });
  await writeFile(path.join(dataDir, releaseFileName(file.version)), `${JSON.stringify(file, null, 2)}\n`, { flag: "wx" });
  return file;
}
