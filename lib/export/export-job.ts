import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { getDatabasePath } from "../db/database-path";
import { leaseServedDatabase, type Lease } from "../db/served-database";
import { openReleaseDatabase } from "../releases/release-database-path";
import { VoicesError } from "../errors";
import type { FromWorker, ToWorker } from "./export-messages";
import { startExport } from "./write-export";

// The worker side of an export (see export-pool.ts): plans and writes one export at a
// time, off the request thread, on a lease of the served database so that the whole
// export reads one corpus however many reseeds happen while it streams.

// An export yields the CPU to the thread that answers requests: on a busy machine the two
// export workers and the request thread otherwise share the cores equally, and every page and
// search waits its third. On Linux a thread has a niceness of its own (setpriority on "0" is
// the calling thread, see setpriority(2), BUGS); elsewhere that call would lower the whole
// server, so it is made on Linux only. Raising one's niceness needs no privilege.
const EXPORT_NICENESS = 10;
if (process.platform === "linux") setPriority(0, EXPORT_NICENESS);

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

type Failure = Extract<FromWorker, { type: "failed" }>["error"];
function describeFailure(error: unknown): Failure {
  if (error instanceof VoicesError) return { code: error.code, message: error.message, issues: error.issues };
  const internal = error instanceof Error ? error : new Error(String(error));
  return { code: "internal", message: internal.message, stack: internal.stack };
}

let current: { id: number; chunks: AsyncGenerator<string>; release(): void } | undefined;
const encoder = new TextEncoder();

/** Ends the current job, if any: stops its generator and gives back its database lease. */
async function finish() {
  const job = current;
  current = undefined;
  if (!job) return;
  try {
    await job.chunks.return(undefined);
  } finally {
    job.release();
  }
}

async function handle(message: ToWorker) {
  const { job: id } = message;
  if (message.type === "start") {
    await finish();
    let lease: Lease | undefined;
    try {
      lease = await leaseServedDatabase();
      // ?version=: the release's own database, found through the served one (it never changes, so needs no lease)
      const db = message.request.version ? await openReleaseDatabase(lease.db, getDatabasePath(), message.request.version) : lease.db;
      const started = await startExport(db, message.request, message.options);
      current = { id, chunks: started.chunks(), release: lease.release };
      send({
        job: id,
        type: "started",
        filename: started.filename,
        mediaType: started.mediaType,
        headers: started.headers,
      });
    } catch (error) {
      lease?.release();
      send({ job: id, type: "failed", error: describeFailure(error) });
    }
  } else if (message.type === "pull") {
    const job = current;
    if (job?.id !== id) return send({ job: id, type: "end" });
    try {
      const next = await job.chunks.next();
      if (next.done) {
        await finish();
        send({ job: id, type: "end" });
      } else {
        const bytes = encoder.encode(next.value);
        send({ job: id, type: "chunk", bytes }, [bytes.buffer as ArrayBuffer]);
      }
    } catch (error) {
      await finish();
      send({ job: id, type: "failed", error: describeFailure(error) });
    }
  } else {
    if (current?.id === id) await finish();
    send({ job: id, type: "end" });
  }
}

// messages are handled one after another, in order
let queue = Promise.resolve();
port.on("message", (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});
