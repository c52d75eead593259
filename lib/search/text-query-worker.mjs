// The entry point of a full-text query thread (see text-query-pool.ts). Plain JavaScript
// with better-sqlite3 alone: it runs the SQL it is sent on the file it is named, and nothing
// else, so it needs neither tsx nor Prisma.
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import Database from "better-sqlite3";

const KEEP_STATEMENTS = 50;
// a replaced file stays on disk while a connection holds it: connections idle this long are closed
const CLOSE_IDLE_AFTER_MS = 30_000;
/** Open files by path: the newest inode asked for at that path, { inode, db, statements }. */
const files = new Map();
let idleTimer;

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
 * connection, which is still on that file. One connection per path, on its newest file.
 */
function connectionFor(path, inode) {
  const known = files.get(path);
  if (known?.inode === inode) return known;
  if (inodeAt(path) !== inode) return null; // an older file (or none): the request's own connection has it
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // the path named the same file just before and just after the open: that is the file opened
  if (inodeAt(path) !== inode) {
    db.close();
    return null;
  }
  // the file this one replaced is let go: its last readers' queries run on their own connections
  known?.db.close();
  const opened = { inode, db, statements: new Map() };
  files.set(path, opened);
  return opened;
}

function closeAll() {
  for (const { db } of files.values()) db.close();
  files.clear();
}

/** A one-row answer's JSON arrays of numbers as typed arrays (text-query-pool.ts, queryNumbers), and their buffers to hand over. */
function parseNumbers(row, numbers) {
  const arrays = {};
  for (const [name, type] of Object.entries(numbers))
    arrays[name] = (type === "int32" ? Int32Array : Float64Array).from(JSON.parse(row[name]));
  return { rows: [arrays], transfer: Object.values(arrays).map((array) => array.buffer) };
}

parentPort.on("message", ({ id, path, inode, sql, values, numbers }) => {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(closeAll, CLOSE_IDLE_AFTER_MS);
  idleTimer.unref();
  try {
    const connection = connectionFor(path, inode);
    if (!connection) return parentPort.postMessage({ id, stale: true });
    let statement = connection.statements.get(sql);
    if (!statement) {
      if (connection.statements.size >= KEEP_STATEMENTS) connection.statements.clear();
      statement = connection.db.prepare(sql);
      connection.statements.set(sql, statement);
    }
    const rows = statement.all(...values);
    if (!numbers) return parentPort.postMessage({ id, rows });
    const parsed = parseNumbers(rows[0], numbers);
    parentPort.postMessage({ id, rows: parsed.rows }, parsed.transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
