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

const headerNames = (page: Page) => page.locator(".compare-table thead th a:not(.remove)").allTextContents();

describe("compare and insights in Chromium", () => {
  it("compares three voices chosen in the explorer", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base()}/?source=opendemocracy-kazakhstan-divided&ageBand=45-59`);
    const names = (await page.locator(".voice-card h3").allTextContents()).slice(0, 3);
    expect(names).toHaveLength(3);
    for (const name of names) await page.getByRole("button", { name: `Add to compare ${name}` }).click();
    const tray = page.getByRole("complementary", { name: "Compare tray" });
    await expect.poll(() => tray.locator("li").allTextContents()).toEqual(names.map((n) => `${n} ×`));
    await tray.getByRole("link", { name: "Compare" }).click();
    await page.waitForURL(/\/compare\?v=/);
    expect(await headerNames(page)).toEqual(names);
    expect(await page.locator(".compare-table tbody tr").first().locator("th").textContent()).toMatch(/^Stance/);

    // removing a voice updates the URL and the columns
    await page.getByRole("link", { name: `Remove ${names[0]} from the comparison` }).click();
    await page.waitForURL(
      (url) =>
        !url.search.includes(encodeURIComponent(names[0]!.toLowerCase())) && (url.searchParams.get("v") ?? "").split(",").length === 2,
    );
    expect(await headerNames(page)).toEqual(names.slice(1));
    await context.close();
  });

  it("opens a shared compare URL, and explains one it cannot show", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base()}/compare?v=rustem,lev-uvarov`);
    expect(await headerNames(page)).toEqual(["Rustem", "Lev Uvarov"]);
    expect(await page.locator("tr.differs th").first().textContent()).toMatch(/Stance/);

    await page.goto(`${base()}/compare?v=rustem,nobody-here`);
    await expect.poll(() => page.locator("main").getByRole("alert").textContent()).toMatch(/No voice has the slug “nobody-here”/);
    await page.goto(`${base()}/compare?v=a,b,c,d,e`);
    await expect.poll(() => page.locator("main").getByRole("alert").textContent()).toMatch(/compare at most 4 voices/);
    await context.close();
  });

  it("expands a matrix cell and follows a quote to its voice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base()}/insights?row=source`);
    const row = page.getByRole("row", { name: /^Window on Eurasia/ });
    await row.locator("details summary").first().click();
    const link = row.getByRole("link", { name: "Vyacheslav Polovinko" }).first();
    await link.click();
    await page.waitForURL(/\/voices\/vyacheslav-polovinko#quote-vyacheslav-polovinko-1$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Vyacheslav Polovinko");
    await context.close();
  });

  it("filters the explorer by the city clicked on the map", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base()}/insights?stance=pro_russia`);
    await page.getByRole("link", { name: /^Almaty: \d+ voices?/ }).click();
    await page.waitForURL(/\/\?.*city=almaty/);
    expect(new URL(page.url()).searchParams.getAll("stance")).toEqual(["pro_russia"]);
    const expected = await (await fetch(`${base()}/api/voices?stance=pro_russia&city=almaty`)).json();
    expect(await page.locator(".voice-card h3").allTextContents()).toEqual(expected.items.map((i: { name: string }) => i.name));
    await context.close();
  });

  it.each(["/compare?v=gulmira-karaganda,olga-kostanai,rustem", "/insights", "/insights?row=kind&stance=neutral"])(
    "has no accessibility violations (axe) on %s",
    async (path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(base() + path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await context.close();
    },
  );
});
