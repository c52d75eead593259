import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../helpers/browser";

let browser: Browser;
const base = () => inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(base() + path);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const cardNames = (page: Page) => page.locator(".voice-card h3").allTextContents();

async function apiNames(search: string): Promise<string[]> {
  const body = await (await fetch(`${base()}/api/voices?${search}&pageSize=100`)).json();
  return body.items.map((i: { name: string }) => i.name);
}

describe("the explorer in Chromium", () => {
  it("filters by a stance and a city, and shows exactly those voices", async () => {
    const page = await openPage("/");
    await page.getByRole("group", { name: "Stance" }).getByLabel("Supports neutrality").check();
    await page.waitForURL(/stance=neutral/);
    await page.getByRole("group", { name: "City" }).getByLabel("Karaganda").check();
    await page.waitForURL(/city=karaganda/);
    await expect.poll(() => page.locator("#results-heading").textContent()).toMatch(/who supports? neutrality, from Karaganda$/);
    expect(await cardNames(page)).toEqual(await apiNames("stance=neutral&city=karaganda"));
    await expect.poll(() => page.getByRole("link", { name: /Remove Stance: Supports neutrality/ }).count()).toBe(1);
    await page.context().close();
  });

  it("searches a phrase and highlights it in the quote", async () => {
    const page = await openPage("/");
    await page.getByLabel("Search quotes, names, occupations and places").fill('"blatant propaganda"');
    await page.waitForURL(/q=%22blatant/);
    await expect.poll(() => page.locator(".voice-card mark").allTextContents()).toEqual(["blatant propaganda"]);
    expect(await cardNames(page)).toEqual(["Aizada"]);
    await page.context().close();
  });

  it("opens a voice and follows a quote to its place in the source", async () => {
    const page = await openPage("/?q=blatant");
    await page.getByRole("link", { name: "Aizada" }).click();
    await page.waitForURL(/\/voices\/aizada-nur-sultan$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Aizada");
    const quote = page.locator("#quote-aizada-nur-sultan-2");
    await quote.getByRole("link", { name: "Read it in the source" }).click();
    await page.waitForURL(/\/sources\/opendemocracy-kazakhstan-divided#quote-aizada-nur-sultan-2$/);
    const target = page.locator("mark#quote-aizada-nur-sultan-2");
    await expect.poll(() => target.textContent()).toBe("I don’t watch Russian TV because it’s blatant propaganda.");
    await expect.poll(() => target.isVisible()).toBe(true);
    expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
    await page.context().close();
  });

  it("restores the same view from a shared URL", async () => {
    const page = await openPage("/");
    await page.getByLabel("Search quotes, names, occupations and places").fill("Russia");
    await page.waitForURL(/q=Russia/);
    await page.getByRole("group", { name: "Quote kind" }).getByLabel("Direct quotation").check();
    await page.waitForURL(/kind=direct/);
    await page.getByLabel("Sort by").selectOption("name");
    await page.waitForURL(/sort=name/);
    await expect.poll(() => page.locator("#results-heading").textContent()).toMatch(/with direct quotations/);
    const names = await cardNames(page);
    const url = page.url();

    const shared = await openPage(url.replace(base(), ""));
    expect(await cardNames(shared)).toEqual(names);
    expect(await shared.getByLabel("Search quotes, names, occupations and places").inputValue()).toBe("Russia");
    expect(await shared.getByRole("group", { name: "Quote kind" }).getByLabel("Direct quotation").isChecked()).toBe(true);
    expect(await shared.getByLabel("Sort by").inputValue()).toBe("name");
    await page.context().close();
    await shared.context().close();
  });

  it("works by keyboard alone", async () => {
    const page = await openPage("/");
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
    await page.context().close();
  });

  it("works without JavaScript, as a plain form", async () => {
    const page = await openPage("/", { javaScriptEnabled: false });
    await page.getByRole("group", { name: "Stance" }).getByLabel("Supports Ukraine").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/stance=pro_ukraine/);
    expect(await cardNames(page)).toEqual(await apiNames("stance=pro_ukraine"));
    await page.context().close();
  });

  it("fits a phone screen, with the filters folded away", async () => {
    const page = await openPage("/", { width: 375 });
    await expect.poll(() => page.locator("details.filters").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await page.locator(".voice-card").first().isVisible()).toBe(true);
    await page.context().close();
  });

  it.each([
    "/",
    "/?q=propaganda&stance=pro_ukraine",
    "/voices/aleksandra-ust-kamenogorsk",
    "/sources/opendemocracy-kazakhstan-divided",
    "/?q=nothingmatcheshere",
  ])("has no accessibility violations (axe) on %s", async (path) => {
    const page = await openPage(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });
});

describe("the Content-Security-Policy", () => {
  it.each([
    "/",
    "/?q=russia&stance=neutral",
    "/voices/gulmira-karaganda",
    "/sources/opendemocracy-kazakhstan-divided",
    "/compare?v=rustem,irina",
    "/insights",
  ])("blocks nothing the app needs on %s", async (path) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    await page.goto(base() + path);
    await page.waitForLoadState("networkidle");
    // Next's client runtime ran (it was allowed by the nonce) and a client component reacts
    await expect
      .poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version))
      .toBe("string");
    const tray = page.getByRole("complementary", { name: "Compare tray" });
    await page.evaluate(() => {
      localStorage.setItem("voices:compare", JSON.stringify([{ slug: "irina", name: "Irina" }]));
      window.dispatchEvent(new Event("voices:compare-change"));
    });
    await expect.poll(() => tray.textContent()).toMatch(/Compare \(1\/4\)Irina/);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await context.close();
  });
});
