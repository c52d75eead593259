import { processState } from "./process-state";

// Node accepts at most one new connection per turn of its event loop (libuv 1.45 and
// later: https://github.com/libuv/libuv/pull/3696). A request's work here is synchronous
// CPU (search, SQLite, JSON), so under saturation one turn used to serve every waiting
// request, and each connection opened during a burst waited for dozens of such turns:
// with 50 connections opened at once the last one waited 8 to 10 s for its first answer.
// Requests therefore take turns: each one's work starts in an event-loop turn of its own,
// in arrival order, and between two requests Node accepts and reads new connections.

// One queue per process, whichever bundle (API routes or pages) the request runs in.
const queue = processState("turn-queue", () => ({ last: Promise.resolve() }));

/** Resolves in an event-loop turn of this request's own, after every earlier request's. */
export function takeTurn(): Promise<void> {
  const turn = queue.last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  queue.last = turn;
  return turn;
}
