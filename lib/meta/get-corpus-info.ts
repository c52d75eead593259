import type { Database } from "../db/create-prisma-client";
import { loadOncePerConnection } from "../db/process-state";
import type { Permalinks } from "./permalinks";

export type CorpusInfo = {
  /** Content hash of the data/ folder the database was seeded from. */
  version: string;
  /** The date of this version (data/corpus.yaml), YYYY-MM-DD: the date citations give, the same on every reseed. */
  versionDate: string;
  /** When this database file was built: not a citation date. */
  seededAt: string;
  counts: { sources: number; voices: number; quotes: number };
};

/** How to cite the corpus as a whole, at its version, on the deployment's address. */
export function citeCorpus(corpus: Pick<CorpusInfo, "version" | "versionDate">, permalinks: Permalinks): string {
  return `Voices: people quoted in news reporting on how Kazakhstan views Russia’s war in Ukraine (corpus version ${corpus.version}, ${corpus.versionDate}). ${permalinks.corpus}`;
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
  return { version, versionDate, seededAt, counts: { sources, voices, quotes } };
}
