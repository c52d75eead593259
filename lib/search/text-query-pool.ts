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

function runOnThread(file: ServedFile, query: Prisma.Sql): Promise<unknown[] | null> {
  const thread = leastBusy();
  const id = pool.nextId++;
  return new Promise((resolve, reject) => {
    thread.jobs.set(id, { resolve, reject });
    thread.worker.postMessage({ id, path: file.path, inode: file.inode, sql: query.sql, values: query.values });
  });
}

/**
 * The rows of a read-only query, run on a query thread when `db` is the server's served
 * connection (on `db` itself otherwise, or when the thread finds the file replaced).
 */
export async function queryText<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  const file = isMainThread ? servedFileOf(db) : undefined;
  const rows = file ? await runOnThread(file, query) : null;
  if (rows) {
    pool.onThreads++;
    return rows as T[];
  }
  pool.onRequestThread++;
  return db.$queryRaw<T[]>(query);
}
