import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { VoicesError } from "@/lib/errors";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { findUnattributedQuotations, spellNumber, verifyCorpus } from "@/lib/corpus/verify-corpus";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { DATA_DIR } from "../helpers/paths";

const OPENDEMOCRACY = "sources/opendemocracy-kazakhstan-divided.yaml";
const DIPLOMAT = "sources/diplomat-kazakhstanis-picking-sides.yaml";

async function problemsOf(dataDir: string): Promise<string[]> {
  try {
    verifyCorpus(await loadCorpus(dataDir));
    return [];
  } catch (error) {
    if (!(error instanceof VoicesError && error.code === "invalid_corpus")) throw error;
    return error.message.split("\n").slice(1);
  }
}

describe("the real corpus", () => {
  it("loads and verifies with no problems", async () => {
    expect(await problemsOf(DATA_DIR)).toEqual([]);
  });

  it("has one row per voice and quote in the annotation files", async () => {
    const rows = verifyCorpus(await loadCorpus(DATA_DIR));
    const files = readdirSync(path.join(DATA_DIR, "sources")).map((f) =>
      YAML.parse(readFileSync(path.join(DATA_DIR, "sources", f), "utf8")),
    );
    expect(rows.voices).toHaveLength(files.reduce((n, f) => n + f.voices.length, 0));
    expect(rows.quotes).toHaveLength(
      files.reduce((n, f) => n + f.voices.reduce((m: number, v: { quotes: unknown[] }) => m + v.quotes.length, 0), 0),
    );
  });

  it("records evidence for every stated attribute and none for unstated ones", async () => {
    const rows = verifyCorpus(await loadCorpus(DATA_DIR));
    for (const voice of rows.voices) {
      const evidenced = rows.evidence
        .filter((e) => e.voiceSlug === voice.slug)
        .map((e) => e.attribute)
        .sort();
      const stated = (
        [
          ["age", voice.age],
          ["city", voice.cityAsPrinted],
          ["heritage", voice.heritage],
          ["occupation", voice.occupation],
        ] as const
      )
        .filter(([, value]) => value !== null)
        .map(([name]) => name);
      expect(evidenced, voice.slug).toEqual(stated);
    }
  });

  it("resolves old city names to today's official names", async () => {
    const rows = verifyCorpus(await loadCorpus(DATA_DIR));
    const placeOf = (city: string) => rows.voices.find((v) => v.cityAsPrinted === city)?.placeSlug;
    expect(placeOf("Nur-Sultan")).toBe("astana");
    expect(placeOf("Ust-Kamenogorsk")).toBe("oskemen");
  });

  it("gives the version as a hash that changes when any file changes", async () => {
    const before = (await loadCorpus(DATA_DIR)).version;
    const copy = copyCorpus();
    expect((await loadCorpus(copy)).version).toBe(before);
    editCorpusFile(copy, OPENDEMOCRACY, "called it “prudent”", "called it “prudent” ");
    expect((await loadCorpus(copy)).version).not.toBe(before);
  });
});

