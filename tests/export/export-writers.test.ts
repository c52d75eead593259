import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { QUOTE_COLUMNS, VOICE_COLUMNS, type Provenance } from "@/lib/export/columns";
import type { ExportFormat, ExportShape } from "@/lib/export/export-request";
import { EXPORT_FORMATS } from "@/lib/export/export-writers";
import type { ExportVoice } from "@/lib/export/find-export-voices";
import { buildPermalinks } from "@/lib/meta/permalinks";
import type { SourceRef } from "@/lib/sources/source-ref";

// Hand-made voices, not the corpus: a Cyrillic name, a quote that contains quotes and
// begins with "=", and cells a spreadsheet would run as formulas.

const ARTICLE: SourceRef = {
  slug: "test-article",
  type: "article",
  title: "Voices from the steppe",
  publisher: "Test Outlet",
  authors: ["Aigerim Shapagat", "Paolo Sorbello"],
  url: "https://example.org/articles/voices-from-the-steppe-and-a-very-long-path-that-goes-on-and-on",
  publishedAt: "2022-03-23",
};

function voice(slug: string, name: string, quotes: [id: string, text: string][], extra: Partial<ExportVoice> = {}): ExportVoice {
  return {
    slug,
    name,
    age: null,
    ageAsOf: null,
    city: null,
    place: null,
    occupation: null,
    heritage: null,
    role: "citizen",
    stance: "unclear",
    stanceRationale: "States no view.",
    permalink: `http://localhost:3000/voices/${slug}`,
    source: ARTICLE,
    quotes: quotes.map(([id, text], i) => ({
      id,
      text,
      kind: "direct",
      context: `Before. “${text}” After.`,
      document: "test-doc",
      start: 100 * i,
      end: 100 * i + text.length,
      permalink: `http://localhost:3000/voices/${slug}#quote-${id}`,
      source: ARTICLE,
    })),
    ...extra,
  };
}

const ZHANAR = voice(
  "zhanar",
  "Жанар Сейткали",
  [
    ["zhanar-1", "=SUM(A1:A9) is what they “calculated”, she said"],
    ["zhanar-2", "Мы не хотим войны"],
  ],
  { age: 41, city: "Almaty", occupation: "teacher", stance: "pro_ukraine", stanceRationale: "She says “no war”." },
);
const ERLAN = voice("erlan", "Erlan", [
  ["erlan-1", "+7 700 000 00 00 is my number"],
  ["erlan-2", "-not a minus, a dash"],
  ["erlan-3", "@everyone listen"],
]);
const BATCHES = [[ZHANAR], [ERLAN]];

const PROVENANCE: Provenance = {
  corpusVersion: "abc123def456",
  exportedAt: "2026-11-22T10:00:00.000Z",
  selection: "2 voices: Жанар Сейткали, Erlan",
  citeCorpusAs: "Voices (corpus version abc123def456). http://localhost:3000/",
};

async function run(format: ExportFormat, shape: ExportShape = "quotes", bom = false): Promise<string> {
  const writer = await EXPORT_FORMATS[format].create({
    shape,
    provenance: PROVENANCE,
    bom,
    stamp: { version: "abc123def456", versionDate: "2026-11-20", accessedAt: new Date("2026-11-22T10:00:00Z") },
    permalinks: buildPermalinks("http://localhost:3000"),
  });
  return writer.begin() + BATCHES.map((b) => writer.write(b)).join("") + writer.end();
}

// the outputs most tests read, made once (a citation format loads citation-js on first use);
// the citation formats link corpus entries on PUBLIC_URL, set here to the fixtures' own
vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
const OUTPUT = {
  csv: await run("csv"),
  md: await run("md"),
  bib: await run("bibtex"),
  ris: await run("ris"),
  cslJson: await run("csl-json"),
};

const ALL_QUOTES = [...ZHANAR.quotes, ...ERLAN.quotes];

