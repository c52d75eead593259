import { describe, expect, it } from "vitest";
import { findAccessibilityViolations, browserForThisFile } from "../helpers/browser";

// axe-core's checks on the explorer, a voice and a source, in Chromium. Compare and
// insights are checked in compare-insights.browser.test.ts.

const session = browserForThisFile();

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

describe.each([
  ["desk", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const)("accessibility with every panel opened (%s)", (_, viewport) => {
  it.each([
    "/",
    "/?view=quotes&stance=neutral",
    "/voices/gulmira-karaganda",
    "/compare?v=gulmira-karaganda,olga-kostanai,rustem",
    "/insights",
    "/insights?row=role&stance=pro_ukraine",
    "/about",
    "/api-docs",
    "/list?quote=gulmira-karaganda-1",
  ])("has no accessibility violations (axe) on %s, with every panel open", async (path) => {
    const page = await session.openPage(path, { viewport });
    // once the page's script has run: on a phone it folds the explorer's filters when it starts
    await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
    await page.waitForLoadState("networkidle");
    if ((await page.locator(".explorer").count()) > 0) await page.locator(".explorer[data-enhanced]").waitFor();
    // every fold: the phone's filter panel, export forms, cite panels (several at once), data tables, the matrix's cells
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    expect(await page.locator("details:not([open])").count()).toBe(0);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
