import { describe, expect, it } from "vitest";
import { PlacesFileSchema, SourceFileSchema } from "@/lib/corpus/schema";

const validVoice = {
  slug: "gulmira-karaganda",
  name: "Gulmira",
  age: { value: 48, asOf: "2022-03-23", evidence: "Gulmira, a 48-year-old entrepreneur" },
  role: "citizen",
  stance: "pro_russia",
  stanceRationale: "She said Russia “did the right thing”.",
  quotes: [{ id: "gulmira-karaganda-1", kind: "paraphrase", text: "Russia “did the right thing”" }],
};

const validSource = {
  slug: "opendemocracy-kazakhstan-divided",
  title: "How Kazakhstan society is divided over the Russia-Ukraine war",
  publisher: "openDemocracy",
  authors: ["Aigerim Shapagat"],
  publishedAt: "2022-03-23",
  url: "https://www.opendemocracy.net/en/odr/x/",
  documents: [{ id: "001_abc", publisher: null, publishedAt: "2022-04-03", primary: true }],
  voices: [validVoice],
};

/** The source with one voice field replaced (undefined removes it). */
function withVoice(changes: Record<string, unknown>) {
  return { ...validSource, voices: [{ ...validVoice, ...changes }] };
}

function issuesOf(input: unknown) {
  const result = SourceFileSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("SourceFileSchema", () => {
  it("accepts a complete, valid source file", () => {
    expect(issuesOf(validSource)).toEqual([]);
  });

  it("defaults `named` to true and `excluded` to an empty list", () => {
    const parsed = SourceFileSchema.parse(validSource);
    expect(parsed.voices[0]!.named).toBe(true);
    expect(parsed.excluded).toEqual([]);
  });

  it.each([
    ["an unknown stance", withVoice({ stance: "pro_kazakhstan" }), "voices.0.stance"],
    ["an unknown role", withVoice({ role: "celebrity" }), "voices.0.role"],
    ["an unknown quote kind", withVoice({ quotes: [{ id: "q-1", kind: "summary", text: "x" }] }), "voices.0.quotes.0.kind"],
    ["a voice without quotes", withVoice({ quotes: [] }), "voices.0.quotes"],
    ["an empty stance rationale", withVoice({ stanceRationale: "  " }), "voices.0.stanceRationale"],
    ["an age given as text", withVoice({ age: { value: "48", asOf: null, evidence: "48" } }), "voices.0.age.value"],
    ["an age without evidence", withVoice({ age: { value: 48, asOf: null } }), "voices.0.age.evidence"],
    ["a city without evidence", withVoice({ city: { value: "Aktau" } }), "voices.0.city.evidence"],
    ["an impossible date", withVoice({ age: { value: 48, asOf: "2022-02-30", evidence: "48" } }), "voices.0.age.asOf"],
    ["a slug with capitals", withVoice({ slug: "Gulmira" }), "voices.0.slug"],
    ["a misspelt field", withVoice({ stanse: "neutral" }), "voices.0"],
    [
      "an occurrence of zero",
      withVoice({ quotes: [{ id: "q-1", kind: "direct", text: "x", occurrence: 0 }] }),
      "voices.0.quotes.0.occurrence",
    ],
    ["a source URL that is not http(s)", { ...validSource, url: "javascript:alert(1)" }, "url"],
    ["no primary document", { ...validSource, documents: [{ id: "001_abc", publisher: null, publishedAt: null }] }, "documents"],
    [
      "two primary documents",
      {
        ...validSource,
        documents: [
          { id: "a", publisher: null, publishedAt: null, primary: true },
          { id: "b", publisher: null, publishedAt: null, primary: true },
        ],
      },
      "documents",
    ],
    ["authors as one string", { ...validSource, authors: "Aigerim Shapagat" }, "authors"],
  ])("rejects %s, naming the field", (_label, input, field) => {
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.startsWith(`${field}:`))).toBe(true);
  });
});

describe("PlacesFileSchema", () => {
  const place = {
    slug: "astana",
    name: "Astana",
    aliases: ["Nur-Sultan"],
    region: "Astana",
    country: "Kazakhstan",
    lat: 51.17,
    lon: 71.45,
  };

  it("accepts a valid place", () => {
    expect(PlacesFileSchema.safeParse([place]).success).toBe(true);
  });

  it.each([
    ["a latitude out of range", { ...place, lat: 123 }, "0.lat"],
    ["a missing country", { ...place, country: undefined }, "0.country"],
  ])("rejects %s", (_label, input, field) => {
    const result = PlacesFileSchema.safeParse([input]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
