import { describe, expect, it } from "vitest";
import { buildCompareRows } from "@/lib/compare/build-compare-rows";
import { CompareQuerySchema } from "@/lib/compare/compare-query";
import type { VoiceDetail } from "@/lib/voices/get-voice";

function voice(slug: string, extra: Partial<VoiceDetail>): VoiceDetail {
  return {
    slug,
    name: slug,
    isNamed: true,
    age: null,
    ageAsOf: null,
    city: null,
    place: null,
    occupation: null,
    heritage: null,
    role: "citizen",
    stance: "neutral",
    stanceRationale: "r",
    evidence: [],
    source: { slug: "od", type: "article", title: "T", publisher: "openDemocracy", authors: [], publishedAt: "2022-03-23", url: null },
    quotes: [],
    related: { sameCity: { total: 0, voices: [] }, sameStance: { total: 0, voices: [] } },
    ...extra,
  };
}

describe("buildCompareRows", () => {
  const a = voice("a", {
    age: 48,
    city: "Nur-Sultan",
    place: { slug: "astana", name: "Astana", region: "Astana", country: "Kazakhstan", latitude: 0, longitude: 0 },
    evidence: [{ attribute: "age", text: "a 48-year-old", document: "d", start: 0, end: 1 }],
  });
  const b = voice("b", { age: 48, stance: "pro_russia" });
  const rows = buildCompareRows([a, b]);
  const row = (label: string) => rows.find((r) => r.label === label)!;

  it("marks the rows where the voices differ, and only those", () => {
    expect(row("Stance").differs).toBe(true);
    expect(row("Age").differs).toBe(false);
    expect(row("City").differs).toBe(true);
    expect(row("Role").differs).toBe(false);
  });

  it("keeps one cell per voice, with the evidence that states it", () => {
    expect(row("Age").cells).toEqual([
      { value: "48", evidence: "a 48-year-old" },
      { value: "48", evidence: null },
    ]);
    expect(row("City").cells[0]!.value).toBe("Nur-Sultan (now Astana)");
    expect(row("City").cells[1]!.value).toBeNull();
  });
});

describe("CompareQuerySchema", () => {
  it.each([
    [["a,b"], ["a", "b"]],
    [
      ["a", "b", "c"],
      ["a", "b", "c"],
    ],
    [["a,b,a"], ["a", "b"]],
  ])("reads %j", (input, expected) => {
    expect(CompareQuerySchema.parse(input)).toEqual(expected);
  });

  it.each([
    [["a"], /at least 2/],
    [["a,b,c,d,e"], /at most 4/],
    [["a,B_c"], /not a voice slug/],
    [[], /at least 2/],
  ])("rejects %j", (input, message) => {
    const result = CompareQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
