import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUOTES_PER_PAGE } from "@/lib/voices/quote-pages";
import type { RunningApp } from "@/tools/serve-app";
import { findAccessibilityViolations, SCREEN_SIZES, startBrowserSession, type BrowserSession } from "../helpers/browser";
import { LONG_SOURCE as SOURCE, serveLongCorpus, type LongCorpus } from "../helpers/long-corpus";

// A source read in parts and a voice's quotes in pages, as a person finds them in Chromium:
// by keyboard, at a desk's and a phone's size, from a permalink made without the page.

let app: RunningApp;
let voice: LongCorpus["voice"];
let session: BrowserSession;

beforeAll(async () => {
  ({ app, voice } = await serveLongCorpus());
  session = await startBrowserSession(app.baseUrl);
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe("a source read in parts", () => {
  it.each(SCREEN_SIZES)("moves to the next part by keyboard, and fits a %s's screen", async (_, viewport) => {
    const page = await session.openPage(`/sources/${SOURCE}`, { viewport });
    const parts = page.getByRole("navigation", { name: "Parts of the text" }).first();
    await expect.poll(() => parts.innerText()).toMatch(/Part 1 of \d+/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.getByRole("link", { name: "Go to the first quote" }).focus();
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.textContent?.includes("Next"))); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?part=2#text-heading$/);
    expect(await page.getByRole("heading", { level: 2, name: /^Text, part 2 of \d+$/ }).count()).toBe(1);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it("follows ↓ from a part's last quote to the next part, onto the quote", async () => {
    const page = await session.visit(`/sources/${SOURCE}`);
    const next = page.getByRole("link", { name: /^Next quote, by / }).last();
    const target = (await next.getAttribute("href"))!;
    expect(target).toMatch(/\?part=2#quote-/);
    await next.click();
    await page.waitForURL((url) => url.search === "?part=2" && url.hash === target.slice(target.indexOf("#")));
    const mark = page.locator(target.slice(target.indexOf("#")));
    await expect.poll(() => mark.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await mark.isVisible()).toBe(true);
  });
});

describe("a voice's quotes in pages", () => {
  it("lands a permalink made without the page next to a link to it, which opens the quote", async () => {
    const later = voice.quotes[QUOTES_PER_PAGE]!;
    const page = await session.visit(`/voices/${voice.slug}#quote-${later}`);
    const landing = page.locator(`#quote-${later}`);
    await expect.poll(() => landing.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await landing.getAttribute("aria-label")).toBe(`Quote ${QUOTES_PER_PAGE + 1}, on page 2`);
    await landing.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.search === "?page=2" && url.hash === `#quote-${later}`);
    const quote = page.locator(`li#quote-${later}`);
    await expect.poll(() => quote.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await page.getByRole("navigation", { name: "Pages of quotes" }).innerText()).toMatch(/Page 2 of \d+/);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
