import { existsSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

// Playwright cannot download its browsers here, so the tests drive Debian's Chromium.
// Without it they fail, loudly: a browser test that cannot run must not pass.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      // without a GPU, compositing in software costs a sixth of the browser's CPU and shows nothing new
      "--disable-gpu-compositing",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that records the errors it throws or logs. */
export type WatchedPage = Page & { errors: string[] };

function watch(page: Page): WatchedPage {
  const watched = Object.assign(page, { errors: [] as string[] });
  page.on("pageerror", (e) => watched.errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && watched.errors.push(m.text()));
  return watched;
}

export type BrowserSession = {
  browser: Browser;
  /**
   * The test file's one page, at `path` as a first-time visitor would see it: storage and
   * cookies cleared, no errors recorded. A new page starts a renderer process, about a
   * second of CPU here, which was most of what the browser tests cost; a test that needs
   * other settings or a second visitor takes a context of its own (openPage).
   */
  visit(path: string): Promise<WatchedPage>;
  /** A page at `path` in a new context of its own; the test closes it (page.context().close()). */
  openPage(path: string, options?: BrowserContextOptions): Promise<WatchedPage>;
  close(): Promise<void>;
};

const VIEWPORT = { width: 1280, height: 900 };

/** The two screens every page is checked at: a desk's and a phone's. */
export const DESK = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREEN_SIZES = [
  ["desk", DESK],
  ["phone", PHONE],
] as const;

/** One Chromium per test file, on the app at `baseUrl`; `initScript` runs in every document of the shared page. */
export async function startBrowserSession(baseUrl: string, options: { initScript?: () => void } = {}): Promise<BrowserSession> {
  const browser = await launchBrowser();
  let shared: WatchedPage | undefined;
  return {
    browser,
    async visit(path) {
      if (!shared) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        if (options.initScript) await context.addInitScript(options.initScript);
        shared = watch(await context.newPage());
      } else {
        await shared.context().clearCookies();
        if (shared.url().startsWith(baseUrl)) await shared.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
        shared.errors.length = 0;
      }
      await shared.goto(baseUrl + path);
      return shared;
    },
    async openPage(path, contextOptions = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
      const page = watch(await context.newPage());
      await page.goto(baseUrl + path);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * axe-core's violations on the page as it stands, one line each ("id: help (nodes)").
 * Legacy mode runs axe in the page itself instead of merging per-frame results in a blank
 * page it opens each time (a renderer start, about a second of CPU); our pages have no
 * frames, so the rules and their results are the same.
 */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/**
 * The test file's browser on the served app: started before its tests, closed after them.
 * Call it once at the top of a browser test file; the session it returns is usable in tests.
 */
export function browserForThisFile(options: { initScript?: () => void } = {}): BrowserSession {
  let started: BrowserSession | undefined;
  beforeAll(async () => {
    started = await startBrowserSession(inject("baseUrl"), options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const session = () => {
    if (!started) throw new Error("the browser session is used outside a test (it starts in beforeAll)");
    return started;
  };
  return {
    get browser() {
      return session().browser;
    },
    visit: (path) => session().visit(path),
    openPage: (path, contextOptions) => session().openPage(path, contextOptions),
    close: () => session().close(),
  };
}
