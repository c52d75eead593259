/** One thing wrong with the corpus, located as precisely as we can. */
export type CorpusProblem = {
  /** Path relative to the data folder, e.g. sources/opendemocracy-kazakhstan-divided.yaml */
  file: string;
  /** Where in the file: voice, quote or field. */
  where?: string;
  message: string;
};

function formatProblem(p: CorpusProblem, dataDir = "data"): string {
  return `${dataDir}/${p.file}${p.where ? ` › ${p.where}` : ""}: ${p.message}`;
}

/** Thrown when the corpus cannot be loaded; lists every problem found, not just the first. */
export class CorpusError extends Error {
  /** `dataDir` is how the data folder is named in messages (relative to the working directory). */
  constructor(
    readonly problems: CorpusProblem[],
    dataDir = "data",
  ) {
    const shown = problems.slice(0, 50).map((p) => `  - ${formatProblem(p, dataDir)}`);
    const more = problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [];
    super([`The corpus has ${problems.length} problem(s):`, ...shown, ...more].join("\n"));
    this.name = "CorpusError";
  }
}
