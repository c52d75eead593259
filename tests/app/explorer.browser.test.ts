import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile } from "../helpers/browser";

const base = () => inject("baseUrl");
const session = browserForThisFile();

const cardNames = (page: Page) => page.locator(".voice-card h3").allTextContents();

async function apiNames(search: string): Promise<string[]> {
  const body = await (await fetch(`${base()}/api/voices?${search}&pageSize=100`)).json();
  return body.items.map((i: { name: string }) => i.name);
}

describe("the explorer in Chromium", () => {
  it("filters by a stance and a city, and shows exactly those voices", async () => {
    const page = await session.visit("/");
    await page.getByRole("group", { name: "Stance" }).getByLabel("Supports neutrality").check();
    await page.waitForURL(/stance=neutral/);
    await page.getByRole("group", { name: "City" }).getByLabel("Karaganda").check();
    await page.waitForURL(/city=karaganda/);
    await expect.poll(() => page.locator("#results-heading").textContent()).toMatch(/who supports? neutrality, from Karaganda$/);
    expect(await cardNames(page)).toEqual(await apiNames("stance=neutral&city=karaganda"));
    await expect.poll(() => page.getByRole("link", { name: /Remove Stance: Supports neutrality/ }).count()).toBe(1);
  });

  it("searches a phrase and highlights it in the quote", async () => {
    const page = await session.visit("/");
    await page.getByLabel("Search quotes, names, occupations and places").fill('"blatant propaganda"');
    await page.waitForURL(/q=%22blatant/);
    await expect.poll(() => page.locator(".voice-card mark").allTextContents()).toEqual(["blatant propaganda"]);
    expect(await cardNames(page)).toEqual(["Aizada"]);
  });

  it("opens a voice and follows a quote to its place in the source", async () => {
    const page = await session.visit("/?q=blatant");
    await page.getByRole("link", { name: "Aizada" }).click();
    await page.waitForURL(/\/voices\/aizada-nur-sultan$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Aizada");
    const quote = page.locator("#quote-aizada-nur-sultan-2");
    await quote.getByRole("link", { name: "Read it in the source" }).click();
    await page.waitForURL(/\/sources\/opendemocracy-kazakhstan-divided\?quote=aizada-nur-sultan-2#quote-aizada-nur-sultan-2$/);
    const target = page.locator("mark#quote-aizada-nur-sultan-2");
    await expect.poll(() => target.textContent()).toBe("I don’t watch Russian TV because it’s blatant propaganda.");
    await expect.poll(() => target.isVisible()).toBe(true);
    expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
  });

  it("restores the same view from a shared URL", async () => {
    const page = await session.visit("/");
    await page.getByLabel("Search quotes, names, occupations and places").fill("Russia");
    await page.waitForURL(/q=Russia/);
    await page.getByRole("group", { name: "Quote kind" }).getByLabel("Direct quotation").check();
    await page.waitForURL(/kind=direct/);
    await page.getByLabel("Sort by").selectOption("name");
    await page.waitForURL(/sort=name/);
    await expect.poll(() => page.locator("#results-heading").textContent()).toMatch(/with direct quotations/);
    const names = await cardNames(page);
    const url = page.url();

    // opened by someone else: a context of its own
    const shared = await session.openPage(url.replace(base(), ""));
    expect(await cardNames(shared)).toEqual(names);
    expect(await shared.getByLabel("Search quotes, names, occupations and places").inputValue()).toBe("Russia");
    expect(await shared.getByRole("group", { name: "Quote kind" }).getByLabel("Direct quotation").isChecked()).toBe(true);
    expect(await shared.getByLabel("Sort by").inputValue()).toBe("name");
    await shared.context().close();
  });

  it("works by keyboard alone", async () => {
    const page = await session.visit("/");
    await page.keyboard.press("Tab"); // skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.getByLabel("Search quotes, names, occupations and places").focus();
    await page.keyboard.type("schoolteacher");
    await page.waitForURL(/q=schoolteacher/);
    await expect.poll(() => cardNames(page)).toEqual(["Karlygash"]);
    await page.getByRole("group", { name: "Stance" }).getByLabel("Supports Russia").focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/stance=pro_russia/);
    await expect.poll(() => page.locator(".empty").textContent()).toMatch(/No voice matches all of this/);
  });

  it("works without JavaScript, as a plain form", async () => {
    const page = await session.openPage("/", { javaScriptEnabled: false });
    await page.getByRole("group", { name: "Stance" }).getByLabel("Supports Ukraine").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/stance=pro_ukraine/);
    expect(await cardNames(page)).toEqual(await apiNames("stance=pro_ukraine"));
    await page.context().close();
  });

  it("fits a phone screen, with the filters folded away", async () => {
    const page = await session.openPage("/", { viewport: { width: 375, height: 900 } });
    await expect.poll(() => page.locator("details.filters").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await page.locator(".voice-card").first().isVisible()).toBe(true);
    await page.context().close();
  });
});
