import { mkdtempSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(PROJECT_ROOT, "data");
const TMP_ROOT = path.join(PROJECT_ROOT, ".tmp");

/** A fresh folder under .tmp/ for one test's files (git-ignored, left for inspection). */
export function makeTempDir(label: string): string {
  return mkdtempSync(path.join(TMP_ROOT, `${label}-`));
}
