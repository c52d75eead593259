import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { STANCE_LABELS } from "@/lib/vocabulary";
import { findAccessibilityViolations, startBrowserSession, type BrowserSession } from "../helpers/browser";

let session: BrowserSession;
const base = () => inject("baseUrl");
const SOURCE = "/sources/opendemocracy-kazakhstan-divided";

beforeAll(async () => {
  session = await startBrowserSession(base());
});
afterAll(async () => {
  await session?.close();
});

type SourceJson = { documents: { isPrimary: boolean; runs: { quote: { id: string; voiceName: string } | null }[] }[] };

/** The primary copy's quotes in reading order, with their speakers, as the API reports them. */
async function quotesOfPrimary(): Promise<{ id: string; voiceName: string }[]> {
  const source: SourceJson = await (await fetch(`${base()}/api${SOURCE}`)).json();
  return source.documents
    .find((d) => d.isPrimary)!
    .runs.flatMap((r) => (r.quote ? [r.quote] : []))
    .filter((q, i, all) => all.findIndex((o) => o.id === q.id) === i);
}

/** The text of the focused link; "" when no link has focus (the body's text would match anything). */
const focusedName = (page: Page) =>
  page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.innerText : ""));

describe("a source page in Chromium", () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])("shows the document's Markdown as formatted text with no syntax visible, at %ix%i", async (width, height) => {
    const page = await session.openPage(SOURCE, { viewport: { width, height } });
    const seen = await page.locator("main").innerText();
    for (const syntax of ["**", "## ", "[gathered](#)", "](#)", "***"]) expect(seen).not.toContain(syntax);
    expect(seen).not.toMatch(/^\s*---\s*$/m);
    expect(seen).toContain("when more than 1,500 people gathered in Almaty");

    const text = page.locator(".document-text").first();
    await expect
      .poll(() => text.getByRole("heading", { level: 3 }).first().textContent())
      .toBe("How Kazakhstan society is divided over the Russia-Ukraine war");
    expect(await text.getByRole("heading", { name: "In support of Russia" }).count()).toBe(1);
    expect(await text.getByRole("listitem").filter({ hasText: "Protesting against the war" }).count()).toBe(1);
    expect(await text.locator("blockquote.pull-quote").count()).toBe(2);
    expect(await text.locator("strong").count()).toBeGreaterThan(0);
    // [gathered](#) points nowhere: it is text, not a link
    expect(await text.getByRole("link", { name: "gathered", exact: true }).count()).toBe(0);
    // nothing runs off the side of a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.context().close();
  });

  it("labels every highlight with its speaker and stance", async () => {
    const quotes = await quotesOfPrimary();
    expect(quotes.length).toBeGreaterThan(20);
    const page = await session.visit(SOURCE);
    const text = page.locator(".document-text").first();
    const marked = await text.locator("mark.quote").evaluateAll((marks) => marks.map((m) => (m as HTMLElement).dataset.quote!));
    expect([...new Set(marked)]).toEqual(quotes.map((q) => q.id));
    const stances = Object.values(STANCE_LABELS);
    for (const quote of quotes) {
      const tag = (await text.locator(`.quote-tag[data-quote="${quote.id}"]`).innerText()).replace(/\s+/g, " ");
      expect(tag, quote.id).toContain(quote.voiceName);
      expect(
        stances.some((s) => tag.includes(s)),
        `${quote.id}: ${tag}`,
      ).toBe(true);
    }
    // the legend explains every stance colour the text uses
    const legend = await page.getByRole("list", { name: "Highlight colours" }).innerText();
    for (const cls of new Set(
      await text.locator("mark.quote").evaluateAll((ms) => ms.map((m) => m.className.match(/stance-mark-(\w+)/)![1]!)),
    )) {
      expect(legend).toContain(STANCE_LABELS[cls as keyof typeof STANCE_LABELS]);
    }
  });

  it("moves to the next and the previous quote with the keyboard", async () => {
    const [first, second, third] = await quotesOfPrimary();
    const page = await session.visit(SOURCE);
    await page.getByRole("link", { name: "Go to the first quote" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === `#quote-${first!.id}`);

    // Tab from the quote reached to its "next" link
    const pressTabUntil = async (name: RegExp) => {
      for (let i = 0; i < 6 && !name.test(await focusedName(page)); i++) await page.keyboard.press("Tab");
      expect(await focusedName(page)).toMatch(name);
    };
    await pressTabUntil(/Next quote, by/);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === `#quote-${second!.id}`);
    await expect.poll(() => page.locator(`#quote-${second!.id}`).evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await page.locator(`#quote-${second!.id}`).isVisible()).toBe(true);

    await pressTabUntil(/Next quote, by/);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === `#quote-${third!.id}`);

    await pressTabUntil(/Previous quote, by/);
    expect(await focusedName(page)).toContain(second!.voiceName);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === `#quote-${second!.id}`);
  });

  it("shows one speaker's quotes without JavaScript, and the way back to everyone", async () => {
    const page = await session.openPage(SOURCE, { javaScriptEnabled: false });
    await page.getByLabel("Show one speaker’s quotes").selectOption({ label: "Olga" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((url) => url.searchParams.get("speaker") === "olga-kostanai");
    expect(await page.getByText(/Showing 2 quotes by Olga; the others are dimmed\./).count()).toBe(1);
    const text = page.locator(".document-text").first();
    const bright = await text
      .locator("mark.quote:not(.quote-dimmed)")
      .evaluateAll((ms) => [...new Set(ms.map((m) => (m as HTMLElement).dataset.quote))]);
    expect(bright).toEqual(["olga-kostanai-1", "olga-kostanai-2"]);
    expect(await text.locator(".quote-nav").count()).toBe(2);

    await page.getByRole("link", { name: "Show every speaker" }).click();
    await page.waitForURL((url) => !url.searchParams.has("speaker"));
    expect(await text.locator("mark.quote.quote-dimmed").count()).toBe(0);
    await page.context().close();
  });

  it("says so when the speaker in the URL is quoted nowhere in the text", async () => {
    const page = await session.visit(`${SOURCE}?speaker=no-such-voice`);
    expect(await page.getByRole("status").filter({ hasText: "No one quoted in this text" }).count()).toBe(1);
    expect(await page.locator(".document-text mark.quote-dimmed").count()).toBe(0);
  });

  // the source page with everyone is checked in accessibility.browser.test.ts
  it.each([`${SOURCE}?speaker=olga-kostanai`, "/sources/window-on-eurasia-kazakhstan-opposes-war"])(
    "has no accessibility violations (axe) on %s",
    async (path) => {
      const page = await session.visit(path);
      expect(await findAccessibilityViolations(page)).toEqual([]);
      expect(page.errors).toEqual([]);
    },
  );
});
