import { describe, expect, it } from "vitest";
import { describeQuery } from "@/lib/search/describe-query";
import { ageBandOf } from "@/lib/search/facets";
import { filterVoices, sortVoices } from "@/lib/search/filter-voices";
import type { VoiceFacts } from "@/lib/search/voice-facts";
import { makeVoiceFacts, makeVoiceRanks } from "../helpers/voice-facts";
import { parseVoiceQuery } from "@/lib/search/voice-query";

const voice = (id: string, facts: Partial<VoiceFacts>) => makeVoiceFacts(id, { sourceDate: "2022-03-23", ...facts });

const almaty = { placeSlug: "almaty", placeName: "Almaty", region: "Almaty", country: "Kazakhstan" };
const kyiv = { placeSlug: "kyiv", placeName: "Kyiv", region: "Kyiv", country: "Ukraine" };
const FACTS = [
  voice("aigerim", { age: 25, stance: "pro_ukraine", ...almaty }),
  voice("bolat", { age: 48, stance: "pro_russia", ...almaty, kinds: ["paraphrase"] }),
  voice("dana", { age: 33, stance: "neutral", ...kyiv, sourceSlug: "dip", sourceLabel: "The Diplomat", sourceDate: null }),
  voice("erlan", { stance: "neutral", role: "official", kinds: ["direct", "paraphrase"] }),
];

const q = (search: string) => parseVoiceQuery(new URLSearchParams(search));
const ids = (voices: VoiceFacts[]) => voices.map((v) => v.slug);
const countOf = (values: { value: string; count: number }[], value: string) => values.find((v) => v.value === value)?.count;

describe("filterVoices", () => {
  it.each([
    ["nothing selected: everyone", "", ["aigerim", "bolat", "dana", "erlan"]],
    ["one value", "stance=neutral", ["dana", "erlan"]],
    ["two values of one facet combine with OR", "stance=neutral,pro_russia", ["bolat", "dana", "erlan"]],
    ["two facets combine with AND", "stance=neutral&country=Ukraine", ["dana"]],
    ["unknown is a value", "city=unknown", ["erlan"]],
    ["age band", "ageBand=30-44", ["dana"]],
    ["unknown age band", "ageBand=unknown", ["erlan"]],
    ["age range leaves out unstated ages", "ageMin=30", ["bolat", "dana"]],
    ["age range with both ends", "ageMin=20&ageMax=40", ["aigerim", "dana"]],
    ["a voice with both kinds matches either", "kind=paraphrase", ["bolat", "erlan"]],
    ["source", "source=dip", ["dana"]],
    ["role", "role=official", ["erlan"]],
  ])("%s", (_label, search, expected) => {
    expect(ids(filterVoices(FACTS, q(search), null).results)).toEqual(expected);
  });

  it("counts each facet over the other facets' selection only", () => {
    const { facets } = filterVoices(FACTS, q("stance=neutral&country=Kazakhstan"), null);
    // stance counts ignore the stance filter: Kazakhstan has aigerim, bolat (and erlan has no country)
    expect(countOf(facets.stance, "pro_ukraine")).toBe(1);
    expect(countOf(facets.stance, "pro_russia")).toBe(1);
    expect(countOf(facets.stance, "neutral")).toBe(0);
    // country counts ignore the country filter: neutral voices are dana (Ukraine) and erlan (unknown)
    expect(countOf(facets.country, "Ukraine")).toBe(1);
    expect(countOf(facets.country, "unknown")).toBe(1);
    expect(countOf(facets.country, "Kazakhstan")).toBe(0);
  });

  it("lists every value of every facet, with zero counts and 'unknown' last", () => {
    const { facets } = filterVoices(FACTS, q("stance=pro_russia"), null);
    expect(facets.stance.map((v) => v.value)).toEqual(["pro_russia", "pro_ukraine", "neutral", "unclear"]);
    expect(facets.city.map((v) => v.value)).toEqual(["almaty", "kyiv", "unknown"]);
    expect(facets.city.map((v) => v.label)).toEqual(["Almaty", "Kyiv", "City not stated"]);
    expect(facets.ageBand.find((v) => v.value === "unknown")).toMatchObject({ label: "Age not stated", count: 0 });
  });

  it("marks the selected values", () => {
    const { facets } = filterVoices(FACTS, q("stance=neutral"), null);
    expect(facets.stance.filter((v) => v.selected).map((v) => v.value)).toEqual(["neutral"]);
  });

  it("keeps only text matches when there is a search", () => {
    expect(ids(filterVoices(FACTS, q("q=x"), makeVoiceRanks(FACTS, { dana: -1 })).results)).toEqual(["dana"]);
  });
});

