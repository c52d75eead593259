import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, makeTempDir } from "./paths";

/** A copy of the real data folder that a test may damage. */
export function copyCorpus(): string {
  const dir = path.join(makeTempDir("corpus"), "data");
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces `from` with `to` in one file of a corpus copy; fails if `from` is absent. */
export function editCorpusFile(dataDir: string, file: string, from: string, to: string): void {
  const full = path.join(dataDir, file);
  const text = readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not found in ${file}`);
  writeFileSync(full, text.replace(from, to));
}
