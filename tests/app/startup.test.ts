import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { copyBaseDatabase } from "../helpers/base-database";
import { PROJECT_ROOT } from "../helpers/paths";

// The server loads its search index when it starts (instrumentation.ts), from the parts the
// seed wrote, instead of on the first search: no request waits behind the load.

let app: RunningApp;
let counts: { voices: number; quotes: number };
beforeAll(async () => {
  const copy = copyBaseDatabase();
  const dbPath = copy.dbPath;
  counts = { voices: await copy.db.voice.count(), quotes: await copy.db.quote.count() };
  await copy.db.$disconnect();
  // serveApp waits for /api/meta, a route that never searches: nothing has asked for a search yet
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

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
});