describe("sortVoices", () => {
  it.each([
    ["name", ["aigerim", "bolat", "dana", "erlan"]],
    ["age, unknown last", ["aigerim", "dana", "bolat", "erlan"]],
    ["date, newest first, undated last", ["aigerim", "bolat", "erlan", "dana"]],
  ])("by %s", (label, expected) => {
    const sort = label.split(",")[0]!;
    expect(ids(sortVoices([...FACTS].reverse(), q(`sort=${sort}`), null))).toEqual(expected);
  });

  it("by relevance: best rank first, corpus order without a search", () => {
    const matches = makeVoiceRanks(FACTS, { erlan: -5, aigerim: -1 });
    const matched = FACTS.filter((v) => matches.rank[v.order] !== Infinity);
    expect(ids(sortVoices(matched, q("q=x"), matches))).toEqual(["erlan", "aigerim"]);
    expect(ids(sortVoices([...FACTS].reverse(), q(""), null))).toEqual(["aigerim", "bolat", "dana", "erlan"]);
  });

  it("by relevance: equal ranks keep corpus order, whatever order they arrive in", () => {
    const matches = makeVoiceRanks(FACTS, { erlan: -2, dana: -2, bolat: -2, aigerim: -7 });
    expect(ids(sortVoices([...FACTS].reverse(), q("q=x"), matches))).toEqual(["aigerim", "bolat", "dana", "erlan"]);
    expect(ids(sortVoices([...FACTS], q("q=x"), matches))).toEqual(["aigerim", "bolat", "dana", "erlan"]);
  });

  it("by relevance: many voices, few and many distinct ranks, in the order a comparator gives", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const distinct of [1, 3, 50, 5000]) {
      const many = Array.from({ length: 5000 }, (_, i) => makeVoiceFacts(`v${i}`, { order: i }));
      // negative, positive and both zeros, as bm25 and approximate scores give
      const values = Array.from({ length: distinct }, (_, k) => (k === 0 ? -0 : k === 1 ? 0 : (random() - 0.8) * 20));
      const rank = new Float64Array(many.length).map(() => values[Math.floor(random() * distinct)]!);
      const expected = [...many].sort((a, b) => rank[a.order]! - rank[b.order]! || a.order - b.order);
      expect(ids(sortVoices(many, q("q=x"), { rank })), `${distinct} distinct ranks`).toEqual(ids(expected));
    }
  });
});

describe("describeQuery", () => {
  it.each([
    ["", 4, "4 voices"],
    ["stance=neutral&ageBand=30-44&source=od", 1, "1 voice who supports neutrality, aged 30–44, quoted by openDemocracy"],
    ["stance=neutral,unclear", 2, "2 voices who support neutrality or take no clear side"],
    ["role=official", 1, "1 voice who is an official"],
    ["q=war&role=official,citizen", 2, "2 voices matching “war”, who are officials or citizens"],
    ["city=almaty,unknown", 3, "3 voices from Almaty or City not stated"],
    ["city=unknown", 1, "1 voice whose city is not stated"],
    ["ageMin=30&ageMax=50", 2, "2 voices aged 30 to 50"],
    ["ageMin=60", 0, "0 voices aged 60 or over"],
    ["kind=direct", 3, "3 voices with direct quotations"],
  ])("%s", (search, total, expected) => {
    expect(describeQuery(total, q(search), FACTS)).toBe(expected);
  });

  it("never cuts an emoji in half where it shortens the search to 80 characters", () => {
    const search = `${"a".repeat(79)}😀 and more`;
    const sentence = describeQuery(1, q(`q=${encodeURIComponent(search)}`), FACTS);
    expect(sentence).not.toMatch(/\p{Cs}/u); // no lone surrogate
    expect(sentence).toBe(`1 voice matching “${"a".repeat(79)}…”`);
  });
});

describe("ageBandOf", () => {
  it.each([
    [null, "unknown"],
    [18, "under-30"],
    [29, "under-30"],
    [30, "30-44"],
    [44, "30-44"],
    [45, "45-59"],
    [59, "45-59"],
    [60, "60-plus"],
  ] as const)("%s → %s", (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });
});
