import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, SCREEN_SIZES } from "../helpers/browser";

// The explorer by keyboard and through the browser's history, at a desk's size and a
// phone's: focus, the skip link, Back, clean URLs, what a screen reader hears for a count,
// titles, page sizes, and the export and API links of the view.

const base = () => inject("baseUrl");
const session = browserForThisFile();

const cardNames = (page: Page) => page.locator(".voice-card h3").allTextContents();
const heading = (page: Page) => page.locator("#results-heading");
const activeLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? `${el.tagName} ${el.name ?? ""}=${el.value ?? ""}` : "none";
  });

async function api(path: string) {
  return (await fetch(`${base()}${path}`)).json();
}

/** The explorer once its script runs: before that, a change would submit the form as a page load. */
async function explorer(path: string, viewport: { width: number; height: number }) {
  const page = await session.openPage(path, { viewport });
  await page.locator(".explorer[data-enhanced]").waitFor();
  return page;
}

/** On a phone the filters are folded: open them as a person would. */
async function openFilters(page: Page) {
  const filters = page.locator("details.filters");
  if (!(await filters.evaluate((el) => (el as HTMLDetailsElement).open))) await filters.locator("summary").click();
}

describe.each(SCREEN_SIZES)("the explorer by keyboard and history (%s)", (_, viewport) => {
  it("keeps focus on a facet's checkbox ticked with Space, once the results have changed", async () => {
    const page = await explorer("/", viewport);
    await openFilters(page);
    const checkbox = page.getByRole("group", { name: "Stance" }).getByRole("checkbox", { name: /Supports neutrality/ });
    await checkbox.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/stance=neutral/);
    await expect.poll(() => heading(page).textContent()).toMatch(/who support neutrality$/);
    expect(await checkbox.isChecked()).toBe(true);
    expect(await activeLabel(page)).toBe("INPUT stance=neutral");
    // and the next Space unticks it, still in place
    await page.keyboard.press("Space");
    await page.waitForURL((url) => !url.search.includes("stance"));
    await expect.poll(() => heading(page).textContent()).toMatch(/^\d+ voices$/);
    expect(await activeLabel(page)).toBe("INPUT stance=neutral");
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it("undoes the last filter change with Back, and puts no default values in the URL", async () => {
    const page = await explorer("/", viewport);
    await openFilters(page);
    await page
      .getByRole("group", { name: "Stance" })
      .getByRole("checkbox", { name: /Supports neutrality/ })
      .check();
    await page.waitForURL(/stance=neutral/);
    await page
      .getByRole("group", { name: "City" })
      .getByRole("checkbox", { name: /Karaganda/ })
      .check();
    await page.waitForURL(/city=karaganda/);
    // only what was chosen: no sort=relevance, view=voices or pageSize=10
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(["stance", "city"]);

    await page.goBack();
    await page.waitForURL((url) => url.search === "?stance=neutral");
    await expect.poll(() => heading(page).textContent()).toMatch(/who support neutrality$/);
    const karaganda = page.getByRole("group", { name: "City" }).getByRole("checkbox", { name: /Karaganda/ });
    await expect.poll(() => karaganda.isChecked()).toBe(false);
    expect(await cardNames(page)).toEqual((await api("/api/voices?stance=neutral")).items.map((i: { name: string }) => i.name));

    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "");
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: "Stance" })
          .getByRole("checkbox", { name: /Supports neutrality/ })
          .isChecked(),
      )
      .toBe(false);
    await page.goForward();
    await page.waitForURL((url) => url.search === "?stance=neutral");
    await page.context().close();
  });

  it("reads each facet count with its unit, as the API counts it", async () => {
    const page = await explorer("/", viewport);
    await openFilters(page);
    const { facets } = await api("/api/voices");
    for (const value of facets.stance as { label: string; count: number }[]) {
      const name = `${value.label} ${value.count} ${value.count === 1 ? "voice" : "voices"}`;
      expect(await page.getByRole("checkbox", { name, exact: true }).count(), name).toBe(1);
    }
    await page.goto(`${base()}/?view=quotes`);
    await page.locator(".explorer[data-enhanced]").waitFor();
    const quotes = await api("/api/quotes");
    const first = quotes.facets.stance[0] as { label: string; count: number };
    await openFilters(page);
    const name = `${first.label} ${first.count} ${first.count === 1 ? "quote" : "quotes"}`;
    expect(await page.getByRole("checkbox", { name, exact: true }).count()).toBe(1);
    // no aria-label on an element without a role
    expect(await page.locator("span[aria-label]").count()).toBe(0);
    await page.context().close();
  });

  it("skips to the results from the top of the page", async () => {
    const page = await explorer("/?stance=neutral&city=karaganda", viewport);
    // past the site's header with its own skip link, then the explorer's first stop
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to results");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    const box = await heading(page).boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);

    // from there the CSV of these results is a few keys away, not 65
    let tabs = 0;
    while (tabs < 30 && (await page.evaluate(() => document.activeElement?.textContent)) !== "CSV") {
      await page.keyboard.press("Tab");
      tabs += 1;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toMatch(
      /stance=neutral&city=karaganda.*format=csv/,
    );
    expect(tabs).toBeLessThanOrEqual(5);
    await page.context().close();
  });

  it("names the page after its search and filters, and changes the title with them", async () => {
    const page = await explorer("/", viewport);
    expect(await page.title()).toBe("Explore the voices · Voices");
    await page.getByLabel("Search quotes, names, occupations and places").fill("Russia");
    await page.waitForURL(/q=Russia/);
    await expect.poll(() => heading(page).textContent()).toMatch(/matching “Russia”$/);
    const described = (await heading(page).textContent())!;
    await expect.poll(() => page.title()).toBe(`${described.charAt(0).toUpperCase()}${described.slice(1)} · Voices`);
    await page.context().close();
  });

  it("offers a page size, kept in the URL and in the API address", async () => {
    const page = await explorer("/", viewport);
    // the default is ten (decision 026): the corpus's 28 voices fill a page of twenty
    await expect.poll(() => page.locator(".voice-card").count()).toBe(10);
    await page.getByLabel("Per page").selectOption("20");
    await page.waitForURL(/pageSize=20/);
    await expect.poll(() => page.locator(".voice-card").count()).toBe(20);
    await expect.poll(() => page.locator(".api-url code").textContent()).toBe(`${base()}/api/voices?pageSize=20`);
    await expect.poll(() => page.getByRole("navigation", { name: "Pages of results" }).textContent()).toMatch(/Page 1 of \d+/);
    await page.context().close();
  });
});

