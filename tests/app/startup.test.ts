import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { copyBaseDatabase } from "../helpers/base-database";
import { copyCorpus } from "../helpers/corpus-copy";
import { PROJECT_ROOT } from "../helpers/paths";

// The server loads its search index when it starts (instrumentation.ts), from the parts the
// seed wrote, instead of on the first search; after a reseed, it loads the new file's index
// while the old file keeps serving. No request waits behind a load.

let app: RunningApp;
let dbPath: string;
let counts: { voices: number; quotes: number };
beforeAll(async () => {
  const copy = copyBaseDatabase();
  dbPath = copy.dbPath;
  counts = { voices: await copy.db.voice.count(), quotes: await copy.db.quote.count() };
  await copy.db.$disconnect();
  // ready when a route that never searches answers: nothing has asked for a search yet
  app = await serveApp(PROJECT_ROOT, dbPath, { readyPath: "/api/meta" });
});
afterAll(async () => {
  await app?.stop();
});

const served = async () => ((await (await fetch(`${app.baseUrl}/api/meta`)).json()) as { counts: typeof counts }).counts;

describe("a starting server", () => {
  it("has loaded the whole search index before any search asks for it", () => {
    expect(app.output()).toContain(`Search index ready: ${counts.voices} voices, ${counts.quotes} quotes`);
  });

  it("answers its first search from that index", async () => {
    const response = await fetch(`${app.baseUrl}/api/voices?q=Russia&pageSize=1`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { total: number }).total).toBeGreaterThan(0);
    expect(app.output().match(/Search index ready/g)).toHaveLength(1);
  });

  it("after a reseed, serves the new corpus only once its index is loaded", { timeout: 120_000 }, async () => {
    // a smaller corpus: one source fewer
    const smaller = copyCorpus();
    rmSync(path.join(smaller, "sources/responsible-statecraft-kazakhstan-view-of-ukraine.yaml"));
    rmSync(path.join(smaller, "documents/004_af7a297ca07d053a.txt"));
    rmSync(path.join(smaller, "releases"), { recursive: true }); // another corpus: the real one's releases need that document
    await seedDatabase({ dataDir: smaller, dbPath, root: PROJECT_ROOT });
    const reseeded = createPrismaClient(dbPath, { readonly: true });
    const now = { voices: await reseeded.voice.count(), quotes: await reseeded.quote.count() };
    await reseeded.$disconnect();
    expect(now.voices).toBeLessThan(counts.voices);

    // only a route that never searches is asked: the new file's index loads all the same, first
    await vi.waitFor(async () => expect(await served()).toMatchObject(now), { timeout: 60_000, interval: 100 });
    expect(app.output()).toContain(`Search index ready: ${now.voices} voices, ${now.quotes} quotes`);
  });
});
