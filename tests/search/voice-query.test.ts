import { describe, expect, it } from "vitest";
import { VoicesError } from "@/lib/errors";
import { buildQueryHref, DEFAULT_VOICE_QUERY, parseVoiceQuery, toggleValue } from "@/lib/search/voice-query";

function issues(search: string) {
  try {
    parseVoiceQuery(new URLSearchParams(search));
    return [];
  } catch (error) {
    if (!(error instanceof VoicesError && error.code === "invalid_input")) throw error;
    return error.issues;
  }
}

describe("parseVoiceQuery (strict, for the API)", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseVoiceQuery(new URLSearchParams(""))).toEqual(DEFAULT_VOICE_QUERY);
    expect(DEFAULT_VOICE_QUERY).toMatchObject({ q: "", stance: [], sort: "relevance", page: 1, pageSize: 10 });
  });

  it("accepts repeated keys and comma lists alike, without duplicates", () => {
    const a = parseVoiceQuery(new URLSearchParams("stance=neutral&stance=pro_russia"));
    const b = parseVoiceQuery(new URLSearchParams("stance=neutral,pro_russia,neutral"));
    expect(a.stance).toEqual(["neutral", "pro_russia"]);
    expect(b.stance).toEqual(a.stance);
  });

  it("reads a Next.js searchParams object the same way as URLSearchParams", () => {
    expect(parseVoiceQuery({ stance: ["neutral", "unclear"], ageMin: "30", q: "war" })).toEqual(
      parseVoiceQuery(new URLSearchParams("stance=neutral&stance=unclear&ageMin=30&q=war")),
    );
  });

  it("ignores unknown parameters", () => {
    expect(parseVoiceQuery(new URLSearchParams("utm_source=x"))).toEqual(DEFAULT_VOICE_QUERY);
  });

  it.each([
    ["stance=pro_kazakhstan", "stance", /expected one of/],
    ["role=celebrity", "role", /expected one of/],
    ["ageBand=20-30", "ageBand", /expected one of/],
    ["ageMin=abc", "ageMin", /whole number from 0 to 120/],
    ["ageMin=-1", "ageMin", /whole number/],
    ["ageMax=121", "ageMax", /at most 120/],
    ["ageMin=50&ageMax=40", "ageMin", /not be greater than ageMax/],
    ["page=0", "page", /at least 1/],
    ["pageSize=100000", "pageSize", /at most 100/],
    ["sort=popularity", "sort", /expected one of/],
    ["q=a&q=b", "q", /one value/],
    [`q=${"x".repeat(5001)}`, "q", /at most 5000/],
    [`city=${"x".repeat(201)}`, "city", /at most 200/],
  ])("rejects %s, naming %s", (search, parameter, message) => {
    const found = issues(search);
    expect(found.map((i) => i.parameter)).toContain(parameter);
    expect(found.find((i) => i.parameter === parameter)!.message).toMatch(message);
  });

  it("says which values are allowed for a closed list", () => {
    expect(issues("kind=summary")[0]!.allowed).toEqual(["direct", "paraphrase"]);
  });
});

describe("parseVoiceQuery (lenient, for pages)", () => {
  it("keeps the good values and drops the bad ones", () => {
    const query = parseVoiceQuery(new URLSearchParams("stance=foo,neutral&ageMin=abc&page=0&sort=x&q=war"), "lenient");
    expect(query).toMatchObject({ stance: ["neutral"], page: 1, sort: "relevance", q: "war" });
    expect(query.ageMin).toBeUndefined();
  });

  it("drops an inverted age range", () => {
    const query = parseVoiceQuery(new URLSearchParams("ageMin=60&ageMax=20"), "lenient");
    expect([query.ageMin, query.ageMax]).toEqual([undefined, undefined]);
  });

  it("truncates an over-long search instead of failing", () => {
    expect(parseVoiceQuery(new URLSearchParams(`q=${"x".repeat(6000)}`), "lenient").q).toHaveLength(5000);
  });
});

describe("buildQueryHref", () => {
  const query = parseVoiceQuery(new URLSearchParams("q=war&stance=neutral&stance=unclear&page=3"));

  it("round-trips: parsing the link gives the query back", () => {
    const href = buildQueryHref("/", query, { page: 3 });
    expect(parseVoiceQuery(new URLSearchParams(href.split("?")[1]))).toEqual(query);
  });

  it("goes back to page 1 when a filter changes", () => {
    expect(buildQueryHref("/", query, toggleValue(query, "stance", "unclear"))).toBe("/?q=war&stance=neutral");
  });

  it("leaves defaults out, so the plain explorer is /", () => {
    expect(buildQueryHref("/", DEFAULT_VOICE_QUERY)).toBe("/");
  });

  it("adds a value that was not selected", () => {
    expect(toggleValue(query, "stance", "pro_russia")).toEqual({ stance: ["neutral", "unclear", "pro_russia"] });
  });
});
