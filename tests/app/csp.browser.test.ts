import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startBrowserSession, type BrowserSession } from "../helpers/browser";

let session: BrowserSession;

beforeAll(async () => {
  // every document records what the policy blocks
  session = await startBrowserSession(inject("baseUrl"), {
    initScript: () => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    },
  });
});
afterAll(async () => {
  await session?.close();
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
    const page = await session.visit(path);
    await page.waitForLoadState("networkidle");
    // Next's client runtime ran (it was allowed by the nonce) and a client component reacts
    await expect
      .poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version))
      .toBe("string");
    const tray = page.getByRole("complementary", { name: "Compare tray" });
    // as another tab adding a voice to the tray would
    await page.evaluate(() => {
      localStorage.setItem("voices:compare", JSON.stringify([{ slug: "irina", name: "Irina" }]));
      window.dispatchEvent(new StorageEvent("storage", { key: "voices:compare", storageArea: localStorage }));
    });
    await expect.poll(() => tray.textContent()).toMatch(/Compare \(1\/4\)Irina/);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
