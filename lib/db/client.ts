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
// either the old corpus or the new one, never an error or half of one. The new file is served
// once its connection is warm (its search index loaded), not before.

type Served = {
  current?: { client: Database; inode: number; checkedAt: number };
  /** A new file's connection, warming up while `current` keeps serving (see setConnectionWarmer). */
  next?: { client: Database; inode: number };
  warm?: (db: Database) => Promise<unknown>;
};

const CHECK_EVERY_MS = 250;
const RETIRE_AFTER_MS = 30_000;
// once per process (see process-state.ts), and so that development reloads do not open a connection per edit
const state = processState<Served>("served-database", () => ({}));

/**
 * What a new connection must do before it serves (load the search index: instrumentation.ts
 * sets it). After a reseed, the old connection keeps serving until the new one is warm, so no
 * request waits behind the load; without a warmer, a new file is served at once.
 */
export function setConnectionWarmer(warm: (db: Database) => Promise<unknown>): void {
  state.warm = warm;
}

function retire(client: Database) {
  setTimeout(() => void client.$disconnect(), RETIRE_AFTER_MS).unref();
}

/** Opens the new file and warms it; it replaces the served connection once warm (or once warming failed). */
function warmReplacement(dbPath: string, inode: number, warm: (db: Database) => Promise<unknown>) {
  if (state.next) retire(state.next.client); // a newer file still: the one warming is never served
  const next = { client: createPrismaClient(dbPath, { readonly: true }), inode };
  state.next = next;
  void warm(next.client)
    .catch((error: unknown) => console.warn(`Warming the new database failed: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      if (state.next !== next) return;
      const old = state.current;
      state.current = { client: next.client, inode, checkedAt: Date.now() };
      state.next = undefined;
      if (old) retire(old.client);
    });
}

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
  if (current && state.warm) {
    // a reseed replaced the file: the old connection serves until the new one is warm
    if (state.next?.inode !== inode) warmReplacement(dbPath, inode, state.warm);
    current.checkedAt = now;
    return current.client;
  }
  const client = createPrismaClient(dbPath, { readonly: true });
  state.current = { client, inode, checkedAt: now };
  if (current) retire(current.client);
  return client;
});
