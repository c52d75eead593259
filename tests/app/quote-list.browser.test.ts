import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile } from "../helpers/browser";

const base = () => inject("baseUrl");
const session = browserForThisFile();

const listedIds = (page: Page) => page.locator(".list-items > li").evaluateAll((items) => items.map((li) => li.id.replace(/^item-/, "")));

describe("quote lists in Chromium", () => {
  it("keeps the list in step across a reader's tabs, and starts afresh from what it cannot read", async () => {
    const first = await session.openPage("/voices/gulmira-karaganda");
    const context = first.context();
    // what another program (or an older version) left under the list's key
    await first.evaluate(() => localStorage.setItem("voices:quote-list", '{"not": "a list"'));
    await first.reload();
    await first.waitForLoadState("networkidle");
    const second = await context.newPage();
    const secondErrors: string[] = [];
    second.on("pageerror", (error) => secondErrors.push(error.message));
    await second.goto(`${base()}/?q=propaganda`);
    await second.waitForLoadState("networkidle");
    expect(await second.locator(".list-tray .tray-title").textContent()).toBe("Quote list (0 quotes)");

    const button = first.locator(".quote-figure").first().locator("button.add-to-list");
    await button.click();
    await expect.poll(() => button.getAttribute("aria-pressed"), { timeout: 15_000 }).toBe("true");
    // the other tab's tray follows, without a reload
    await expect.poll(() => second.locator(".list-tray .tray-title").textContent(), { timeout: 15_000 }).toBe("Quote list (1 quote)");
    expect([...first.errors, ...secondErrors]).toEqual([]);
    await context.close();
  });

  it("shows a search as quotes, each in its context with its speaker and source", async () => {
    const page = await session.visit("/?q=propaganda");
    await page.getByRole("navigation", { name: "Show results as" }).getByRole("link", { name: "Quotes" }).click();
    await page.waitForURL(/view=quotes/);
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toMatch(/^\d+ quotes by \d+ voices matching “propaganda”$/);
    const first = page.locator(".quote-result").first();
    expect(await first.locator("mark").first().textContent()).toMatch(/^propaganda$/i);
    expect(await first.locator(".kwic-side").count()).toBeGreaterThan(0);
    expect(await first.getByRole("link", { name: "Read it in the source" }).getAttribute("href")).toMatch(
      /^\/sources\/[a-z0-9-]+\?quote=([a-z0-9-]+)#quote-\1$/,
    );
    expect(page.errors).toEqual([]);
  });

  it("gathers three quotes from three pages, reorders them, and a colleague's browser exports exactly those, in that order", async () => {
    const page = await session.openPage("/");
    const context = page.context();
    const chosen: string[] = [];
    const addFirst = async (scope: string) => {
      await page.waitForLoadState("networkidle"); // the button works once the page is hydrated
      // the button's name changes once pressed, so hold on to it by place, not by name
      const button = page.locator(scope).first().locator("button.add-to-list");
      expect(await button.textContent()).toMatch(/^Add to list/);
      await button.click();
      await expect.poll(() => button.getAttribute("aria-pressed"), { timeout: 15_000 }).toBe("true");
    };
    // 1: the explorer's quote results
    await page.goto(`${base()}/?view=quotes&q=propaganda`);
    chosen.push((await page.locator(".quote-result h3").first().getAttribute("id"))!.replace(/^result-/, ""));
    await addFirst(".quote-result");
    // 2: a voice's page
    await page.goto(`${base()}/voices/gulmira-karaganda`);
    chosen.push("gulmira-karaganda-1");
    await addFirst(".quote-figure");
    // 3: compare
    await page.goto(`${base()}/compare?v=irina,rustem`);
    chosen.push("irina-1");
    await addFirst(".compare-quotes li");
    expect(await page.locator(".list-tray .tray-title").textContent()).toBe("Quote list (3 quotes)");

    await page.getByRole("link", { name: "Open the list" }).click();
    await page.waitForURL(/\/list\?/);
    expect(await listedIds(page)).toEqual(chosen);
    // the last quote moves to the top, by keyboard
    for (const expected of [
      [chosen[0], chosen[2], chosen[1]],
      [chosen[2], chosen[0], chosen[1]],
    ]) {
      await page.locator(`#item-${chosen[2]}`).getByRole("link", { name: "Move up" }).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => listedIds(page), { timeout: 15_000 }).toEqual(expected);
    }
    const order = [chosen[2]!, chosen[0]!, chosen[1]!];
    await page.locator(`#item-${chosen[0]} textarea`).fill("Compare with Gulmira");
    await page.getByRole("button", { name: "Save notes" }).click();
    await page.waitForURL(/note\./);
    const shared = (await page.locator(".share-url").textContent())!;
    await context.close();

    const theirs = await session.openPage(shared.slice(base().length), { acceptDownloads: true });
    const colleague = theirs.context();
    expect(await listedIds(theirs)).toEqual(order);
    expect(await theirs.getByText("You opened a list someone shared.").count()).toBe(1);
    await theirs.getByText("More export options").click();
    await theirs.getByLabel("Format").selectOption("csv");
    const [download] = await Promise.all([theirs.waitForEvent("download"), theirs.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quote-list-3-quotes-\d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?-\d{8}T\d{6}Z\.csv$/);
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, "utf8"), { columns: true });
    expect(rows.map((r) => r.quote_id)).toEqual(order);
    expect(rows.map((r) => r.note)).toEqual(["", "Compare with Gulmira", ""]);
    await colleague.close();
  });
});
