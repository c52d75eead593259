import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { processState } from "../db/process-state";
import { VoicesError } from "../errors";
import type { FromWorker, ToWorker } from "./export-messages";
import type { ExportRequest } from "./export-request";
import type { ExportOptions } from "./write-export";

// Exports run in worker threads, never on the thread that answers requests: a full export
// is minutes of synchronous SQLite and string building, and on the request thread 20 of
// them made a tiny /api/meta wait 50 s. At most EXPORT_POOL.running exports run at once,
// each in a worker of its own: one fewer than the machine's cores (at least one), so that a
// core is always left to the request thread. Up to EXPORT_POOL.waiting more wait for a
// worker; beyond that a request is refused with 429 and Retry-After. A worker holds one
// batch of one export, and writes the next only when the client has read the last one.

export const EXPORT_POOL = {
  running: Math.max(1, availableParallelism() - 1),
  waiting: 8,
  retryAfterSeconds: 10,
  idleSeconds: 60,
  workerIdleSeconds: 15,
};

// Memory is bounded per worker (docs/decisions/025-server-memory.md): its heap has a
// ceiling, near which V8 collects rather than grows, and an export that truly needed more
// fails alone, with an error, while the server goes on. A worker left idle for
// workerIdleSeconds is stopped, and its memory (about 70 MB before any export) goes with it.
// EXPORT_WORKER_HEAP_MB overrides the old generation's ceiling (for operators and tests).
const WORKER_LIMITS = {
  maxOldGenerationSizeMb: Number(process.env.EXPORT_WORKER_HEAP_MB) || 128,
  maxYoungGenerationSizeMb: 8,
};

type Slot = { worker: Worker; busy: boolean; idle?: NodeJS.Timeout; outOfMemory?: boolean };
type Pool = { slots: Slot[]; waiting: ((slot: Slot) => void)[] };

const pool = processState<Pool>("export-pool", () => ({ slots: [], waiting: [] }));

// The worker is not part of Next's bundle: it loads lib/ itself, from the project folder
// the server runs in (npm scripts run there).
// the path is built at run time so that the bundler neither follows nor copies it
const workerFile = () => path.join(/* turbopackIgnore: true */ process.cwd(), ["lib", "export", "export-worker.mjs"].join(path.sep));

function spawnSlot(): Slot {
  const worker = new Worker(/* turbopackIgnore: true */ workerFile(), { resourceLimits: WORKER_LIMITS });
  worker.unref();
  const slot: Slot = { worker, busy: true };
  worker.on("error", (error: Error & { code?: string }) => {
    if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      slot.outOfMemory = true;
      console.error(`An export worker reached its memory ceiling (${WORKER_LIMITS.maxOldGenerationSizeMb} MB) and was stopped.`);
    } else console.error("An export worker failed:", error);
  });
  worker.on("exit", () => {
    pool.slots = pool.slots.filter((s) => s !== slot);
  });
  pool.slots.push(slot);
  return slot;
}

async function acquireSlot(signal?: AbortSignal): Promise<Slot> {
  const idle = pool.slots.find((s) => !s.busy);
  if (idle) {
    clearTimeout(idle.idle);
    idle.busy = true;
    return idle;
  }
  if (pool.slots.length < EXPORT_POOL.running) return spawnSlot();
  if (pool.waiting.length >= EXPORT_POOL.waiting) {
    const message = `The server is already running ${EXPORT_POOL.running} exports with ${EXPORT_POOL.waiting} waiting; try again in ${EXPORT_POOL.retryAfterSeconds} s.`;
    throw new VoicesError("busy", message, [], EXPORT_POOL.retryAfterSeconds);
  }
  return new Promise((resolve, reject) => {
    const take = (slot: Slot) => {
      signal?.removeEventListener("abort", leave);
      resolve(slot);
    };
    // a client that leaves while waiting gives up its place
    const leave = () => {
      pool.waiting = pool.waiting.filter((w) => w !== take);
      reject(new VoicesError("busy", "The client left while the export was waiting"));
    };
    pool.waiting.push(take);
    signal?.addEventListener("abort", leave, { once: true });
  });
}

