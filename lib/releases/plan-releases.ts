import path from "node:path";
import { corpusError, type CorpusProblem } from "../corpus/corpus-error";
import type { LoadedCorpus } from "../corpus/load-corpus";
import type { CorpusRows } from "../corpus/verify-corpus";
import { checksumOf, rowsOf, snapshotOf, type Snapshot } from "./corpus-snapshot";
import { diffSnapshots, type CorpusChange } from "./diff-snapshots";
import { readReleases, releaseFileName, type ReleaseFile } from "./release-files";

// What the seed does with the releases: reads and checks them, decides whether the working
// data in data/ is the latest release or holds unreleased changes, works out what each
// release changed, and prepares each release's rows for a database of its own.

export type PlannedRelease = {
  file: ReleaseFile;
  rows: CorpusRows;
  /** The release database's file name in releases/: version, checksum and schema, so it is never rebuilt differently. */
  databaseFile: string;
  contentHash: string;
  counts: ReleaseCounts;
};

/** How much a release holds, as /changes and /api/releases show it. */
export type ReleaseCounts = { sources: number; voices: number; quotes: number; evidence: number };

/** How the served database describes its corpus: a release, or unreleased changes after one. */
export type CorpusStamp = { version: string; versionDate: string; release: string | null; contentHash: string };

export type ReleasePlan = {
  releases: PlannedRelease[];
  /** What each release changed from the one before (none for the first), and unreleased changes (releaseVersion null). */
  changes: { releaseVersion: string | null; change: CorpusChange }[];
  working: CorpusStamp;
};

/** Where the release databases live: releases/ beside the served database. */
export function releaseDatabasesDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), "releases");
}

/** The version of working data that differs from the latest release (none yet: 0.0.0). */
function unreleasedVersion(latest: string | undefined, contentHash: string): string {
  return `${latest ?? "0.0.0"}+unreleased.${contentHash}`;
}

function countsOf(snapshot: Snapshot): ReleaseCounts {
  const { sources, voices, quotes, evidence } = snapshot;
  return { sources: sources.length, voices: voices.length, quotes: quotes.length, evidence: evidence.length };
}

/** A release's document texts, each checked against the SHA-256 the release recorded. */
function documentTexts(release: ReleaseFile, corpus: LoadedCorpus, problems: CorpusProblem[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const ref of release.corpus.documents) {
    const doc = corpus.documents.get(ref.id);
    if (!doc) {
      problems.push({ file: releaseFileName(release.version), where: `document ${ref.id}`, message: `documents/${ref.id}.txt is missing` });
    } else if (doc.sha256 !== ref.sha256) {
      problems.push({
        file: releaseFileName(release.version),
        where: `document ${ref.id}`,
        message: `documents/${ref.id}.txt has changed since this release (its SHA-256 was ${ref.sha256}); restore it from version control`,
      });
    } else texts.set(ref.id, doc.text);
  }
  return texts;
}

export async function planReleases(dataDir: string, corpus: LoadedCorpus, rows: CorpusRows, schemaKey: string): Promise<ReleasePlan> {
  const files = await readReleases(dataDir);
  const problems: CorpusProblem[] = [];
  const releases = files.map((file): PlannedRelease => {
    const texts = documentTexts(file, corpus, problems);
    const checksumHex = file.checksum.slice("sha256:".length);
    return {
      file,
      rows: rowsOf(file.corpus, { version: file.version, versionDate: file.date }, (id) => texts.get(id) ?? ""),
      databaseFile: `${file.version}-${checksumHex.slice(0, 12)}-${schemaKey}.db`,
      contentHash: checksumHex.slice(0, 12),
      counts: countsOf(file.corpus),
    };
  });
  if (problems.length) throw corpusError(problems, path.relative(process.cwd(), dataDir) || ".");

  const changes: ReleasePlan["changes"] = [];
  for (let i = 1; i < files.length; i++) {
    for (const change of diffSnapshots(files[i - 1]!.corpus, files[i]!.corpus)) changes.push({ releaseVersion: files[i]!.version, change });
  }
  const working = snapshotOf(rows);
  const latest = files.at(-1);
  const released = latest !== undefined && latest.checksum === checksumOf(working);
  if (latest && !released) {
    for (const change of diffSnapshots(latest.corpus, working)) changes.push({ releaseVersion: null, change });
  }
  return {
    releases,
    changes,
    working: released
      ? { version: latest.version, versionDate: latest.date, release: latest.version, contentHash: rows.version }
      : {
          version: unreleasedVersion(latest?.version, rows.version),
          versionDate: rows.versionDate,
          release: null,
          contentHash: rows.version,
        },
  };
}
