import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticCorpus } from "@/tools/synthetic-corpus/generate-synthetic-corpus";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { SCREEN_SIZES, startBrowserSession, type BrowserSession } from "../helpers/browser";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";

// The insights charts of a corpus counted in thousands, as Chromium draws them: a number is
// printed inside its bar's segment only when the whole of it fits there, on a desk's screen
// and a phone's; a number that spilt onto the next segment would read as part of its.

let app: RunningApp;
let session: BrowserSession;

beforeAll(async () => {
  const dbPath = path.join(makeTempDir("insights-large-numbers"), "voices.db");
  await generateSyntheticCorpus(dbPath, { voices: 12_000, quotes: 12_000, sources: 4, seed: 23 });
  app = await serveApp(PROJECT_ROOT, dbPath);
  session = await startBrowserSession(app.baseUrl);
}, 180_000);
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe.each(SCREEN_SIZES)("the insights charts of 12,000 voices (%s)", (_, viewport) => {
  it("print each number inside its segment only where all of it fits", async () => {
    const page = await session.openPage("/insights", { viewport });
    const values = await page.locator("svg.bar text.bar-value").evaluateAll((texts) =>
      texts.map((text) => {
        const box = text.getBoundingClientRect();
        const segment = text.previousElementSibling!.getBoundingClientRect();
        return { text: text.textContent!, spills: box.left < segment.left - 0.5 || box.right > segment.right + 0.5 };
      }),
    );
    // numbers of three digits and more are printed, so the check below has something to check
    expect(values.filter((v) => v.text.length >= 3).length).toBeGreaterThan(0);
    expect(values.filter((v) => v.spills).map((v) => v.text)).toEqual([]);
    await page.context().close();
  });
});