function releaseSlot(slot: Slot) {
  const next = pool.waiting.shift();
  if (next && pool.slots.includes(slot)) next(slot);
  else if (next) next(spawnSlot());
  else {
    slot.busy = false;
    // a worker left idle is stopped, and its memory goes with it
    slot.idle = setTimeout(() => {
      if (slot.busy) return;
      pool.slots = pool.slots.filter((s) => s !== slot);
      void slot.worker.terminate();
    }, EXPORT_POOL.workerIdleSeconds * 1000).unref();
  }
}

/** The next message from the worker about `job`, or the worker's death as an error. */
function receive(slot: Slot, job: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.job !== job) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(
        slot.outOfMemory
          ? new VoicesError(
              "out_of_memory",
              `The export needed more memory than one export may use on this server (${WORKER_LIMITS.maxOldGenerationSizeMb} MB); export a narrower selection, or use the export command`,
            )
          : new Error(`The export worker exited with code ${code}`),
      );
    };
    const cleanup = () => {
      slot.worker.off("message", onMessage);
      slot.worker.off("exit", onExit);
    };
    slot.worker.on("message", onMessage);
    slot.worker.on("exit", onExit);
  });
}

let nextJob = 1;

function toError(failed: Extract<FromWorker, { type: "failed" }>): Error {
  const { error } = failed;
  if (error.code !== "internal") return new VoicesError(error.code, error.message, error.issues);
  const internal = new Error(error.message);
  if (error.stack) internal.stack = error.stack;
  return internal;
}

export type ExportStream = {
  filename: string;
  mediaType: string;
  /** The provenance as response headers (see write-export.ts). */
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array>;
};

/**
 * Runs an export in a worker: resolves once it is planned (a bad selection rejects with
 * its VoicesError), then streams its bytes as the client reads them. Rejects with a
 * VoicesError "busy" when too many exports are running and waiting.
 */
export async function runExport(request: ExportRequest, options: ExportOptions = {}, signal?: AbortSignal): Promise<ExportStream> {
  const slot = await acquireSlot(signal);
  const job = nextJob++;
  const send = (message: ToWorker) => slot.worker.postMessage(message);
  // the slot goes back only once the worker has said it is done with this job ("end" or "failed")
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      releaseSlot(slot);
    }
  };
  let first: FromWorker;
  try {
    send({ job, type: "start", request, options });
    first = await receive(slot, job);
  } catch (error) {
    release();
    throw error;
  }
  if (first.type !== "started") {
    release();
    throw first.type === "failed" ? toError(first) : new Error(`An export worker answered "${first.type}" to start`);
  }
  let cancelled = false;
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stop = async (reason?: unknown) => {
    if (cancelled || released) return;
    cancelled = true;
    clearTimeout(idle);
    // cut the response short, so the client sees an error rather than a file that looks whole
    if (reason === undefined) stream?.error(new Error("The export was stopped: its client read nothing for too long or went away"));
    send({ job, type: "cancel" });
    try {
      while ((await receive(slot, job)).type === "chunk"); // a chunk already on its way is dropped
    } catch {
      // the worker died; its slot went with it
    }
    release();
  };
  // A response whose client has gone may never be read nor cancelled (when the client left
  // while the export waited for a worker, Next does neither), and a client that stops
  // reading holds a worker: either way, an export not read for idleSeconds is stopped.
  let idle = setTimeout(() => void stop(), EXPORT_POOL.idleSeconds * 1000).unref();
  signal?.addEventListener("abort", () => void stop(), { once: true });
  if (signal?.aborted) void stop();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream = controller;
      },
      async pull(controller) {
        clearTimeout(idle);
        if (cancelled) return;
        idle = setTimeout(() => void stop(), EXPORT_POOL.idleSeconds * 1000).unref();
        let message: FromWorker;
        try {
          send({ job, type: "pull" });
          message = await receive(slot, job);
        } catch (error) {
          release();
          return controller.error(error);
        }
        if (message.type === "chunk") {
          if (!cancelled) controller.enqueue(message.bytes);
          return;
        }
        clearTimeout(idle);
        release();
        if (cancelled) return;
        if (message.type === "end") controller.close();
        else controller.error(message.type === "failed" ? toError(message) : new Error(`Unexpected "${message.type}"`));
      },
      // the client went away: the worker stops, gives back its database lease, and takes the next export
      cancel: (reason) => stop(reason ?? "cancelled"),
    },
    { highWaterMark: 0 },
  );
  return { filename: first.filename, mediaType: first.mediaType, headers: first.headers, body };
}
