import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile } from "../helpers/browser";

const base = () => inject("baseUrl");
const session = browserForThisFile();

describe("export and citation in Chromium", () => {
  it("exports the filtered list as CSV from the explorer, with the rows the filters select", async () => {
    const page = await session.openPage("/?stance=pro_ukraine&kind=direct", { acceptDownloads: true });
    await page.getByText("More export options").click();
    await page.getByLabel("Format").selectOption("csv");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(
      /^voices-pro-ukraine-direct-quotes-\d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?-\d{8}T\d{6}Z\.csv$/,
    );
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, "utf8"), { columns: true });

    const expected = await (await fetch(`${base()}/api/quotes?stance=pro_ukraine&kind=direct&pageSize=100`)).json();
    expect(rows.map((r) => r.quote_id)).toEqual(expected.items.map((q: { id: string }) => q.id));
    expect(new Set(rows.map((r) => r.stance))).toEqual(new Set(["pro_ukraine"]));
    expect(rows[0]!.selection).toMatch(/who support Ukraine, with direct quotations$/);
    await page.context().close();
  });

  it("copies an APA citation from a voice page, as plain text and as rich text with the style's italics", async () => {
    const page = await session.openPage("/voices/gulmira-karaganda", { permissions: ["clipboard-read", "clipboard-write"] });
    const apa = page
      .locator(".cite-style")
      .filter({ has: page.getByRole("heading", { name: "APA 7" }) })
      .first();
    const shown = await apa.locator(".citation").first().textContent();
    await apa.getByRole("button", { name: "Copy the APA 7 reference to the article" }).click();
    await expect.poll(() => apa.getByRole("button", { name: "Copy the APA 7 reference to the article" }).textContent()).toMatch(/Copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    expect(copied).toMatch(/^Shapagat, A\., Samoilovich, M\., & Sorbello, P\. \(2022, March 23\)\. How Kazakhstan society is divided/);
    // the panel shows the periodical in italics, and the clipboard's HTML keeps them
    expect(await apa.locator(".citation i").first().textContent()).toBe("openDemocracy");
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item!.types.includes("text/html") ? (await item!.getType("text/html")).text() : null;
    });
    expect(html).toContain("<i>openDemocracy</i>");
    await page.context().close();
  });

  it("copies the BibTeX of a voice page's corpus entry, as the panel shows it", async () => {
    const page = await session.openPage("/voices/olga-kostanai", { permissions: ["clipboard-read", "clipboard-write"] });
    const panel = page.locator("details.cite[open]");
    await panel.getByText("BibTeX (biblatex): the article and this corpus entry").click();
    await panel.getByRole("button", { name: "Copy the BibTeX entries" }).click();
    await expect.poll(() => panel.getByRole("button", { name: "Copy the BibTeX entries" }).textContent()).toMatch(/Copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await panel.locator("pre.cite-source").first().textContent());
    expect(copied).toContain("@dataset{voices_olga_kostanai,");
    await page.context().close();
  });

  it("downloads a voice's citation as BibTeX", async () => {
    const page = await session.openPage("/voices/olga-kostanai", { acceptDownloads: true });
    const panel = page.locator("details.cite[open]");
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "BibTeX" }).click()]);
    const bib = readFileSync((await download.path())!, "utf8");
    expect(bib).toContain("@dataset{voices_olga_kostanai,");
    expect(bib).toContain("@article{opendemocracy_kazakhstan_divided,");
    await page.context().close();
  });
});
