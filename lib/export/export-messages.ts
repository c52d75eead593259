import type { ErrorCode, ErrorIssue } from "../errors";
import type { ExportRequest } from "./export-request";
import type { ExportOptions } from "./write-export";

// What the request thread (export-pool.ts) and an export worker (export-job.ts) say to
// each other. One export at a time per worker; the worker writes the next chunk only when
// asked ("pull"), so a slow client holds one chunk in memory, not the whole export. Every
// message names its job, so a late answer about a cancelled job is never taken for one
// about the next.

export type ToWorker = { job: number } & (
  { type: "start"; request: ExportRequest; options: ExportOptions } | { type: "pull" } | { type: "cancel" }
);

type Failure = { code: ErrorCode; message: string; issues: ErrorIssue[] } | { code: "internal"; message: string; stack?: string };

/** "end" and "failed" say the worker is done with the job and free for the next. */
export type FromWorker = { job: number } & (
  | { type: "started"; filename: string; mediaType: string; headers: Record<string, string> }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "end" }
  | { type: "failed"; error: Failure }
);