describe("CSV", () => {
  const csv = OUTPUT.csv;
  const rows: string[][] = parse(csv);

  it("has a header from the column registry, then one row per quote", () => {
    expect(rows[0]).toEqual([...QUOTE_COLUMNS.map((c) => c.id), "corpus_version", "exported_at", "selection", "cite_corpus_as"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ALL_QUOTES.map((q) => q.id));
  });

  it("ends lines with CRLF (RFC 4180)", () => {
    expect(csv.split("\r\n")).toHaveLength(rows.length + 1);
  });

  it.each([
    ["zhanar-1", "'=SUM(A1:A9) is what they “calculated”, she said"],
    ["erlan-1", "'+7 700 000 00 00 is my number"],
    ["erlan-2", "'-not a minus, a dash"],
    ["erlan-3", "'@everyone listen"],
    ["zhanar-2", "Мы не хотим войны"],
  ])("neutralises cells a spreadsheet would run as formulas (%s)", (id, expected) => {
    const row = rows.find((r) => r[0] === id)!;
    expect(row[1]).toBe(expected);
  });

  it("writes unknown values as empty cells and keeps Cyrillic as UTF-8", () => {
    const row = rows.find((r) => r[0] === "erlan-1")!;
    expect(row[QUOTE_COLUMNS.findIndex((c) => c.id === "age")]).toBe("");
    expect(rows.find((r) => r[0] === "zhanar-1")![QUOTE_COLUMNS.findIndex((c) => c.id === "name")]).toBe("Жанар Сейткали");
  });

  it("carries the provenance on every row", () => {
    for (const row of rows.slice(1))
      expect(row.slice(-4)).toEqual([PROVENANCE.corpusVersion, PROVENANCE.exportedAt, PROVENANCE.selection, PROVENANCE.citeCorpusAs]);
  });

  it("starts with a byte-order mark only when asked", async () => {
    expect(csv.startsWith("\uFEFF")).toBe(false);
    expect((await run("csv", "quotes", true)).startsWith("\uFEFFquote_id,")).toBe(true);
  });

  it("has one row per voice in the voices shape, all quotes in one cell", async () => {
    const voiceRows: string[][] = parse(await run("csv", "voices"));
    expect(voiceRows[0]!.slice(0, VOICE_COLUMNS.length)).toEqual(VOICE_COLUMNS.map((c) => c.id));
    expect(voiceRows.slice(1).map((r) => r[0])).toEqual(["zhanar", "erlan"]);
    expect(voiceRows[1]![VOICE_COLUMNS.findIndex((c) => c.id === "quotes")]).toBe(`'${ZHANAR.quotes.map((q) => q.text).join("\n")}`);
  });
});

describe("JSON and JSON Lines", () => {
  it("JSON: provenance, then the items with the exact words untouched", async () => {
    const doc = JSON.parse(await run("json"));
    expect(doc.provenance).toEqual({ ...PROVENANCE, shape: "quotes" });
    expect(doc.items.map((i: { text: string }) => i.text)).toEqual(ALL_QUOTES.map((q) => q.text));
    expect(doc.items[0].voice).toMatchObject({ slug: "zhanar", name: "Жанар Сейткали", age: 41, place: null, heritage: null });
  });

  it("JSON, voices shape: nested voices with their quotes", async () => {
    const doc = JSON.parse(await run("json", "voices"));
    expect(doc.items.map((v: ExportVoice) => [v.slug, v.quotes.length])).toEqual([
      ["zhanar", 2],
      ["erlan", 3],
    ]);
  });

  it("JSON Lines: a provenance line, then one line per item", async () => {
    const lines = (await run("jsonl"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ provenance: { ...PROVENANCE, shape: "quotes" } });
    expect(lines.slice(1).map((l) => l.text)).toEqual(ALL_QUOTES.map((q) => q.text));
  });
});

describe("Markdown", () => {
  const md = OUTPUT.md;

  it("lists each voice with its quotes, words untouched, each with its permalink", () => {
    expect(md).toContain("## Жанар Сейткали (41, teacher, Almaty)");
    expect(md).toContain(
      "> =SUM(A1:A9) is what they “calculated”, she said\n\n— direct quotation, <http://localhost:3000/voices/zhanar#quote-zhanar-1>",
    );
    expect(md).toContain("## Erlan\n");
  });

  it("opens with the selection, the corpus version and how to cite the corpus", () => {
    expect(md.split("\n").slice(0, 5)).toEqual([
      "# Voices: quote list",
      "",
      "2 voices: Жанар Сейткали, Erlan.",
      "",
      "Corpus version abc123def456, exported 2026-11-22T10:00:00.000Z. Cite the corpus as: Voices (corpus version abc123def456). http://localhost:3000/",
    ]);
  });

  it("presents a paraphrase as reported speech, never as a block quotation or in quotation marks", async () => {
    const paraphrased = voice("aliya", "Aliya", [["aliya-1", "Russia “did the right thing”"]]);
    paraphrased.quotes[0]!.kind = "paraphrase";
    const writer = await EXPORT_FORMATS.md.create({
      shape: "quotes",
      provenance: PROVENANCE,
      bom: false,
      stamp: { version: "abc123def456", versionDate: "2026-11-20", accessedAt: new Date("2026-11-22T10:00:00Z") },
      permalinks: buildPermalinks("http://localhost:3000"),
    });
    const text = writer.write([paraphrased]);
    expect(text).toContain("Reported (the reporter’s paraphrase, not a direct quotation): Russia “did the right thing”");
    expect(text).not.toMatch(/^> /m);
    expect(text).toContain("— paraphrase, <http://localhost:3000/voices/aliya#quote-aliya-1>");
  });

  it("honours the voices shape: one entry per voice with its counts and permalink, no quotes", async () => {
    const md = await run("md", "voices");
    expect(md.split("\n")[0]).toBe("# Voices: list of voices");
    expect(md).toContain("## Erlan\n");
    expect(md).toContain("3 quotes (3 direct, 0 paraphrased). Permalink: <http://localhost:3000/voices/erlan>");
    expect(md).not.toContain("direct quotation, <");
  });
});

describe("BibTeX (biblatex)", () => {
  const bib = OUTPUT.bib;

  it("has the article once and an entry per quote, with unique keys", () => {
    const keys = [...bib.matchAll(/^@(?!comment)(\w+)\{([^,]+),/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(keys).toEqual(["article:test_article", ...ALL_QUOTES.map((q) => `dataset:voices_${q.id.replace(/-/g, "_")}`)]);
  });

  it("keeps non-ASCII names and words intact", () => {
    expect(bib).toContain("title = {Жанар Сейткали, as quoted in Test Outlet (quotation zhanar-1)}");
    expect(bib).toContain("Мы не хотим войны");
  });

  it("gives the article its full date as an ISO date", () => {
    expect(bib).toContain(`date = {${ARTICLE.publishedAt}}`);
    expect(bib).not.toMatch(/month = /);
  });

  it("opens with the provenance as a comment, and repeats it in each corpus entry's note", () => {
    expect(bib.startsWith("@comment{Voices export. 2 voices: Жанар Сейткали, Erlan. Corpus version abc123def456")).toBe(true);
    expect(
      bib.match(/note = \{[^\n]*Exported 2026-11-22T10:00:00.000Z from Voices corpus version abc123def456; selection: 2 voices/g),
    ).toHaveLength(ALL_QUOTES.length);
  });
});

describe("RIS", () => {
  const ris = OUTPUT.ris;
  const records = ris
    .split(/^ER {2}- *$/m)
    .map((r) => r.trim())
    .filter(Boolean);

  it("has the article once and a record per quote, each with its full id", () => {
    expect(records).toHaveLength(1 + ALL_QUOTES.length);
    expect(records.map((r) => r.match(/^ID {2}- (.*)$/m)![1])).toEqual(["test-article", ...ALL_QUOTES.map((q) => `voices-${q.id}`)]);
  });

  it("keeps every value on one line, so long quotes and URLs survive import", async () => {
    for (const line of ris.split(/\r?\n/).filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    expect(ris).toContain(`UR  - ${ARTICLE.url}\r\n`);
  });

  it("dates the article in full, zero-padded, and each corpus entry with version and access date", () => {
    expect(records[0]).toContain("DA  - 2022/03/23/");
    for (const record of records.slice(1)) {
      expect(record).toContain("ET  - abc123def456");
      expect(record).toContain("Y2  - 2026/11/22/");
      expect(record).toContain("DA  - 2026/11/20/");
    }
  });
});

describe("CSL-JSON", () => {
  const items = JSON.parse(OUTPUT.cslJson);

  it("is an array: the article, then a dataset entry per quote", () => {
    expect(items.map((i: { id: string; type: string }) => `${i.type}:${i.id}`)).toEqual([
      "article-newspaper:test-article",
      ...ALL_QUOTES.map((q) => `dataset:voices-${q.id}`),
    ]);
  });

  it("gives each corpus entry its permalink, corpus version, its date, access date and genre", () => {
    const entry = items.find((i: { id: string }) => i.id === "voices-zhanar-1");
    expect(entry).toMatchObject({
      URL: "http://localhost:3000/voices/zhanar#quote-zhanar-1",
      version: "abc123def456",
      genre: "Data set",
      issued: { "date-parts": [[2026, 11, 20]] },
      accessed: { "date-parts": [[2026, 11, 22]] },
    });
  });

  it("quotes a direct quotation in its note with its inner quotation marks made single", () => {
    const entry = items.find((i: { id: string }) => i.id === "voices-zhanar-1");
    expect(entry.note).toContain("Direct quotation: “=SUM(A1:A9) is what they ‘calculated’, she said”");
  });
});
