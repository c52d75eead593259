import { stat } from "node:fs/promises";
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
// Two things make that true (docs/decisions/004-build-then-swap-seeding.md, "One corpus per reader"):
//
// - A connection is opened at once, and named by the file it opened. A Prisma client opens
//   its SQLite file lazily, by path, at its first query: a client made when the path named
//   one file could open the next one, and be taken for the old one until its inode was
//   freed and reused by a later copy.
// - Every reader holds a lease, released when it is done (a request: once its response is
//   finished; an export: at its last row). A replaced connection is closed when its last
//   lease is given back, never sooner: a closed Prisma client reconnects on its next query,
//   by path, to the *new* file, so a reader that outlived its connection (an export, or a
//   page slowed down by load) used to finish on the next corpus under the old one's name.

type Connection = { client: Database; path: string; inode: number; leases: number; replaced: boolean; closed: boolean };
type Served = { current?: Connection; checkedAt: number; opening?: Promise<Connection> };

const CHECK_EVERY_MS = 250;
// once per process (or worker thread), and so that development reloads do not open a connection
// per edit; by database path, which in the server never changes (a test may serve several in turn)
const served = processState("served-database", () => new Map<string, Served>());
/** What a new connection does before it serves (see warmNewConnectionsWith). */
const warming = processState<{ warm?: (db: Database) => Promise<void> }>("served-database-warm", () => ({}));

function servedAt(dbPath: string): Served {
  let state = served.get(dbPath);
  if (!state) served.set(dbPath, (state = { checkedAt: 0 }));
  return state;
}

async function inodeAt(dbPath: string): Promise<number | null> {
  try {
    return (await stat(dbPath)).ino;
  } catch {
    return null;
  }
}

function closeIfDone(connection: Connection) {
  if (connection.closed || !connection.replaced || connection.leases > 0) return;
  connection.closed = true;
  void connection.client.$disconnect();
}

/**
 * When the last reader of the current connection is done, and a reseed has replaced its
 * file meanwhile, close it now rather than at the next reader: an export worker may have no
 * next reader for a long time, and an open replaced file keeps its disk space.
 */
async function noticeReplacement(connection: Connection) {
  const state = servedAt(connection.path);
  const inode = await inodeAt(connection.path);
  if (inode === null || inode === connection.inode || state.current !== connection) return;
  // the server: it goes on serving until the new file's connection is ready, which starts now
  if (warming.warm) return void currentConnection().catch(() => undefined);
  state.current = undefined; // the next reader opens the new file
  connection.replaced = true;
  closeIfDone(connection);
}

/**
 * A connection on the file at `dbPath`, opened now: the path names the same file just
 * before and just after the open, so that is the file opened (a reseed in between: again).
 */
async function openConnection(dbPath: string, inode: number): Promise<Connection> {
  for (let expected = inode; ;) {
    const client = createPrismaClient(dbPath, { readonly: true });
    try {
      await client.$connect();
    } catch (error) {
      await client.$disconnect();
      // unless the file was replaced while opening (then: the one there now), the error stands
      const now = await inodeAt(dbPath);
      if (now === null || now === expected) throw error;
      expected = now;
      continue;
    }
    const after = await inodeAt(dbPath);
    if (after === expected) {
      servedFiles.set(client, { path: dbPath, inode: expected });
      return { client, path: dbPath, inode: expected, leases: 0, replaced: false, closed: false };
    }
    await client.$disconnect();
    if (after === null) throw new VoicesError("no_database", `No database at ${dbPath}. Run "npm run db:seed" first.`);
    expected = after;
  }
}

/**
 * A new connection, made ready before it serves anyone: the server loads its search index
 * here (warm-search-index.ts), so that after a reseed no request waits for that.
 */
async function openReadyConnection(dbPath: string, inode: number): Promise<Connection> {
  const connection = await openConnection(dbPath, inode);
  if (warming.warm) {
    try {
      await warming.warm(connection.client);
    } catch (error) {
      // served all the same: what the warm-up would have loaded, the first request loads
      console.warn(`A new database connection was not warmed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return connection;
}

/** Makes `connection` the current one; the one it replaces closes once its last reader is done. */
function makeCurrent(connection: Connection) {
  const state = servedAt(connection.path);
  const previous = state.current;
  state.current = connection;
  state.checkedAt = Date.now();
  if (previous && previous !== connection) {
    previous.replaced = true;
    closeIfDone(previous);
  }
}

/**
 * The connection on the file at the database path now. After a reseed, the new file's
 * connection is opened and warmed while the previous one goes on serving (its readers see the
 * previous corpus, whole, for that moment); the first open is waited for.
 */
async function currentConnection(): Promise<Connection> {
  const dbPath = getDatabasePath();
  const state = servedAt(dbPath);
  const current = state.current;
  if (current && Date.now() - state.checkedAt < CHECK_EVERY_MS) return current;
  if (state.opening) return current ?? state.opening;

  const inode = await inodeAt(dbPath);
  // another reader may have opened it meanwhile
  if (state.current !== current || state.opening) return currentConnection();
  state.checkedAt = Date.now();
  if (inode === null) {
    if (current) return current; // mid-swap or removed: keep serving what we have
    throw new VoicesError("no_database", `No database at ${dbPath}. Run "npm run db:seed" first.`);
  }
  if (current && current.inode === inode) return current;
  const opening = openReadyConnection(dbPath, inode).then((connection) => {
    makeCurrent(connection);
    return connection;
  });
  state.opening = opening;
  void opening.then(
    () => (state.opening = undefined),
    () => (state.opening = undefined),
  );
  if (!current) return opening;
  // the previous connection serves until the new one is ready; a failed open is tried again at the next check
  opening.catch((error: unknown) =>
    console.error(`The reseeded database could not be opened: ${error instanceof Error ? error.message : String(error)}`),
  );
  return current;
}

/** Has every connection opened from now on made ready by `warm` before it serves (see openReadyConnection); undefined: no longer. */
export function warmNewConnectionsWith(warm: ((db: Database) => Promise<void>) | undefined) {
  warming.warm = warm;
}

/** The file a served connection reads: its path, and the inode the path named when it was opened. */
export type ServedFile = { path: string; inode: number };
const servedFiles = processState("served-files", () => new WeakMap<Database, ServedFile>());

/** The file `db` reads, if it is a served connection (not a release's, nor a client made elsewhere). */
export function servedFileOf(db: Database): ServedFile | undefined {
  return servedFiles.get(db);
}

export type Lease = { db: Database; release(): void };

/**
 * The served database for one reader (a request, an export): the connection, and so the
 * corpus, stays the same until `release()`, however many reseeds happen meanwhile. Every
 * lease must be released, or the replaced file stays open.
 */
export async function leaseServedDatabase(): Promise<Lease> {
  let connection = await currentConnection();
  // replaced (and perhaps closed) between being found and being leased: take the new one
  while (connection.replaced) connection = await currentConnection();
  connection.leases++;
  let released = false;
  return {
    db: connection.client,
    release() {
      if (released) return;
      released = true;
      connection.leases--;
      if (connection.leases === 0 && !connection.replaced) void noticeReplacement(connection);
      closeIfDone(connection);
    },
  };
}
