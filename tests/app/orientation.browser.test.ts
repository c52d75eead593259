import { describe, expect, inject, it } from "vitest";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { CORPUS_LICENCE } from "@/lib/meta/corpus-licence";
import { STANCE_DESCRIPTIONS, STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import { browserForThisFile, SCREEN_SIZES } from "../helpers/browser";
import { DATA_DIR } from "../helpers/paths";

// What a first-time visitor needs to find their way: the home page's one sentence, the
// About page (built from the corpus files), and API docs a person can read.

const base = () => inject("baseUrl");
const session = browserForThisFile();

describe.each(SCREEN_SIZES)("orientation (%s)", (_, viewport) => {
  it("says on the home page, in one sentence above the results, what this is, and links to About", async () => {
    const page = await session.openPage("/", { viewport });
    const intro = page.locator("main .intro");
    const meta = await (await fetch(`${base()}/api/meta`)).json();
    const text = (await intro.textContent())!;
    expect(text).toContain(`${meta.counts.voices} people`);
    expect(text.match(/[.!?](\s|$)/g)).toHaveLength(1);
    const intoView = (await intro.boundingBox())!;
    expect(intoView.y + intoView.height).toBeLessThanOrEqual(viewport.height);
    await intro.getByRole("link").click();
    await page.waitForURL(/\/about$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("About this corpus");
    await page.context().close();
  });

  it("opens readable API docs from the API link, rendered from the OpenAPI document", async () => {
    const page = await session.openPage("/", { viewport });
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "API" }).click();
    await page.waitForURL(/\/api-docs$/);
    const document = await (await fetch(`${base()}/api/openapi.json`)).json();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(document.info.title);
    for (const [route, methods] of Object.entries(document.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const section = page.getByRole("region", { name: `${method.toUpperCase()} ${route}`, exact: true });
        expect(await section.count(), route).toBe(1);
        const names = await section.locator("tbody th code").allTextContents();
        expect(names).toEqual((operation.parameters ?? []).map((p) => p.name));
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.context().close();
  });
});

describe("the About page", () => {
  it("lists every person reviewed and left out, with the reason, from the corpus files", async () => {
    const corpus = await loadCorpus(DATA_DIR);
    const page = await session.visit("/about");
    const section = page.getByRole("region", { name: "People reviewed and left out" });
    const rows = await section.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const expected = corpus.sources.flatMap((s) => s.data.excluded.map((e) => [e.who, e.why]));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
    for (const source of corpus.sources) expect(await section.getByRole("link", { name: source.data.title }).count()).toBe(1);
    // the files are the ones the served database was built from: no notice says otherwise
    expect(await section.getByText("are not the ones the database was built from").count()).toBe(0);
  });

  it("explains the four stances, what the corpus is and is not, the licence and how to cite", async () => {
    const page = await session.visit("/about");
    const stance = page.getByRole("region", { name: "How stance is judged" });
    for (const s of STANCES) {
      expect(await stance.getByText(STANCE_LABELS[s], { exact: true }).count()).toBe(1);
      expect(await stance.getByText(STANCE_DESCRIPTIONS[s]).count()).toBe(1);
    }
    expect(await page.getByRole("region", { name: "Articles, not Kazakhstan" }).textContent()).toMatch(/not a sample of Kazakhstan/);
    expect(await page.getByRole("region", { name: "How voices were chosen" }).count()).toBe(1);
    const licence = await page.getByRole("region", { name: "Licence" }).textContent();
    expect(licence).toMatch(/publishers/);
    expect(licence).toContain(CORPUS_LICENCE.name); // the annotations' licence, as the release downloads declare it
    const meta = await (await fetch(`${base()}/api/meta`)).json();
    expect(await page.getByRole("region", { name: "How to cite" }).textContent()).toContain(meta.version);
    expect(page.errors).toEqual([]);
  });
});
