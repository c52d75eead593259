import type { Database } from "../db/create-prisma-client";
import { loadOncePerConnection } from "../db/process-state";
import type { Permalinks } from "./permalinks";

export type CorpusInfo = {
  /** The release this database holds (1.1.0), or `<latest release>+unreleased.<content hash>` for working data not yet released. */
  version: string;
  /** The date of this version, YYYY-MM-DD: the release's (or data/corpus.yaml's for unreleased data); the date citations give. */
  versionDate: string;
  /** The release whose content this is exactly, or null: unreleased changes, which permalinks cannot pin. */
  release: string | null;
  /** Content hash of the data/ folder the database was seeded from. */
  contentHash: string;
  /** When this database file was built: not a citation date. */
  seededAt: string;
  counts: { sources: number; voices: number; quotes: number };
};

/** Whether a corpus version is working data with changes no release holds yet (see lib/releases/plan-releases.ts). */
export function isUnreleased(version: string): boolean {
  return version.includes("+unreleased.");
}

/** How to cite the corpus as a whole, at its version, on the deployment's address. */
export function citeCorpus(corpus: Pick<CorpusInfo, "version" | "versionDate">, permalinks: Permalinks): string {
  const version = isUnreleased(corpus.version) ? `${corpus.version}, unreleased changes` : corpus.version;
  return `Voices: people quoted in news reporting on how Kazakhstan views Russia’s war in Ukraine (corpus version ${version}, ${corpus.versionDate}). ${permalinks.corpus}`;
}

// Read once per connection: the footer shows it on every page, and counting a million
// quotes each time is not free. A connection's database never changes (a reseed opens a new one).
/** The version and size of the corpus the database holds (GET /api/meta, the site footer, exports). */
export function getCorpusInfo(db: Database): Promise<CorpusInfo> {
  return loadOncePerConnection(db, "corpus-info", () => readCorpusInfo(db));
}

async function readCorpusInfo(db: Database): Promise<CorpusInfo> {
  const [info, sources, voices, quotes] = await Promise.all([
    db.corpusInfo.findUnique({ where: { id: 1 } }),
    db.source.count(),
    db.voice.count(),
    db.quote.count(),
  ]);
  const version = info?.version ?? "unseeded";
  const seededAt = info?.seededAt.toISOString() ?? new Date(0).toISOString();
  const versionDate = info?.versionDate ?? seededAt.slice(0, 10);
  const release = info?.release ?? null;
  return { version, versionDate, release, contentHash: info?.contentHash ?? version, seededAt, counts: { sources, voices, quotes } };
}
