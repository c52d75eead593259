import "server-only";
import { cache } from "react";
import type { Database } from "./create-prisma-client";
import { getServedDatabase } from "./served-database";
import { takeTurn } from "./take-turn";

/**
 * The database to serve this request from, once the request's turn comes (see take-turn.ts):
 * every page and API route reads through here, so none of them starves new connections.
 * Within one page render it is asked once (React's cache): a page's loaders share one
 * connection and one turn. After a reseed it is the new file (see served-database.ts).
 */
export const getDb = cache(async function getDb(): Promise<Database> {
  await takeTurn();
  return getServedDatabase();
});
