import { readdirSync, readlinkSync } from "node:fs";
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

/** The processes that hold `file` open although it was replaced (renamed over): its old copy. */
function holdingReplaced(file: string): string[] {
  const holders: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `${file} (deleted)`) holders.push(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return holders;
}

describe("an export reads one corpus from start to end", () => {
  it("keeps the replaced file open while the export streams from it, and closes it once the export is done", async () => {
    const before = await (await fetch(`${app.baseUrl}${EXPORT}`)).text();
    const expected = items(before);
    expect(expected).toHaveLength(CORPUS.quotes);

    const slow = await open(EXPORT);
    expect(slow.response.statusCode).toBe(200);
    const version = slow.response.headers["x-corpus-version"];
    slow.response.pause();
    // another corpus, same slugs, other words: a row read from it would differ
    await generateSyntheticCorpus(dbPath, { ...CORPUS, voices: CORPUS.voices - 500, seed: 22 });
    await expect.poll(async () => (await (await fetch(`${app.baseUrl}/api/meta`)).json()).version).not.toBe(version);
    // the old file, replaced, is still open: the export reads on from it
    expect(holdingReplaced(dbPath)).not.toEqual([]);
    // past the 30 s after which the app used to close the replaced connection, whatever still read it
    await new Promise((r) => setTimeout(r, 32_000));
    const after = await readAll(slow.response);

    expect(JSON.parse(after.split("\n", 1)[0]!).provenance.corpusVersion).toBe(version);
    const got = items(after);
    expect(got.length).toBe(expected.length);
    expect(got).toEqual(expected);
    // its last reader done, the old file is let go (and its disk space with it)
    await expect.poll(() => holdingReplaced(dbPath)).toEqual([]);

    // and a new export reads the new corpus
    const fresh = await fetch(`${app.baseUrl}${EXPORT}`);
    expect(fresh.headers.get("x-corpus-version")).not.toBe(version);
    await fresh.arrayBuffer();
  }, 240_000);
});

describe("exports under load", () => {
  it("runs a bounded number, queues a bounded number, refuses the rest with 429 and Retry-After, and answers small requests meanwhile", async () => {
    // a filtered export, for the ones that queue: smaller, so the test reads them all soon
    const FILTERED = "/api/export?format=jsonl&shape=quotes&stance=neutral";
    const reference = items(await (await fetch(`${app.baseUrl}${FILTERED}`)).text());
    expect(reference.length).toBeGreaterThan(500);
    const whole = items(await (await fetch(`${app.baseUrl}${EXPORT}`)).text());

    // every worker busy with a full export whose client does not read: held mid-stream
    const running = await Promise.all(
      Array.from({ length: EXPORT_POOL.running }, async () => {
        const client = await open(EXPORT);
        client.response.pause();
        expect(client.response.statusCode).toBe(200);
        return client;
      }),
    );
    // as many more as may wait, and three beyond that
    const answered: { status: number; retryAfter?: string; body?: string }[] = [];
    const more = Array.from({ length: EXPORT_POOL.waiting + 3 }, async () => {
      const { response } = await open(FILTERED);
      const answer = { status: response.statusCode!, retryAfter: response.headers["retry-after"] };
      answered.push(answer);
      return { ...answer, body: await readAll(response) };
    });
    await expect.poll(() => answered.length).toBe(3);
    expect(answered.map((a) => a.status)).toEqual([429, 429, 429]);
    for (const a of answered) expect(Number(a.retryAfter)).toBeGreaterThan(0);

    // small requests, pages and searches are answered while the exports run and wait
    for (const url of ["/api/meta", "/api/voices?q=synthetic", "/", "/voices/synthetic-voice-0", "/api/sources"]) {
      const response = await fetch(`${app.baseUrl}${url}`);
      await response.arrayBuffer();
      expect(response.status, url).toBe(200);
    }
    expect(answered).toHaveLength(3); // the waiting exports still wait: nothing above was answered by their leaving

    // the running exports read to the end, the waiting ones run in turn: all whole
    for (const client of running) expect(items(await readAll(client.response))).toEqual(whole);
    const results = await Promise.all(more);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(JSON.parse(r.body).error).toMatchObject({ status: 429, code: "busy" });
    const served = results.filter((r) => r.status === 200);
    expect(served).toHaveLength(EXPORT_POOL.waiting);
    for (const r of served) expect(items(r.body)).toEqual(reference);
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

describe("an export's memory", () => {
  it("has a ceiling: an export that needs more fails alone, saying so, and the server answers on", async () => {
    // a ceiling below what a worker needs to load: every export reaches it
    const small = await serveApp(PROJECT_ROOT, dbPath, { env: { EXPORT_WORKER_HEAP_MB: "8" } });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await fetch(`${small.baseUrl}${EXPORT}`);
        expect(response.status).toBe(503);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe("out_of_memory");
        expect(error.message).toContain("8 MB");
        const meta = await fetch(`${small.baseUrl}/api/meta`);
        expect(meta.status).toBe(200);
        await meta.arrayBuffer();
      }
      expect(small.output()).toContain("reached its memory ceiling (8 MB)");
    } finally {
      await small.stop();
    }
    // the default ceiling holds a whole export of this corpus (reseeded by the first test: its own count)
    const { counts } = (await (await fetch(`${app.baseUrl}/api/meta`)).json()) as { counts: { quotes: number } };
    const whole = await fetch(`${app.baseUrl}${EXPORT}`);
    expect(whole.status).toBe(200);
    expect(items(await whole.text())).toHaveLength(counts.quotes);
  }, 120_000);
});
