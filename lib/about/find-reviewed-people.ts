import "server-only";
import path from "node:path";
import { loadCorpus } from "../corpus/load-corpus";

export type ReviewedSource = {
  slug: string;
  title: string;
  publisher: string;
  /** People the annotators reviewed and left out, with why: not in the database, only in the files. */
  excluded: { who: string; why: string }[];
};

/**
 * The people each source's annotators reviewed and left out, read from the corpus files
 * (data/sources/*.yaml, `excluded`), with the version of those files: the page compares it
 * with the database's, in case the server was seeded from another folder.
 */
export async function findReviewedPeople(
  dataDir = path.join(process.cwd(), "data"),
): Promise<{ version: string; sources: ReviewedSource[] }> {
  const corpus = await loadCorpus(dataDir);
  return {
    version: corpus.version,
    sources: corpus.sources.map(({ data }) => ({ slug: data.slug, title: data.title, publisher: data.publisher, excluded: data.excluded })),
  };
}
