import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseRis } from "astrocite-ris";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CslItem } from "@/lib/citation/csl-items";
import { escapeLatex, formatBiblatex } from "@/lib/citation/format-biblatex";
import { formatRis } from "@/lib/citation/format-ris";
import type { Database } from "@/lib/db/create-prisma-client";
import { parseExportRequest } from "@/lib/export/export-request";
import { startExport } from "@/lib/export/write-export";
import { buildEveryCorpusItem } from "../helpers/corpus-items";
import { makeTempDir } from "../helpers/paths";
import { copyBaseDatabase } from "../helpers/base-database";

// Every format for reference managers, read back by an independent tool: biber validates
// biblatex against its data model, astrocite-ris (an npm RIS parser that is not ours) reads
// RIS, and pandoc reads CSL-JSON.

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { encoding: "utf8", input });
  if (result.error) throw new Error(`${command} is not installed (.ci/run installs it from Debian): ${result.error.message}`);
  return result;
}

/** biber's data-model warnings for a .bib text, and biber's own re-serialisation of it. */
function validateWithBiber(bib: string) {
  const dir = makeTempDir("biber");
  const file = path.join(dir, "export.bib");
  writeFileSync(file, bib);
  const result = run("biber", ["--tool", "--validate-datamodel", `--output-file=${path.join(dir, "checked.bib")}`, file]);
  const log = `${result.stdout}\n${result.stderr}`;
  return {
    status: result.status,
    warnings: log.split("\n").filter((l) => /^(WARN|ERROR)/.test(l)),
    output: result.status === 0 ? readFileSync(path.join(dir, "checked.bib"), "utf8") : log,
  };
}

const isoOf = (item: CslItem, field: "issued" | "accessed") =>
  item[field]?.["date-parts"][0]!.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, "0")).join("-");

let items: Awaited<ReturnType<typeof buildEveryCorpusItem>>;
let db: Database;
beforeAll(async () => {
  items = await buildEveryCorpusItem();
  db = copyBaseDatabase().db;
});
afterAll(async () => {
  await db.$disconnect();
});

async function exportText(query: string) {
  const exp = await startExport(db, parseExportRequest(new URLSearchParams(query)), { baseUrl: "https://voices.example.org" });
  let text = "";
  for await (const chunk of exp.chunks()) text += chunk;
  return text;
}

describe("biblatex", () => {
  it.each([
    "format=bibtex&shape=quotes",
    "format=bibtex&shape=voices",
    "format=bibtex&voice=gulmira-karaganda",
    "format=bibtex&quote=rustem-1",
  ])("biber validates the export %s with no warning", async (query) => {
    const checked = validateWithBiber(await exportText(query));
    expect(checked.status).toBe(0);
    expect(checked.warnings).toEqual([]);
  });

  it("biber reads every item's full date, version and access date as biblatex fields", () => {
    const { output, warnings } = validateWithBiber(formatBiblatex(items.all));
    expect(warnings).toEqual([]);
    const entries = new Map(output.split(/\n(?=@)/).map((e) => [e.match(/^@\w+\{([^,]+),/)![1]!.toLowerCase(), e] as const));
    for (const item of items.all) {
      const entry = entries.get(item["citation-key"].toLowerCase())!;
      expect(entry, item.id).toBeDefined();
      if (item.issued) expect(entry, item.id).toContain(`DATE = {${isoOf(item, "issued")}}`);
      if (item.accessed) expect(entry, item.id).toContain(`URLDATE = {${isoOf(item, "accessed")}}`);
      if (item.version) expect(entry, item.id).toContain(`VERSION = {${item.version}}`);
    }
  });

  it("uses the biblatex types: newspaper articles, the blog post with its blog, data sets", () => {
    const types = new Map(items.all.map((i) => [i.id, formatBiblatex([i]).match(/^@(\w+)\{/)![1]]));
    for (const item of items.articles.filter((a) => a.type === "article-newspaper" && a.author)) expect(types.get(item.id)).toBe("article");
    for (const item of items.voiceEntries) expect(types.get(item.id)).toBe("dataset");
    const blog = items.articles.find((a) => a.type === "post-weblog")!;
    expect(formatBiblatex([blog])).toContain(`organization = {{${blog["container-title"]}}}`);
  });

  it("escapes LaTeX's special characters, which biber then reads back as the same text", () => {
    const title = "50% of #1 fans & $5 tips_for {you} ~ ^ \\ them";
    const bib = formatBiblatex([{ id: "t", "citation-key": "t", type: "dataset", title, author: [{ literal: "Voices" }] }]);
    const { warnings, output } = validateWithBiber(bib);
    expect(warnings).toEqual([]);
    expect(output).toContain(`TITLE = {${escapeLatex(title)}}`);
    const roundTrip = run("pandoc", ["-f", "biblatex", "-t", "csljson"], bib);
    expect(JSON.parse(roundTrip.stdout)[0].title).toBe(title);
  });
});

describe("RIS, read by astrocite-ris", () => {
  it.each(["format=ris&shape=quotes", "format=ris&shape=voices"])(
    "every record of %s is read with its full date, access date and version",
    async (query) => {
      const text = await exportText(query);
      const records = parseRis(text) as unknown as Record<string, unknown>[];
      expect(records.length).toBe(text.match(/^ER {2}-/gm)!.length);
      expect(records.length).toBeGreaterThan(4);
    },
  );

  it("reads back each item's type, zero-padded full date (DA), access date (Y2), version (ET) and authors", () => {
    const parsed = parseRis(formatRis(items.all)) as unknown as CslItem[];
    expect(parsed).toHaveLength(items.all.length);
    items.all.forEach((item, i) => {
      const read = parsed[i]!;
      expect(read.type, item.id).toBe(item.type);
      expect(read.id).toBe(item.id);
      expect(read.issued?.["date-parts"][0]?.join("-")).toBe(isoOf(item, "issued"));
      expect(read.accessed?.["date-parts"][0]?.join("-")).toBe(isoOf(item, "accessed"));
      expect((read as { edition?: string }).edition).toBe(item.version);
      expect(read.author?.length ?? 0).toBe(item.author?.length ?? 0);
      expect(read.URL).toBe(item.URL);
    });
  });
});

describe("CSL-JSON, read by pandoc", () => {
  it("keeps version, accessed, genre and the dates of every item of an export", async () => {
    const text = await exportText("format=csl-json&shape=quotes");
    const ours = JSON.parse(text) as CslItem[];
    const read = JSON.parse(run("pandoc", ["-f", "csljson", "-t", "csljson"], text).stdout) as CslItem[];
    const byId = new Map(read.map((r) => [r.id, r]));
    for (const item of ours) {
      const back = byId.get(item.id)!;
      expect(back, item.id).toBeDefined();
      // pandoc reads a straight apostrophe as a typographic one
      expect(back.title.replace(/’/g, "'"), item.id).toBe(item.title.replace(/’/g, "'"));
      for (const field of ["type", "version", "genre", "issued", "accessed", "URL"] as const)
        expect(back[field], `${item.id} ${field}`).toEqual(item[field]);
    }
    const entries = ours.filter((i) => i.type === "dataset");
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) {
      expect(entry.version).toMatch(/^\d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?$/);
      expect(entry.genre).toBe("Data set");
      expect(entry.accessed).toBeDefined();
    }
  });
});
