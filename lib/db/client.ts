import "server-only";
import { statSync } from "node:fs";
import { cache } from "react";
import { VoicesError } from "../errors";
import { createPrismaClient, type Database } from "./create-prisma-client";
import { getDatabasePath } from "./database-path";
import { processState } from "./process-state";
import { takeTurn } from "./take-turn";

// The web app reads the database and never writes it: only the seed does, and the seed
// replaces the whole file with an atomic rename. A connection keeps reading the file it
// opened, so after a reseed the next request opens the new file; the old connection is
// closed once any query still running on it has long finished. Readers therefore see
// either the old corpus or the new one, never an error or half of one.

type Served = { current?: { client: Database; inode: number; checkedAt: number } };

const CHECK_EVERY_MS = 250;
const RETIRE_AFTER_MS = 30_000;
// once per process (see process-state.ts), and so that development reloads do not open a connection per edit
const state = processState<Served>("served-database", () => ({}));

/**
 * The database to serve this request from, once the request's turn comes (see take-turn.ts):
 * every page and API route reads through here, so none of them starves new connections.
 * Within one page render it is asked once (React's cache): a page's loaders share one
 * connection and one turn.
 */
export const getDb = cache(async function getDb(): Promise<Database> {
  await takeTurn();
  const now = Date.now();
  const current = state.current;
  if (current && now - current.checkedAt < CHECK_EVERY_MS) return current.client;

  const dbPath = getDatabasePath();
  let inode: number;
  try {
    inode = statSync(dbPath).ino;
  } catch {
    if (current) return current.client; // mid-swap or removed: keep serving what we have
    throw new VoicesError("no_database", `No database at ${dbPath}. Run "npm run db:seed" first.`);
  }
  if (current && current.inode === inode) {
    current.checkedAt = now;
    return current.client;
  }
  const client = createPrismaClient(dbPath, { readonly: true });
  state.current = { client, inode, checkedAt: now };
  if (current) setTimeout(() => void current.client.$disconnect(), RETIRE_AFTER_MS).unref();
  return client;
});
