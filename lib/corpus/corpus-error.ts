import { VoicesError } from "../errors";

/** One thing wrong with the corpus, located as precisely as we can. */
export type CorpusProblem = {
  /** Path relative to the data folder, e.g. sources/opendemocracy-kazakhstan-divided.yaml */
  file: string;
  /** Where in the file: voice, quote or field. */
  where?: string;
  message: string;
};

const SHOWN = 50;

/**
 * The error for a corpus that cannot be loaded: it lists every problem found, not just the
 * first, each as `data/<file> › <where>: <message>`. `dataDir` is how the data folder is
 * named in messages (relative to the working directory).
 */
export function corpusError(problems: CorpusProblem[], dataDir = "data"): VoicesError {
  const issues = problems.map((p) => ({ parameter: `${dataDir}/${p.file}${p.where ? ` › ${p.where}` : ""}`, message: p.message }));
  const shown = issues.slice(0, SHOWN).map((i) => `  - ${i.parameter}: ${i.message}`);
  const more = issues.length > SHOWN ? [`  … and ${issues.length - SHOWN} more`] : [];
  return new VoicesError("invalid_corpus", [`The corpus has ${problems.length} problem(s):`, ...shown, ...more].join("\n"), issues);
}