describe("verifyCorpus rejects", () => {
  it.each([
    [
      "a quote that is not in its document, naming file, voice, quote and text",
      OPENDEMOCRACY,
      "I don’t watch Russian TV because it’s blatant propaganda.",
      "I don’t watch Russian TV because it’s obvious propaganda.",
      /opendemocracy-kazakhstan-divided\.yaml › voice "aizada-nur-sultan" › quote "aizada-nur-sultan-2": not found.*\n.*text: "I don’t watch Russian TV because it’s obvious propaganda\."/,
    ],
    [
      "evidence that is not in the document",
      DIPLOMAT,
      'evidence: "Dimash Alzhanov, an Almaty-based political scientist" }\n    occupation',
      'evidence: "Dimash Alzhanov, an Astana-based political scientist" }\n    occupation',
      /voice "dimash-alzhanov" › city evidence: not found/,
    ],
    [
      "an age its evidence does not state",
      OPENDEMOCRACY,
      'age: { value: 48, asOf: "2022-03-23", evidence: "Gulmira',
      'age: { value: 49, asOf: "2022-03-23", evidence: "Gulmira',
      /voice "gulmira-karaganda" › age: the evidence does not state the age 49/,
    ],
    [
      "a city missing from the gazetteer",
      OPENDEMOCRACY,
      "city: { value: Aktau,",
      "city: { value: Aktaw,",
      /voice "andrei-aktau" › city: "Aktaw" is not a name or alias of any place/,
    ],
    ["a voice slug used twice", DIPLOMAT, "- slug: lev-uvarov", "- slug: rustem", /voice "rustem".*slug is already used/],
    ["a quote id used twice", DIPLOMAT, "id: lev-uvarov-1", "id: rustem-1", /quote "rustem-1": quote id is already used/],
    [
      "a document of another source",
      DIPLOMAT,
      "      - id: rustem-1\n",
      "      - id: rustem-1\n        document: 004_af7a297ca07d053a\n",
      /quote "rustem-1": document "004_af7a297ca07d053a" is not one of this source's documents/,
    ],
    [
      "broken YAML, with the file named",
      DIPLOMAT,
      "slug: diplomat-kazakhstanis-picking-sides",
      "slug: [diplomat",
      /diplomat-kazakhstanis-picking-sides\.yaml: YAML syntax/,
    ],
    [
      "an invalid field value, with the voice named",
      DIPLOMAT,
      "    stance: pro_russia\n    stanceRationale: He fought",
      "    stance: russia\n    stanceRationale: He fought",
      /voice "lev-uvarov" › stance: Invalid option/,
    ],
    [
      "a stance rationale that quotes a reporter's paraphrase as the person's words",
      OPENDEMOCRACY,
      "The article reports that she cries whenever she watches the news,",
      'She "cries whenever she watches the news",',
      /voice "almakhan-zhanaozen" › stanceRationale: "cries whenever she watches the news" stands in quotation marks but is not in this person's words/,
    ],
    [
      "a corpus version dated in the future",
      "corpus.yaml",
      'date: "2026-11-30"',
      'date: "2999-01-01"',
      /corpus\.yaml › date: 2999-01-01 is in the future/,
    ],
    [
      "a corpus version dated before a source it holds",
      "corpus.yaml",
      'date: "2026-11-30"',
      'date: "2022-01-01"',
      /corpus\.yaml › date: 2022-01-01 is before the latest source it holds \(2022-\d\d-\d\d\)/,
    ],
  ])("%s", async (_label, file, from, to, expected) => {
    const copy = copyCorpus();
    editCorpusFile(copy, file, from, to);
    const problems = (await problemsOf(copy)).join("\n");
    expect(problems).toMatch(expected);
  });

  it("a document file that no source lists", async () => {
    const copy = copyCorpus();
    editCorpusFile(
      copy,
      "sources/responsible-statecraft-kazakhstan-view-of-ukraine.yaml",
      "  - id: 004_af7a297ca07d053a",
      "  - id: 002_dd24a2917543f6ee",
    );
    const problems = (await problemsOf(copy)).join("\n");
    expect(problems).toMatch(/documents\/004_af7a297ca07d053a\.txt: no source file lists this document/);
    expect(problems).toMatch(
      /window-on-eurasia-kazakhstan-opposes-war\.yaml › documents › 002_dd24a2917543f6ee: document is already listed by source "responsible-statecraft/,
    );
  });

  it("a missing gazetteer", async () => {
    const copy = copyCorpus();
    rmSync(path.join(copy, "places.yaml"));
    expect((await problemsOf(copy)).join("\n")).toMatch(/places\.yaml: missing/);
  });
});

describe("spellNumber", () => {
  it.each([
    [1, "one"],
    [13, "thirteen"],
    [20, "twenty"],
    [48, "forty-eight"],
    [50, "fifty"],
    [99, "ninety-nine"],
    [0, null],
    [100, null],
  ])("%i → %s", (n, expected) => {
    expect(spellNumber(n)).toBe(expected);
  });
});

describe("findUnattributedQuotations", () => {
  const voice = (stanceRationale: string, quotes: { kind: "direct" | "paraphrase"; text: string }[], evidence?: string) => ({
    stanceRationale,
    quotes: quotes.map((q, i) => ({ id: `q-${i}`, ...q })),
    ...(evidence ? { occupation: { value: "x", evidence } } : {}),
  });

  it.each([
    ["words of a direct quote", 'He says "the war must end".', [{ kind: "direct", text: "I think the war must end now" }], undefined, []],
    [
      "a direct quote with its first letter's case changed",
      'He says "fake news spreads".',
      [{ kind: "direct", text: "Fake news spreads." }],
      undefined,
      [],
    ],
    ["words a paraphrase itself quotes", 'She called it "prudent".', [{ kind: "paraphrase", text: "called it “prudent”" }], undefined, []],
    ["words an evidence span quotes", 'He is "half Ukrainian".', [{ kind: "paraphrase", text: "x" }], "“I’m half Ukrainian,” he said", []],
    [
      "typographic quotation marks in the rationale",
      "She said “side of peace”.",
      [{ kind: "direct", text: "on the side of peace" }],
      undefined,
      [],
    ],
    [
      "the reporter's words of a paraphrase",
      'He said "would be on the side of peace".',
      [{ kind: "paraphrase", text: "his country would be on the side of peace" }],
      undefined,
      ["would be on the side of peace"],
    ],
    [
      "a paraphrase's words outside its own quotation marks",
      'He said "the country is liberating".',
      [{ kind: "paraphrase", text: "that the country is “liberating” them" }],
      undefined,
      ["the country is liberating"],
    ],
    [
      "words from no quote at all",
      'He said "nothing of the kind".',
      [{ kind: "direct", text: "Something else." }],
      undefined,
      ["nothing of the kind"],
    ],
  ] as const)("%s", (_label, rationale, quotes, evidence, expected) => {
    expect(findUnattributedQuotations(voice(rationale, [...quotes], evidence))).toEqual(expected);
  });
});
