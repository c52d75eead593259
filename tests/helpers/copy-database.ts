import { copyFileSync, cpSync, existsSync } from "node:fs";
import { releaseDatabasesDir } from "../../lib/releases/plan-releases";

/** Copies a seeded database to `to`, with the release databases it names (releases/ beside it). */
export function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(releaseDatabasesDir(from))) cpSync(releaseDatabasesDir(from), releaseDatabasesDir(to), { recursive: true });
}
