import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { takeTurn } from "@/lib/db/take-turn";

// A real HTTP server whose requests cost a few milliseconds of synchronous CPU, as ours do
// (search, SQLite, JSON). Ten connections keep it saturated; then twenty new connections
// open at once. We count how many requests the server answers before the last newcomer
// gets its first answer: a count, not a time, so a slow machine does not change it.

const STEADY = 10;
const BURST = 20;

function spin(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

function get(port: number, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve(Number(body)));
      })
      .on("error", reject);
  });
}

/** Requests answered between the burst and the last newcomer's first answer. */
async function servedBeforeBurstIsAnswered(handler: () => Promise<void>): Promise<number> {
  let served = 0;
  let warmedUp!: () => void;
  const saturated = new Promise<void>((resolve) => (warmedUp = resolve));
  const server = http.createServer(async (_req, res) => {
    await handler();
    spin(2);
    res.end(String(++served));
    if (served === 100) warmedUp();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agents: http.Agent[] = [];
  const agent = () => {
    const a = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(a);
    return a;
  };
  let running = true;
  try {
    const steady = Array.from({ length: STEADY }, async () => {
      const a = agent();
      while (running) await get(port, a);
    });
    await saturated; // the steady connections have been answered 100 times
    const before = served;
    const answers = await Promise.all(Array.from({ length: BURST }, () => get(port, agent())));
    running = false;
    await Promise.all(steady);
    return Math.max(...answers) - before;
  } finally {
    running = false;
    agents.forEach((a) => a.destroy());
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("takeTurn", () => {
  it("lets a burst of new connections in while the server is saturated", async () => {
    const served = await servedBeforeBurstIsAnswered(takeTurn);
    // each newcomer waits behind at most the requests already queued: about STEADY + BURST
    expect(served).toBeLessThanOrEqual(2 * (STEADY + BURST));
  });

  it("is needed: without it each newcomer waits for a whole round of every open connection", async () => {
    // Node accepts one connection per event-loop turn; a turn that answers every waiting
    // request makes the last of the burst wait about BURST rounds. If this ever stops
    // failing the bound above, Node has changed and take-turn.ts may be unnecessary.
    const served = await servedBeforeBurstIsAnswered(async () => {});
    expect(served).toBeGreaterThan(2 * (STEADY + BURST));
  });

  it("grants turns in the order they were asked for", async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => takeTurn().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
