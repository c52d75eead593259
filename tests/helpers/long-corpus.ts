import path from "node:path";
import Database from "better-sqlite3";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { makeTempDir, PROJECT_ROOT } from "./paths";

/** The source of the long corpus that prints about a thousand quotes, as a source of the million-quote benchmark corpus does. */
export const LONG_SOURCE = "synthetic-source-0";

export type LongCorpus = {
  app: RunningApp;
  /** LONG_SOURCE's quotes in reading order, with their speakers. */
  sourceQuotes: { id: string; voiceSlug: string }[];
  /** The voice with the most quotes (about fifteen), and their ids in its order. */
  voice: { slug: string; quotes: string[] };
};

/**
 * The app served on a synthetic corpus whose first source prints about a thousand quotes
 * and whose voices have up to fifteen: long enough to be read in parts and pages.
 */
export async function serveLongCorpus(): Promise<LongCorpus> {
  const dbPath = path.join(makeTempDir("long-pages"), "voices.db");
  await generateSyntheticCorpus(dbPath, { voices: 200, quotes: 2000, sources: 2, seed: 17 });
  const sqlite = new Database(dbPath, { readonly: true });
  const sourceQuotes = sqlite
    .prepare(`SELECT id, voiceSlug FROM "Quote" WHERE documentId = ? ORDER BY start`)
    .all(LONG_SOURCE) as LongCorpus["sourceQuotes"];
  const { slug } = sqlite.prepare(`SELECT voiceSlug AS slug FROM "Quote" GROUP BY voiceSlug ORDER BY count(*) DESC LIMIT 1`).get() as {
    slug: string;
  };
  const ids = sqlite.prepare(`SELECT id FROM "Quote" WHERE voiceSlug = ? ORDER BY position`).all(slug) as { id: string }[];
  sqlite.close();
  return { app: await serveApp(PROJECT_ROOT, dbPath), sourceQuotes, voice: { slug, quotes: ids.map((q) => q.id) } };
}
