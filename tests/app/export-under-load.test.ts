import { request, type IncomingMessage } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_POOL } from "@/lib/export/export-pool";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";

// Long exports on a server of its own: a synthetic corpus whose full export (tens of MB)
// is far more than the sockets between client and server buffer, so a client that stops
// reading really holds the export mid-stream.

const CORPUS = { voices: 2500, quotes: 15_000, sources: 25 };
let app: RunningApp;
let dbPath: string;

beforeAll(async () => {
  dbPath = path.join(makeTempDir("exports"), "voices.db");
  await generateSyntheticCorpus(dbPath, { ...CORPUS, seed: 21 });
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

const EXPORT = "/api/export?format=jsonl&shape=quotes";

/** A GET whose response the test reads when it likes: `next()` resolves with the next chunk. */
function open(url: string) {
  return new Promise<{ response: IncomingMessage; destroy(): void }>((resolve, reject) => {
    const req = request(`${app.baseUrl}${url}`, (response) => resolve({ response, destroy: () => req.destroy() }));
    req.on("error", reject);
    req.end();
  });
}

async function readAll(response: IncomingMessage, first = ""): Promise<string> {
  let text = first;
  response.setEncoding("utf8");
  for await (const chunk of response) text += chunk;
  return text;
}

/** The items of a JSONL export: every line after the provenance line. */
const items = (text: string) => text.trimEnd().split("\n").slice(1);

describe("an export reads one corpus from start to end", () => {
  it("keeps streaming the corpus it started on through a reseed and the old connection's retirement", async () => {
    const before = await (await fetch(`${app.baseUrl}${EXPORT}`)).text();
    const expected = items(before);
    expect(expected).toHaveLength(CORPUS.quotes);

    const slow = await open(EXPORT);
    expect(slow.response.statusCode).toBe(200);
    const version = slow.response.headers["x-corpus-version"];
    slow.response.pause();
    // another corpus, same slugs, other words: a row read from it would differ
    await generateSyntheticCorpus(dbPath, { ...CORPUS, voices: CORPUS.voices - 500, seed: 22 });
    await expect.poll(async () => (await (await fetch(`${app.baseUrl}/api/meta`)).json()).version, { timeout: 5000 }).not.toBe(version);
    // past the 30 s after which the app used to close the replaced connection
    await new Promise((r) => setTimeout(r, 32_000));
    const after = await readAll(slow.response);

    expect(JSON.parse(after.split("\n", 1)[0]!).provenance.corpusVersion).toBe(version);
    const got = items(after);
    expect(got.length).toBe(expected.length);
    expect(got).toEqual(expected);

    // and a new export reads the new corpus
    const fresh = await fetch(`${app.baseUrl}${EXPORT}`);
    expect(fresh.headers.get("x-corpus-version")).not.toBe(version);
    await fresh.arrayBuffer();
  }, 240_000);
});

describe("exports under load", () => {
  it("runs a bounded number at once, refuses the rest with 429 and Retry-After, and keeps small requests fast", async () => {
    const accepted = EXPORT_POOL.running + EXPORT_POOL.waiting;
    const many = Array.from({ length: accepted + 3 }, async () => {
      const response = await fetch(`${app.baseUrl}/api/export?format=csv&shape=quotes&stance=neutral`);
      const body = await response.text();
      return {
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        body,
        version: response.headers.get("x-corpus-version"),
      };
    });
    // small requests while the exports run: each answered promptly
    const small: number[] = [];
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await fetch(`${app.baseUrl}/api/meta`);
      await response.json();
      expect(response.status).toBe(200);
      small.push(performance.now() - started);
    }
    const results = await Promise.all(many);

    expect(results.filter((r) => r.status === 200)).toHaveLength(accepted);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(r.body).error).toMatchObject({ status: 429, code: "busy" });
    }
    // every export whole and alike, but for its own time stamp
    const stripped = results.filter((r) => r.status === 200).map((r) => r.body.replace(/,\d{4}-\d\d-\d\dT[\d:.]+Z,/g, ","));
    expect(new Set(stripped).size).toBe(1);
    expect(stripped[0]!.trimEnd().split("\r\n").length).toBeGreaterThan(500);
    // with the exports on the request thread, /api/meta waited up to 50 s
    expect([...small].sort((a, b) => a - b)[10]!).toBeLessThan(300);
    expect(Math.max(...small)).toBeLessThan(2500);
  }, 240_000);

  it("frees an export's place when its client leaves, running or waiting", async () => {
    const clients = await Promise.all(
      Array.from({ length: EXPORT_POOL.running }, async () => {
        const client = await open(EXPORT);
        client.response.pause();
        return client;
      }),
    );
    const waiting = Array.from({ length: EXPORT_POOL.waiting }, () => request(`${app.baseUrl}${EXPORT}`).on("error", () => {}));
    for (const w of waiting) w.end();
    await new Promise((r) => setTimeout(r, 500));
    for (const c of clients) c.destroy();
    for (const w of waiting) w.destroy();
    await new Promise((r) => setTimeout(r, 2000)); // the server notices the closed sockets
    // every place is free again: as many small exports as are accepted all run, at once
    const small = "/api/export?format=csv&voice=synthetic-voice-0";
    const again = await Promise.all(
      Array.from({ length: EXPORT_POOL.running + EXPORT_POOL.waiting }, async () => {
        const response = await fetch(`${app.baseUrl}${small}`, { signal: AbortSignal.timeout(30_000) });
        await response.text();
        return response.status;
      }),
    );
    expect(again).toEqual(again.map(() => 200));
  }, 120_000);
});
