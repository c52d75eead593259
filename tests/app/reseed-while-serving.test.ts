import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed-database";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { DATA_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/paths";

// A server of its own (the build from the global setup), so that reseeding its database
// cannot disturb the other tests.
let app: RunningApp;
let dbPath: string;
const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(async () => {
  dbPath = path.join(makeTempDir("served"), "voices.db");
  await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

async function total(): Promise<{ status: number; total: number | null }> {
  const response = await fetch(`${app.baseUrl}/api/voices?pageSize=1`);
  const body = response.ok ? await response.json() : null;
  return { status: response.status, total: body?.total ?? null };
}

describe("reseeding while the app serves traffic", () => {
  it("never shows readers an error or a half-loaded corpus, and then serves the new corpus", async () => {
    const full = (await total()).total!;
    // a smaller corpus: one source fewer
    const smaller = copyCorpus();
    rmSync(path.join(smaller, "sources/responsible-statecraft-kazakhstan-view-of-ukraine.yaml"));
    rmSync(path.join(smaller, "documents/004_af7a297ca07d053a.txt"));

    const seen: { status: number; total: number | null }[] = [];
    let reading = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) seen.push(await total());
    });
    for (let i = 0; i < 3; i++) {
      await seedDatabase({ dataDir: smaller, dbPath, root: PROJECT_ROOT });
      await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    }
    await seedDatabase({ dataDir: smaller, dbPath, root: PROJECT_ROOT });
    await new Promise((r) => setTimeout(r, 600));
    reading = false;
    await Promise.all(readers);

    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    // every answer is one whole corpus or the other
    expect(new Set(seen.map((s) => s.total))).toEqual(new Set([full, full - 1].filter((n) => seen.some((s) => s.total === n))));
    expect(seen.every((s) => s.total === full || s.total === full - 1)).toBe(true);
    await expect.poll(async () => (await total()).total, { timeout: 5000 }).toBe(full - 1);

    await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    await expect.poll(async () => (await total()).total, { timeout: 5000 }).toBe(full);
  });

  it("a seed killed midway leaves the served database intact", async () => {
    const before = fileHash(dbPath);
    const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [path.join(PROJECT_ROOT, "scripts/seed.ts")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      stdio: "ignore",
      detached: true, // its own process group: tsx runs the script in a child process
    });
    // kill it as soon as it has started building its new file
    const dir = path.dirname(dbPath);
    const deadline = Date.now() + 20_000;
    while (!readdirSync(dir).some((f) => f.includes(".building-")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(dir).some((f) => f.includes(".building-"))).toBe(true);
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 200)); // let the killed group go

    expect(fileHash(dbPath)).toBe(before);
    expect((await total()).status).toBe(200);
    // the next seed clears what the killed one left behind
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