describe("a list view's downloads and API address", () => {
  it.each([
    ["/?stance=neutral&city=karaganda", "/api/voices", "voices"],
    ["/?view=quotes&stance=pro_ukraine&sort=name", "/api/quotes", "quotes"],
  ])("on %s: the API address answers the same items, and the downloads the same selection", async (path, endpoint, shape) => {
    const page = await session.visit(path);
    const address = (await page.locator(".api-url code").textContent())!;
    expect(address.startsWith(`${base()}${endpoint}?`)).toBe(true);
    const body = await (await fetch(address)).json();
    if (shape === "voices") {
      expect(body.items.map((i: { name: string }) => i.name)).toEqual(await cardNames(page));
    } else {
      const shown = await page.locator(".quote-result h3").evaluateAll((els) => els.map((el) => el.id.replace(/^result-/, "")));
      expect(body.items.map((i: { id: string }) => i.id)).toEqual(shown);
    }
    expect(body.items.length).toBeGreaterThan(0);

    const csv = page.getByRole("link", { name: "CSV", exact: true });
    const href = new URL((await csv.getAttribute("href"))!, base());
    expect(href.pathname).toBe("/api/export");
    expect(href.searchParams.get("shape")).toBe(shape);
    for (const [key, value] of new URL(path, base()).searchParams)
      if (key !== "view" && key !== "sort") expect(href.searchParams.getAll(key)).toContain(value);
    const download = await fetch(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("charts the explorer's results with its filters kept", async () => {
    const page = await session.visit("/?stance=neutral&city=karaganda&sort=name");
    const described = await heading(page).textContent();
    await page.getByRole("link", { name: "Chart these results" }).click();
    await page.waitForURL(/\/insights\?/);
    const params = new URL(page.url()).searchParams;
    expect(params.getAll("stance")).toEqual(["neutral"]);
    expect(params.getAll("city")).toEqual(["karaganda"]);
    expect(await page.locator(".results-sentence").textContent()).toContain(`Figures for ${described}.`);
    // after a client-side navigation the title follows the page's content, a moment later
    await expect.poll(() => page.title()).toBe(`Insights: ${described} · Voices`);
  });
});
