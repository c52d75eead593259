import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { findAccessibilityViolations, browserForThisFile } from "../helpers/browser";

const base = () => inject("baseUrl");
const session = browserForThisFile();

const headerNames = (page: Page) => page.locator(".compare-table thead th a:not(.remove)").allTextContents();

describe("compare and insights in Chromium", () => {
  it("compares three voices chosen in the explorer", async () => {
    // a visitor of its own: the compare tray lives in the browser's storage
    const page = await session.openPage("/?source=opendemocracy-kazakhstan-divided&ageBand=45-59");
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
    await page.context().close();
  });

  it("opens a shared compare URL, and explains one it cannot show", async () => {
    const page = await session.visit("/compare?v=rustem,lev-uvarov");
    expect(await headerNames(page)).toEqual(["Rustem", "Lev Uvarov"]);
    expect(await page.locator("tr.differs th").first().textContent()).toMatch(/Stance/);

    await session.visit("/compare?v=rustem,nobody-here");
    await expect.poll(() => page.locator("main").getByRole("alert").textContent()).toMatch(/No voice has the slug “nobody-here”/);
    await session.visit("/compare?v=a,b,c,d,e");
    await expect.poll(() => page.locator("main").getByRole("alert").textContent()).toMatch(/compare at most 4 voices/);
  });

  it("expands a matrix cell and follows a quote to its voice", async () => {
    const page = await session.visit("/insights?row=source");
    const row = page.getByRole("row", { name: /^Window on Eurasia/ });
    await row.locator("details summary").first().click();
    const link = row.getByRole("link", { name: "Vyacheslav Polovinko" }).first();
    await link.click();
    await page.waitForURL(/\/voices\/vyacheslav-polovinko\?quote=vyacheslav-polovinko-1#quote-vyacheslav-polovinko-1$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Vyacheslav Polovinko");
  });

  it("filters the explorer by the city clicked on the map", async () => {
    const page = await session.visit("/insights?stance=pro_russia");
    await page.getByRole("link", { name: /^Almaty: \d+ voices?/ }).click();
    await page.waitForURL(/\/\?.*city=almaty/);
    expect(new URL(page.url()).searchParams.getAll("stance")).toEqual(["pro_russia"]);
    const expected = await (await fetch(`${base()}/api/voices?stance=pro_russia&city=almaty`)).json();
    expect(await page.locator(".voice-card h3").allTextContents()).toEqual(expected.items.map((i: { name: string }) => i.name));
  });

  it.each(["/compare?v=gulmira-karaganda,olga-kostanai,rustem", "/insights", "/insights?row=kind&stance=neutral"])(
    "has no accessibility violations (axe) on %s",
    async (path) => {
      const page = await session.visit(path);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    },
  );
});
