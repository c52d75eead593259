import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findAccessibilityViolations, startBrowserSession, type BrowserSession } from "../helpers/browser";

// axe-core's checks on the explorer, a voice and a source, in Chromium. Compare and
// insights are checked in compare-insights.browser.test.ts.

let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession(inject("baseUrl"));
});
afterAll(async () => {
  await session?.close();
});

describe("accessibility of the explorer, a voice and a source in Chromium", () => {
  it.each([
    "/",
    "/?q=propaganda&stance=pro_ukraine",
    "/voices/aleksandra-ust-kamenogorsk",
    "/sources/opendemocracy-kazakhstan-divided",
    "/?q=nothingmatcheshere",
  ])("has no accessibility violations (axe) on %s", async (path) => {
    const page = await session.visit(path);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
