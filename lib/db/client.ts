import "server-only";
import { after } from "next/server";
import { cache } from "react";
import type { Database } from "./create-prisma-client";
import { leaseServedDatabase } from "./served-database";
import { takeTurn } from "./take-turn";

/**
 * The database to serve this request from, once the request's turn comes (see take-turn.ts):
 * every page and API route reads through here, so none of them starves new connections.
 * Within one page render it is asked once (React's cache): a page's loaders share one
 * connection and one turn. The request holds its connection, and so its corpus, until its
 * response is finished, however long that takes and whatever reseeds happen meanwhile
 * (see served-database.ts); the next request after a reseed reads the new file.
 */
export const getDb = cache(async function getDb(): Promise<Database> {
  await takeTurn();
  const lease = await leaseServedDatabase();
  try {
    after(() => lease.release());
  } catch (error) {
    lease.release(); // not in a request: nothing would ever give it back
    throw error;
  }
  return lease.db;
});
