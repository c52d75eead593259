import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SURVEY_COMPARISON_MIN } from "@/lib/insights/build-insights";
import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import { browserForThisFile, SCREEN_SIZES } from "../helpers/browser";

// The insights page as drawn in Chromium, at a desk's size and a phone's: where the map's
// labels and pies land (their boxes as the browser lays them out), the map's key and
// counts, and the charts' axes, values and labels.

const base = () => inject("baseUrl");
const session = browserForThisFile();

type Rect = { x: number; y: number; width: number; height: number };
type Drawn = { name: string; label: Rect; fontSize: number; pie: { cx: number; cy: number; r: number } };

/** Every city on the map that is shown, as laid out on screen. */
function drawnCities(page: Page): Promise<Drawn[]> {
  return page.locator("svg.map-svg").evaluateAll((svgs) => {
    const shown = (svgs as SVGSVGElement[]).filter((svg) => getComputedStyle(svg).display !== "none");
    if (shown.length !== 1) throw new Error(`${shown.length} maps shown`);
    return [...shown[0]!.querySelectorAll(".map-city")].map((city) => {
      const text = city.querySelector(".city-name")!;
      const ring = city.querySelector(".city-ring")!.getBoundingClientRect();
      const r = text.getBoundingClientRect();
      return {
        name: text.textContent ?? "",
        label: { x: r.x, y: r.y, width: r.width, height: r.height },
        fontSize: parseFloat(getComputedStyle(text).fontSize) * (shown[0]!.getBoundingClientRect().width / shown[0]!.viewBox.baseVal.width),
        pie: { cx: ring.x + ring.width / 2, cy: ring.y + ring.height / 2, r: ring.width / 2 },
      };
    });
  });
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const meets = (c: { cx: number; cy: number; r: number }, b: Rect) => {
  const nx = Math.max(b.x, Math.min(c.cx, b.x + b.width));
  const ny = Math.max(b.y, Math.min(c.cy, b.y + b.height));
  return (c.cx - nx) ** 2 + (c.cy - ny) ** 2 < c.r ** 2;
};

async function api(path: string) {
  return (await fetch(`${base()}${path}`)).json();
}

describe.each(SCREEN_SIZES)("the insights map (%s)", (_, viewport) => {
  it("labels every city with its count, no label over another label or over a pie", async () => {
    const page = await session.openPage("/insights", { viewport });
    const cities = await drawnCities(page);
    const { facets } = await api("/api/voices?country=Kazakhstan");
    const expected = (facets.city as { value: string; label: string; count: number }[])
      .filter((c) => c.count > 0 && c.value !== "unknown")
      .map((c) => `${c.label} (${c.count})`);
    expect(cities.map((c) => c.name).sort()).toEqual(expected.sort());
    for (const a of cities) {
      for (const b of cities) {
        if (a !== b) expect(overlap(a.label, b.label), `${a.name} over ${b.name}`).toBe(false);
        expect(meets(b.pie, a.label), `${a.name} over the pie of ${b.name}`).toBe(false);
      }
    }
    await page.context().close();
  });

  it("is legible and tappable: labels of at least 11 px, pies at least 24 px across", async () => {
    const page = await session.openPage("/insights", { viewport });
    for (const city of await drawnCities(page)) {
      expect(city.fontSize, city.name).toBeGreaterThanOrEqual(11);
      expect(city.pie.r * 2, city.name).toBeGreaterThanOrEqual(24);
    }
    // a tap on a pie opens its city
    const almaty = page.getByRole("link", { name: /^Almaty: \d+ voices?/ });
    await almaty.locator(".city-pie").click();
    await page.waitForURL(/\/\?city=almaty$/);
    await page.context().close();
  });

  it("has a legend of its own and a key to the pies' sizes", async () => {
    const page = await session.openPage("/insights", { viewport });
    const map = page.locator("figure.map");
    const legend = await map.getByRole("list", { name: "Colours" }).locator("li").allTextContents();
    expect(legend.map((l) => l.trim())).toEqual(STANCES.map((s) => STANCE_LABELS[s]));
    const key = map.locator("svg.map-svg .size-key").filter({ visible: true });
    expect(await key.locator(".size-key-title").textContent()).toMatch(/voices per city/);
    const values = (await key.locator(".size-key-value").allTextContents()).map(Number);
    const largest = Math.max(...(await drawnCities(page)).map((c) => Number(/\((\d+)\)$/.exec(c.name)![1])));
    expect(values.at(-1)).toBe(largest);
    const radii = await key.locator(".size-key-circle").evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width));
    expect([...radii].sort((a, b) => a - b)).toEqual(radii);
    await page.context().close();
  });
});

