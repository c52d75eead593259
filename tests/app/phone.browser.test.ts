import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startBrowserSession, type BrowserSession, DESK, PHONE } from "../helpers/browser";

// The pages on a phone (390 × 844, as a recent iPhone): the explorer's filter panel, the
// first quote on a voice page, the compare table's fixed column.

let session: BrowserSession;
const base = () => inject("baseUrl");

beforeAll(async () => {
  session = await startBrowserSession(base());
});
afterAll(async () => {
  await session?.close();
});

async function api(path: string) {
  return (await fetch(`${base()}${path}`)).json();
}

describe("the explorer's filters on a phone", () => {
  it("open as a panel over the page, and 'Show N results' lands on the filtered results", async () => {
    const page = await session.openPage("/", { viewport: PHONE });
    await page.locator(".explorer[data-enhanced]").waitFor();
    const filters = page.locator("details.filters");
    await expect.poll(() => filters.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await filters.locator("summary").click();
    // the panel covers the screen, so the filters are where the thumb is
    const panel = (await filters.boundingBox())!;
    expect(panel.y).toBe(0);
    expect(panel.height).toBe(PHONE.height);

    await page
      .getByRole("group", { name: "Stance" })
      .getByRole("checkbox", { name: /Supports neutrality/ })
      .check();
    await page.waitForURL(/stance=neutral/);
    const { total } = await api("/api/voices?stance=neutral");
    const show = page.getByRole("button", { name: `Show ${total} ${total === 1 ? "result" : "results"}` });
    await expect.poll(() => show.isVisible()).toBe(true);
    const button = (await show.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(PHONE.height);

    await show.click();
    await expect.poll(() => filters.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const heading = page.locator("#results-heading");
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`^${total} voices who support neutrality$`));
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeLessThan(PHONE.height / 2);
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const firstCard = (await page.locator(".voice-card").first().boundingBox())!;
    expect(firstCard.y).toBeLessThan(PHONE.height);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it("close with Escape, back to the button that opened them", async () => {
    const page = await session.openPage("/", { viewport: PHONE });
    await page.locator(".explorer[data-enhanced]").waitFor();
    const filters = page.locator("details.filters");
    await filters.locator("summary").click();
    await page
      .getByRole("group", { name: "Stance" })
      .getByRole("checkbox", { name: /Supports Russia/ })
      .focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => filters.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await page.context().close();
  });

  it("stay an ordinary sidebar at a desk, with no 'Show N results' button", async () => {
    const page = await session.openPage("/", { viewport: DESK });
    expect(await page.locator("details.filters").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.getByRole("button", { name: /^Show \d+ results?$/ }).isVisible()).toBe(false);
    await page.context().close();
  });
});

describe("a voice page on a phone", () => {
  it("shows the first quote above the fold", async () => {
    const page = await session.openPage("/voices/gulmira-karaganda", { viewport: PHONE });
    const quote = (await page.locator(".quote-list .quote").first().boundingBox())!;
    expect(quote.y).toBeGreaterThan(0);
    expect(quote.y + Math.min(quote.height, 48)).toBeLessThanOrEqual(PHONE.height);
    await page.context().close();
  });

  it("shows an evidence sentence that states several facts once, naming them", async () => {
    const voice = await api("/api/voices/gulmira-karaganda");
    const texts: string[] = voice.evidence.map((e: { text: string }) => e.text);
    // the case this is about: one sentence behind several facts
    expect(new Set(texts).size).toBeLessThan(texts.length);
    const page = await session.visit("/voices/gulmira-karaganda");
    const section = page.getByRole("region", { name: "What the source states" });
    const shown = await section.locator(".evidence q").allTextContents();
    expect(shown.sort()).toEqual([...new Set(texts)].sort());
    const line = await section.locator(".evidence").first().textContent();
    for (const e of voice.evidence as { attribute: string }[]) expect(line!.toLowerCase()).toContain(e.attribute);
  });
});

describe("compare on a phone", () => {
  it("keeps the attribute column fixed while the voices scroll sideways", async () => {
    const page = await session.openPage("/compare?v=gulmira-karaganda,olga-kostanai,rustem,irina", { viewport: PHONE });
    const scroller = page.locator(".compare-scroll");
    const attribute = page.getByRole("rowheader", { name: /^Stance/ });
    const lastVoice = page.getByRole("columnheader").last();
    const before = { attribute: (await attribute.boundingBox())!, voice: (await lastVoice.boundingBox())! };
    const room = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(room).toBeGreaterThan(100); // it does scroll
    await scroller.evaluate((el) => el.scrollTo({ left: 200 }));
    await expect.poll(async () => Math.abs((await lastVoice.boundingBox())!.x - (before.voice.x - 200))).toBeLessThanOrEqual(1);
    const after = (await attribute.boundingBox())!;
    expect(Math.abs(after.x - before.attribute.x)).toBeLessThanOrEqual(1); // a collapsed border's half pixel
    // the fixed column is painted over the cells that pass under it
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("th")?.textContent ?? "", {
      x: after.x + 10,
      y: after.y + after.height / 2,
    });
    expect(hit).toMatch(/^Stance/);
    await page.context().close();
  });
});
