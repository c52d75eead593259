import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { seedDatabase } from "@/lib/seed/seed-database";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { copyBaseDatabase } from "../helpers/base-database";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { getText } from "../helpers/http";
import { DATA_DIR, PROJECT_ROOT } from "../helpers/paths";

// A server of its own (the build from the global setup), on a copy of the run's base
// database, so that reseeding its database cannot disturb the other tests.
let app: RunningApp;
let dbPath: string;
const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const SEED_SCRIPT = path.join(PROJECT_ROOT, "scripts/seed.ts");

beforeAll(async () => {
  const copy = copyBaseDatabase();
  await copy.db.$disconnect();
  dbPath = copy.dbPath;
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

// Seeds started by a test and its readers' switch: a test that fails or times out
// midway must not leave them running into the next test.
const seeds = new Set<ChildProcess>();
let reading = false;
afterEach(() => {
  reading = false;
  for (const seed of seeds) {
    try {
      process.kill(-seed.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

/** The voices a corpus folder holds, read from its annotation files, not from the app. */
function voicesIn(dataDir: string): string[] {
  const dir = path.join(dataDir, "sources");
  return readdirSync(dir)
    .flatMap((file) => (YAML.parse(readFileSync(path.join(dir, file), "utf8")) as { voices: { slug: string }[] }).voices)
    .map((v) => v.slug)
    .sort();
}

/** Every voice the app serves now, or the status it answered with (0: no answer at all). */
async function servedVoices(): Promise<{ status: number; slugs: string[] | null }> {
  const response = await getText(`${app.baseUrl}/api/voices?pageSize=100`).catch(() => ({ status: 0, body: "" }));
  if (response.status !== 200) return { status: response.status, slugs: null };
  const body = JSON.parse(response.body) as { total: number; items: { slug: string }[] };
  expect(body.total).toBeLessThanOrEqual(100); // one page holds them all
  return { status: response.status, slugs: body.items.map((i) => i.slug).sort() };
}

/**
 * Reseeds the served database as an operator does, with the seed CLI in a process of its
 * own: the readers in this process keep reading all through the seed.
 */
function reseedWithCli(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const seed = spawn(TSX, [SEED_SCRIPT, "--data", dataDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true, // its own process group, so that afterEach can stop tsx and the script alike
    });
    seeds.add(seed);
    let stderr = "";
    seed.stderr.on("data", (d) => (stderr += d));
    seed.once("error", reject);
    seed.once("exit", (code) => {
      seeds.delete(seed);
      if (code === 0) resolve();
      else reject(new Error(`the seed failed (exit code ${code}):\n${stderr}`));
    });
  });
}

/** Whether a process is gone (a killed one lingers as a zombie until reaped: that counts as gone). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}

describe("reseeding while the app serves traffic", () => {
  // two seeds by CLI with readers at them: slow on a loaded machine
  it("never shows readers an error or a half-loaded corpus, and serves each new corpus", { timeout: 180_000 }, async () => {
    // a smaller corpus: one source fewer
    const smaller = copyCorpus();
    rmSync(path.join(smaller, "sources/responsible-statecraft-kazakhstan-view-of-ukraine.yaml"));
    rmSync(path.join(smaller, "documents/004_af7a297ca07d053a.txt"));
    rmSync(path.join(smaller, "releases"), { recursive: true }); // another corpus: the real one's releases need that document
    const fullVoices = voicesIn(DATA_DIR);
    const smallerVoices = voicesIn(smaller);
    expect(smallerVoices.length).toBeLessThan(fullVoices.length);
    expect((await servedVoices()).slugs).toEqual(fullVoices);

    const seen: { status: number; slugs: string[] | null }[] = [];
    reading = true;
    const readers = Array.from({ length: 2 }, async () => {
      while (reading) seen.push(await servedVoices());
    });
    const readersSee = (voices: string[]) =>
      vi.waitFor(() => expect(seen.at(-1)?.slugs).toEqual(voices), { timeout: 10_000, interval: 20 });
    try {
      // each way round, the readers reading throughout: full to smaller, and back
      await reseedWithCli(smaller);
      await readersSee(smallerVoices);
      await reseedWithCli(DATA_DIR);
      await readersSee(fullVoices);
    } finally {
      reading = false;
      await Promise.all(readers);
    }

    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    // every answer is one whole corpus or the other, voice for voice
    const partial = seen.filter((s) => !isEqual(s.slugs, fullVoices) && !isEqual(s.slugs, smallerVoices));
    expect(partial).toEqual([]);
  });

  it("a seed killed midway leaves the served database intact", async () => {
    const before = fileHash(dbPath);
    const child = spawn(TSX, [SEED_SCRIPT], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      stdio: "ignore",
      detached: true, // its own process group: tsx runs the script in a child process
    });
    seeds.add(child);
    const exited = new Promise((resolve) => child.once("exit", resolve)).finally(() => seeds.delete(child));
    // kill it as soon as it has started building its new file
    const dir = path.dirname(dbPath);
    const building = () => readdirSync(dir).filter((f) => /\.building-\d+$/.test(f));
    await vi.waitFor(() => expect(building()).toHaveLength(1), { timeout: 20_000, interval: 5 });
    const builder = Number(building()[0]!.split(".building-")[1]);
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    await vi.waitFor(() => expect(isGone(builder)).toBe(true), { timeout: 5_000, interval: 10 });

    expect(fileHash(dbPath)).toBe(before);
    expect((await servedVoices()).status).toBe(200);
    // the next seed clears what the killed one left behind
    expect(building()).toHaveLength(1);
    await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    expect(readdirSync(dir).filter((f) => f.includes(".building-"))).toEqual([]);
    expect(existsSync(dbPath)).toBe(true);
  });
});

describe("corpus text", () => {
  it("is never rendered as HTML", async () => {
    const hostile = copyCorpus();
    editCorpusFile(
      hostile,
      "sources/opendemocracy-kazakhstan-divided.yaml",
      "    name: Olga\n",
      '    name: "Olga<script>window.pwned=1</script><img src=x onerror=alert(1)>"\n',
    );
    await seedDatabase({ dataDir: hostile, dbPath, root: PROJECT_ROOT });
    try {
      for (const path of ["/voices/olga-kostanai", "/?q=Olga", "/compare?v=olga-kostanai,irina", "/insights?row=source"]) {
        await expect
          .poll(async () => (await (await fetch(app.baseUrl + path)).text()).includes("Olga&lt;script&gt;"), { timeout: 5000 })
          .toBe(true);
        const html = await (await fetch(app.baseUrl + path)).text();
        expect(html.includes("<script>window.pwned"), path).toBe(false);
        expect(html.includes("<img src=x"), path).toBe(false);
      }
    } finally {
      await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    }
  });
});

const isEqual = (a: string[] | null, b: string[]) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);