describe.each(SCREEN_SIZES)("the insights charts (%s)", (_, viewport) => {
  it("give every chart an axis with numbers and a title, and values on the bars", async () => {
    const page = await session.openPage("/insights", { viewport });
    const charts = page.locator("figure.chart");
    expect(await charts.count()).toBe(4);
    for (const chart of await charts.all()) {
      const ticks = await chart.locator(".axis-tick").allTextContents();
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks[0]).toMatch(/^0%?$/);
      expect(await chart.locator(".axis-title").textContent()).toMatch(/\w/);
      expect(await chart.locator(".bar-value").count()).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  it("print each group's whole label, as in the data table, on one screen's width", async () => {
    const page = await session.openPage("/insights", { viewport });
    for (const chart of await page.locator("figure.chart").all()) {
      const labels = await chart.locator(".bar-label").allTextContents();
      const table = await chart.locator(".chart-data tbody th").allTextContents();
      expect(labels).toEqual(table);
      const clipped = await chart.locator(".bar-label").evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).length);
      expect(clipped).toBe(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.context().close();
  });

  it("print the percentages on the corpus-versus-survey chart", async () => {
    const page = await session.openPage("/insights", { viewport });
    const chart = page.locator("figure.chart").filter({ hasText: "Demoscope" });
    const rows = await chart.locator(".chart-data tbody tr").all();
    const shares = await chart.locator(".bar-shares").allTextContents();
    expect(shares).toHaveLength(rows.length);
    for (const [i, row] of rows.entries()) {
      const cells = await row.locator("td").allTextContents();
      STANCES.forEach((s, j) => expect(shares[i]).toContain(`${STANCE_LABELS[s]} ${cells[j]}`));
      expect(cells.every((c) => /^\d+%$/.test(c))).toBe(true);
    }
    await page.context().close();
  });
});

describe("the insights page's words and controls", () => {
  it.each(["/insights?city=kyiv", "/insights?stance=neutral", "/insights"])(
    "says “voice” for one and warns when %s is too small to compare",
    async (path) => {
      const page = await session.visit(path);
      const { total } = await api(`/api/voices${path.slice("/insights".length)}`);
      const text = (await page.locator("main").textContent())!;
      expect(text).not.toMatch(/\b1 voices\b/);
      const note = page.getByRole("note").filter({ hasText: "too few to set beside a national survey" });
      expect(await note.count()).toBe(total < SURVEY_COMPARISON_MIN ? 1 : 0);
    },
  );

  it("says so, instead of drawing an empty map, when no voice in the selection is placed in Kazakhstan", async () => {
    const { facets } = await api("/api/voices?city=kyiv");
    expect(facets.country.find((c: { value: string }) => c.value === "Kazakhstan")?.count ?? 0).toBe(0);
    const page = await session.visit("/insights?city=kyiv");
    const map = page.getByRole("region", { name: "Map" });
    expect(await map.locator("svg.map-svg").count()).toBe(0);
    expect(await map.textContent()).toMatch(/No voice in this selection is placed in a city in Kazakhstan/);
    expect(await page.getByRole("complementary", { name: "Not on this map" }).textContent()).toMatch(/Kyiv, Ukraine \(\d+\)/);
  });

  it("covers both sides of the small-selection note in the cases above", async () => {
    expect((await api("/api/voices?city=kyiv")).total).toBeLessThan(SURVEY_COMPARISON_MIN);
    expect((await api("/api/voices")).total).toBeGreaterThanOrEqual(SURVEY_COMPARISON_MIN);
  });

  it("applies the row choice as soon as it changes, keeping the filters and the focus", async () => {
    const page = await session.visit("/insights?stance=neutral");
    // once the page's script runs, the choice applies itself and its button goes
    await expect.poll(() => page.getByRole("button", { name: "Show", exact: true }).isVisible()).toBe(false);
    const rows = page.getByLabel("Rows");
    await rows.focus();
    await page.keyboard.press("ArrowDown"); // from the first choice, Age, to the next
    await page.waitForURL(/row=city/);
    expect(new URL(page.url()).searchParams.getAll("stance")).toEqual(["neutral"]);
    await expect.poll(() => page.locator("table.matrix thead th").first().textContent()).toBe("City");
    expect(await rows.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator("table.matrix thead th").first().textContent()).toBe("Age");
    expect(await rows.inputValue()).toBe("ageBand");
  });

  it("still offers the row choice's button without JavaScript", async () => {
    const page = await session.openPage("/insights", { javaScriptEnabled: false });
    await page.getByLabel("Rows").selectOption("role");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/row=role/);
    expect(await page.locator("table.matrix thead th").first().textContent()).toBe("Role");
    await page.context().close();
  });
});
