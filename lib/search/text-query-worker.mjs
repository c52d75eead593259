// The entry point of a full-text query thread (see text-query-pool.ts). Plain JavaScript
// with better-sqlite3 alone: it runs the SQL it is sent on the file it is named, and nothing
// else, so it needs neither tsx nor Prisma.
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import Database from "better-sqlite3";

// a reseed switches the server from one file to the next: the two may be asked for at once
const KEEP_FILES = 2;
const KEEP_STATEMENTS = 50;
/** Open files by "path inode", most recently used last: { db, statements }. */
const files = new Map();

const inodeAt = (path) => {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
};

/**
 * A connection on the file `path` names while it is `inode`, or null when the path names
 * another file now (a reseed replaced it): the server then runs the query on its own
 * connection, which is still on that file.
 */
function connectionFor(path, inode) {
  const key = `${path} ${inode}`;
  const known = files.get(key);
  if (known) {
    files.delete(key);
    files.set(key, known);
    return known;
  }
  if (inodeAt(path) !== inode) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // the path named the same file just before and just after the open: that is the file opened
  if (inodeAt(path) !== inode) {
    db.close();
    return null;
  }
  const opened = { db, statements: new Map() };
  files.set(key, opened);
  for (const [oldKey, old] of files) {
    if (files.size <= KEEP_FILES) break;
    files.delete(oldKey);
    old.db.close();
  }
  return opened;
}

parentPort.on("message", ({ id, path, inode, sql, values }) => {
  try {
    const connection = connectionFor(path, inode);
    if (!connection) return parentPort.postMessage({ id, stale: true });
    let statement = connection.statements.get(sql);
    if (!statement) {
      if (connection.statements.size >= KEEP_STATEMENTS) connection.statements.clear();
      statement = connection.db.prepare(sql);
      connection.statements.set(sql, statement);
    }
    parentPort.postMessage({ id, rows: statement.all(...values) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
