import { availableParallelism } from "node:os";
import path from "node:path";
import { isMainThread, Worker } from "node:worker_threads";
import type { Database } from "../db/create-prisma-client";
import type { Prisma } from "../db/generated/client";
import { processState } from "../db/process-state";
import { servedFileOf, type ServedFile } from "../db/served-database";

// The full-text queries of searches run on the machine's other cores. Matching words in a
// million quotes is SQLite's work, synchronous, and about half of a new search's time; on
// the request thread it was time no other request could use. The server sends each query,
// as SQL and values, to a thread with a connection of its own on the same file (the file,
// not the path: a thread that finds the path naming another file, after a reseed, says so,
// and the query runs on the request's own connection, so a reader still sees one corpus).
// The in-memory part of a search stays on the request thread, where the index is.
//
// Only the server's request thread does this, and only for served connections: the seed,
// the CLI, export workers and release databases query as before.

const THREADS = Math.max(1, availableParallelism() - 1);
// A query's answer is one JSON string of rowids (a few MB for a word in every third quote of a
// million): a small heap, collected often, is all a thread needs. One that outgrew it would
// die and hand its queries back to the request thread (see spawnThread).
const THREAD_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

/**
 * Columns of a one-row query that hold JSON arrays of numbers (json_group_array), and the typed
 * array each becomes. The thread parses them, so a word's hundreds of thousands of rowids cost
 * the request thread neither the parse nor the garbage, and hands over the arrays' memory.
 */
export type NumberColumns = Record<string, "int32" | "float64">;
export type NumberArrays<C extends NumberColumns> = { [K in keyof C]: C[K] extends "int32" ? Int32Array : Float64Array };

type Answer = { id: number; rows?: unknown[]; stale?: true; error?: string };
type Job = { resolve(rows: unknown[] | null): void; reject(error: Error): void };
type Thread = { worker: Worker; jobs: Map<number, Job> };
type Pool = { threads: Thread[]; nextId: number; onThreads: number; onRequestThread: number };

const pool = processState<Pool>("text-query-pool", () => ({ threads: [], nextId: 1, onThreads: 0, onRequestThread: 0 }));

/** How many query threads run, and how many queries each side has answered (for tests and the benchmark). */
export function describeTextQueryPool() {
  return { threads: pool.threads.length, onThreads: pool.onThreads, onRequestThread: pool.onRequestThread };
}

// built at run time so that the bundler neither follows nor copies it (as export-pool.ts does)
const workerFile = () => path.join(/* turbopackIgnore: true */ process.cwd(), ["lib", "search", "text-query-worker.mjs"].join(path.sep));

function spawnThread(): Thread {
  const thread: Thread = {
    worker: new Worker(/* turbopackIgnore: true */ workerFile(), { resourceLimits: THREAD_LIMITS }),
    jobs: new Map(),
  };
  thread.worker.unref();
  thread.worker.on("message", (answer: Answer) => {
    const job = thread.jobs.get(answer.id);
    if (!job) return;
    thread.jobs.delete(answer.id);
    if (answer.error !== undefined) job.reject(new Error(answer.error));
    else job.resolve(answer.stale ? null : answer.rows!);
  });
  // a thread that dies hands its queries back: they run on the request thread
  const fail = () => {
    pool.threads = pool.threads.filter((t) => t !== thread);
    for (const job of thread.jobs.values()) job.resolve(null);
    thread.jobs.clear();
  };
  thread.worker.on("error", (error) => console.error("A full-text query thread failed:", error));
  thread.worker.on("exit", fail);
  pool.threads.push(thread);
  return thread;
}

/** The thread with the fewest queries waiting, a new one while there are fewer than THREADS. */
function leastBusy(): Thread {
  if (pool.threads.length < THREADS) return spawnThread();
  return pool.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
}

function runOnThread(file: ServedFile, query: Prisma.Sql, numbers?: NumberColumns): Promise<unknown[] | null> {
  const thread = leastBusy();
  const id = pool.nextId++;
  return new Promise((resolve, reject) => {
    thread.jobs.set(id, { resolve, reject });
    thread.worker.postMessage({ id, path: file.path, inode: file.inode, sql: query.sql, values: query.values, numbers });
  });
}

/** The rows of a read-only query: on a query thread for the server's served connection, on `db` itself otherwise. */
async function query<T>(db: Database, sql: Prisma.Sql, numbers?: NumberColumns): Promise<{ rows: T[]; onThread: boolean }> {
  const file = isMainThread ? servedFileOf(db) : undefined;
  // null: no thread for this connection, or the thread found the file replaced (the request's connection still has it)
  const rows = file ? await runOnThread(file, sql, numbers) : null;
  if (rows) {
    pool.onThreads++;
    return { rows: rows as T[], onThread: true };
  }
  pool.onRequestThread++;
  return { rows: await db.$queryRaw<T[]>(sql), onThread: false };
}

/**
 * The rows of a read-only query, run on a query thread when `db` is the server's served
 * connection (on `db` itself otherwise, or when the thread finds the file replaced).
 */
export async function queryText<T>(db: Database, sql: Prisma.Sql): Promise<T[]> {
  return (await query<T>(db, sql)).rows;
}

/**
 * A one-row query's JSON arrays of numbers as typed arrays (see NumberColumns), parsed on the
 * query thread when there is one, as queryText runs it.
 */
export async function queryNumbers<C extends NumberColumns>(db: Database, sql: Prisma.Sql, columns: C): Promise<NumberArrays<C>> {
  const { rows, onThread } = await query<Record<string, string | Int32Array | Float64Array>>(db, sql, columns);
  if (onThread) return rows[0] as NumberArrays<C>;
  const row = rows[0]!;
  const arrays: Record<string, Int32Array | Float64Array> = {};
  for (const [name, type] of Object.entries(columns))
    arrays[name] = (type === "int32" ? Int32Array : Float64Array).from(JSON.parse(row[name] as string) as number[]);
  return arrays as NumberArrays<C>;
}
