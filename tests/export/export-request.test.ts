import { describe, expect, it } from "vitest";
import { VoicesError, type ErrorIssue } from "@/lib/errors";
import { EXPORT_FIELDS, EXPORT_FORMAT_IDS, EXPORT_PARAMETERS, parseExportRequest } from "@/lib/export/export-request";
import { DEFAULT_VOICE_QUERY, MULTI_VALUED, VOICE_QUERY_FIELDS } from "@/lib/search/voice-query";
import { EXPORT_LIMITS, QUOTE_KINDS, SORTS, STANCES } from "@/lib/vocabulary";

// parseExportRequest reads the API's query string and, through EXPORT_PARAMETERS, the
// export CLI's flags (scripts/export.ts turns --flag value into flag=value). These tests
// hold what the CLI tests asserted, without a process per case.

function issuesOf(search: string): ErrorIssue[] {
  try {
    parseExportRequest(new URLSearchParams(search));
  } catch (error) {
    if (!(error instanceof VoicesError)) throw error;
    expect(error.code).toBe("invalid_input");
    return error.issues;
  }
  throw new Error(`"${search}" was accepted`);
}

const manyVoices = Array.from({ length: EXPORT_LIMITS.compareSetMax + 1 }, (_, i) => `voice-${i}`).join(",");

describe("parseExportRequest with bad input", () => {
  it.each([
    ["format=xml", "format", /^Invalid option/, EXPORT_FORMAT_IDS],
    ["", "format", /^is required$/, EXPORT_FORMAT_IDS],
    ["format=csv&format=json", "format", /^give one value, not several$/, undefined],
    ["format=csv&shape=rows", "shape", /^Invalid option/, ["quotes", "voices"]],
    ["format=csv&bom=maybe", "bom", /^Invalid option/, undefined],
    ["format=csv&stance=pro_kazakhstan", "stance", /^Invalid option/, STANCES],
    ["format=csv&kind=summary", "kind", /^Invalid option/, QUOTE_KINDS],
    ["format=csv&sort=popularity", "sort", /^Invalid option/, SORTS],
    ["format=csv&ageMin=old", "ageMin", /^ageMin must be a whole number from 0 to 120$/, undefined],
    ["format=csv&ageMin=60&ageMax=20", "ageMin", /^ageMin must not be greater than ageMax$/, undefined],
    ["format=csv&q=a&q=b", "q", /^give one value, not several$/, undefined],
    ["format=csv&voice=olga-kostanai&v=a,b", "voice", /^give at most one of voice, quote and v$/, undefined],
    ["format=csv&voice=olga-kostanai&quote=olga-kostanai-1", "voice", /^give at most one of voice, quote and v$/, undefined],
    ["format=csv&voice=Not_A_Slug", "voice", /^must be a slug/, undefined],
    ["format=csv&quote=../etc", "quote", /lowercase/, undefined],
    ["format=csv&v=,,", "v", /^name at least one voice$/, undefined],
    [`format=csv&v=${manyVoices}`, "v", new RegExp(`^at most ${EXPORT_LIMITS.compareSetMax} voices$`), undefined],
  ])("%s is rejected, naming %s", (search, parameter, message, allowed) => {
    const issue = issuesOf(search).find((i) => i.parameter === parameter);
    expect(issue, JSON.stringify(issuesOf(search))).toBeDefined();
    expect(issue!.message).toMatch(message);
    if (allowed) expect(issue!.allowed).toEqual(allowed);
  });

  it("names every bad parameter at once, not only the first", () => {
    expect(issuesOf("format=xml&stance=nope&ageMax=x").map((i) => i.parameter)).toEqual(["format", "stance", "ageMax"]);
  });
});

