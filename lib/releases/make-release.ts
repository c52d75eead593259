import semver from "semver";
import { loadCorpus } from "../corpus/load-corpus";
import { verifyCorpus } from "../corpus/verify-corpus";
import { invalidInput } from "../errors";
import { checksumOf, snapshotOf } from "./corpus-snapshot";
import { diffSnapshots, type CorpusChange } from "./diff-snapshots";
import { readReleases, writeReleaseFile, type ReleaseFile } from "./release-files";

export type MadeRelease = { release: ReleaseFile; previous: string | null; changes: CorpusChange[] };

/**
 * Makes release `version` of the corpus in `dataDir` (validated and verified as the seed
 * does) and writes data/releases/<version>.json. Refuses, naming the flag, a version that
 * exists or is not after the latest release, a date in the future or before the latest
 * release's, and a release that would change nothing.
 */
export async function makeRelease(options: { dataDir: string; version: string; notes: string; date: string }): Promise<MadeRelease> {
  const { version, date } = options;
  const releases = await readReleases(options.dataDir);
  const latest = releases.at(-1);
  if (releases.some((r) => r.version === version)) {
    throw invalidInput([
      { parameter: "version", message: `release ${version} exists already, and a release is never changed: choose a later version` },
    ]);
  }
  if (latest && !semver.gt(version, latest.version)) {
    throw invalidInput([{ parameter: "version", message: `must come after the latest release, ${latest.version}` }]);
  }
  if (date > new Date().toISOString().slice(0, 10)) throw invalidInput([{ parameter: "date", message: `${date} is in the future` }]);
  if (latest && date < latest.date) {
    throw invalidInput([{ parameter: "date", message: `${date} is before the latest release's date (${latest.version}, ${latest.date})` }]);
  }
  const corpus = snapshotOf(verifyCorpus(await loadCorpus(options.dataDir)));
  if (latest && latest.checksum === checksumOf(corpus)) {
    throw invalidInput([{ parameter: "version", message: `the data is exactly release ${latest.version}: there is nothing to release` }]);
  }
  const release = await writeReleaseFile(options.dataDir, { version, date, notes: options.notes, corpus });
  return { release, previous: latest?.version ?? null, changes: latest ? diffSnapshots(latest.corpus, corpus) : [] };
}
