import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(PROJECT_ROOT, "data");
const TMP_ROOT = path.join(PROJECT_ROOT, ".tmp");

// Test folders are left for inspection after a run, and swept once they are a day old.
mkdirSync(TMP_ROOT, { recursive: true });
for (const entry of readdirSync(TMP_ROOT)) {
  const full = path.join(TMP_ROOT, entry);
  if (Date.now() - statSync(full).mtimeMs > 24 * 3600 * 1000) rmSync(full, { recursive: true, force: true });
}

/** A fresh folder under .tmp/ for one test's files (git-ignored). */
export function makeTempDir(label: string): string {
  return mkdtempSync(path.join(TMP_ROOT, `${label}-`));
}

/**
 * A quote's permalink on `base`, as a pattern: pinned to the release the data is
 * (`?version=1.1.0`), or unpinned while data/ holds unreleased changes (docs/releases.md).
 */
export function quotePermalinkPattern(base: string, voice: string, quoteId: string): RegExp {
  return new RegExp(`^${base.replace(/[.]/g, "\\.")}/voices/${voice}(\\?version=\\d+\\.\\d+\\.\\d+)?#quote-${quoteId}$`);
}