describe("parseExportRequest with good input", () => {
  it.each([
    ["format=csv", { format: "csv", shape: "quotes", bom: false, selection: { kind: "query", query: DEFAULT_VOICE_QUERY } }],
    [
      "format=json&shape=voices&bom=1",
      { format: "json", shape: "voices", bom: true, selection: { kind: "query", query: DEFAULT_VOICE_QUERY } },
    ],
    ["format=md&bom=true", { format: "md", bom: true }],
    ["format=md&bom=false", { format: "md", bom: false }],
    ["format=ris&voice=olga-kostanai", { selection: { kind: "voices", slugs: ["olga-kostanai"] } }],
    // a compare set keeps its order and drops repeats
    [
      "format=csv&v=olga-kostanai, gulmira-karaganda,olga-kostanai",
      { selection: { kind: "voices", slugs: ["olga-kostanai", "gulmira-karaganda"] } },
    ],
    // quotes are exported as those quotes, in their order, whatever shape is asked for
    ["format=csl-json&quote=olga-kostanai-2&shape=voices", { shape: "quotes", selection: { kind: "quotes", ids: ["olga-kostanai-2"] } }],
  ] as const)("%s", (search, expected) => {
    expect(parseExportRequest(new URLSearchParams(search))).toMatchObject(expected);
  });

  it("takes the explorer's filters, repeated or comma-separated", () => {
    const repeated = parseExportRequest(new URLSearchParams("format=csv&stance=neutral&stance=pro_ukraine&kind=direct"));
    const commas = parseExportRequest(new URLSearchParams("format=csv&stance=neutral,pro_ukraine&kind=direct"));
    expect(repeated.selection).toEqual({
      kind: "query",
      query: { ...DEFAULT_VOICE_QUERY, stance: ["neutral", "pro_ukraine"], kind: ["direct"] },
    });
    expect(commas).toEqual(repeated);
  });

  it("takes a search, ages, places, sources and a sort", () => {
    const request = parseExportRequest(
      new URLSearchParams(
        "format=jsonl&q=propaganda&ageMin=30&ageMax=60&city=almaty&region=Almaty Region&country=Kazakhstan&source=od&sort=name",
      ),
    );
    expect(request.selection).toEqual({
      kind: "query",
      query: {
        ...DEFAULT_VOICE_QUERY,
        q: "propaganda",
        ageMin: 30,
        ageMax: 60,
        city: ["almaty"],
        region: ["Almaty Region"],
        country: ["Kazakhstan"],
        source: ["od"],
        sort: "name",
      },
    });
  });

  it("reads a Next.js searchParams object the same way as URLSearchParams", () => {
    expect(parseExportRequest({ format: "csv", stance: ["neutral", "unclear"], ageMin: "30" })).toEqual(
      parseExportRequest(new URLSearchParams("format=csv&stance=neutral&stance=unclear&ageMin=30")),
    );
  });
});

describe("EXPORT_PARAMETERS, the export CLI's flags", () => {
  const names = EXPORT_PARAMETERS.map((p) => p.name);

  it("are every parameter of the export's schema and of the explorer's, paging aside", () => {
    const fromSchemas = [...Object.keys(EXPORT_FIELDS), ...Object.keys(VOICE_QUERY_FIELDS)].filter((k) => k !== "page" && k !== "pageSize");
    expect([...names].sort()).toEqual(fromSchemas.sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it("repeat exactly for the multi-valued filters", () => {
    expect(EXPORT_PARAMETERS.filter((p) => p.multiple).map((p) => p.name)).toEqual([...MULTI_VALUED]);
  });

  it.each(EXPORT_PARAMETERS.map((p) => p.name))("--%s reaches parseExportRequest: its value is used or rejected by name", (name) => {
    const value = encodeURIComponent("Not A Value!");
    const search = name === "format" ? `format=${value}` : `format=csv&${name}=${value}`;
    let request;
    try {
      request = parseExportRequest(new URLSearchParams(search));
    } catch {
      expect(issuesOf(search).map((i) => i.parameter)).toContain(name);
      return;
    }
    expect(request).not.toEqual(parseExportRequest(new URLSearchParams("format=csv")));
  });
});
