import { statSync } from "node:fs";
import { VoicesError } from "../errors";
import { createPrismaClient, type Database } from "./create-prisma-client";
import { getDatabasePath } from "./database-path";
import { processState } from "./process-state";

// The web app reads the database and never writes it: only the seed does, and the seed
// replaces the whole file with an atomic rename. A connection keeps reading the file it
// opened, so after a reseed the next reader opens the new file while the old connection
// goes on serving the readers that started on it. Readers therefore see either the old
// corpus or the new one, never an error or half of one.
//
// A connection must stay open until its last reader is done: a closed Prisma client
// reconnects on its next query, by path, to the *new* file, so a long export that outlived
// its connection used to finish on the next corpus under the old one's provenance. Long
// readers (an export) hold a lease; the old connection is closed when no lease is left and
// at least GRACE_MS have passed since it was replaced, which covers the short readers (a
// page, an API call) that do not take one.

type Connection = { client: Database; inode: number; leases: number; replacedAt?: number; closed: boolean };
type Served = { current?: Connection; checkedAt: number };

const CHECK_EVERY_MS = 250;
const GRACE_MS = 30_000;
// once per process (or worker thread), and so that development reloads do not open a connection per edit
const state = processState<Served>("served-database", () => ({ checkedAt: 0 }));

function retireIfIdle(connection: Connection) {
  if (connection.closed || connection.leases > 0 || connection.replacedAt === undefined) return;
  if (Date.now() - connection.replacedAt < GRACE_MS) return;
  connection.closed = true;
  void connection.client.$disconnect();
}

/** The connection on the file at the database path now, opening a new one if a reseed replaced it. */
function currentConnection(): Connection {
  const now = Date.now();
  const current = state.current;
  if (current && now - state.checkedAt < CHECK_EVERY_MS) return current;

  const dbPath = getDatabasePath();
  let inode: number;
  try {
    inode = statSync(dbPath).ino;
  } catch {
    if (current) return current; // mid-swap or removed: keep serving what we have
    throw new VoicesError("no_database", `No database at ${dbPath}. Run "npm run db:seed" first.`);
  }
  state.checkedAt = now;
  if (current && current.inode === inode) return current;
  const connection: Connection = { client: createPrismaClient(dbPath, { readonly: true }), inode, leases: 0, closed: false };
  state.current = connection;
  if (current) {
    current.replacedAt = now;
    setTimeout(() => retireIfIdle(current), GRACE_MS).unref();
  }
  return connection;
}

/** The served database for a short reader: one request, answered within seconds. */
export function getServedDatabase(): Database {
  return currentConnection().client;
}

/**
 * The served database for a long reader, such as an export: the connection, and so the
 * corpus, stays the same until `release()`, however many reseeds happen meanwhile.
 */
export function leaseServedDatabase(): { db: Database; release(): void } {
  const connection = currentConnection();
  connection.leases++;
  let released = false;
  return {
    db: connection.client,
    release() {
      if (released) return;
      released = true;
      connection.leases--;
      retireIfIdle(connection);
    },
  };
}
