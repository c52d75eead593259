import { describe, expect, it } from "vitest";
import { STANCES } from "@/lib/vocabulary";
import {
  buildMapData,
  buildStanceMatrix,
  countStances,
  DEMOSCOPE_NOVEMBER_2022,
  OFF_MAP_SHOWN,
  toShares,
} from "@/lib/insights/build-insights";
import type { VoiceFacts } from "@/lib/search/voice-facts";
import { makeVoiceFacts } from "../helpers/voice-facts";

const voice = (id: string, facts: Partial<VoiceFacts>) => makeVoiceFacts(id, { name: id.toUpperCase(), ...facts });

const almaty = { placeSlug: "almaty", placeName: "Almaty", region: "Almaty", country: "Kazakhstan" };
const VOICES = [
  voice("a", { age: 25, stance: "pro_ukraine", ...almaty }),
  voice("b", { age: 50, stance: "pro_russia", ...almaty, kinds: ["direct", "paraphrase"] }),
  voice("c", { age: 52, stance: "pro_russia", placeSlug: "kyiv", placeName: "Kyiv", region: "Kyiv", country: "Ukraine" }),
  voice("d", { stance: "neutral", sourceSlug: "dip", sourceLabel: "The Diplomat" }),
];
const PLACES = [
  { slug: "almaty", name: "Almaty", region: "Almaty", country: "Kazakhstan", latitude: 43.2, longitude: 76.9 },
  { slug: "kyiv", name: "Kyiv", region: "Kyiv", country: "Ukraine", latitude: 50.4, longitude: 30.5 },
];

describe("buildStanceMatrix", () => {
  it("counts voices by group and stance, keeping every band and its voices", () => {
    const rows = buildStanceMatrix(VOICES, "ageBand");
    expect(rows.map((r) => [r.value, r.total])).toEqual([
      ["under-30", 1],
      ["30-44", 0],
      ["45-59", 2],
      ["60-plus", 0],
      ["unknown", 1],
    ]);
    expect(rows.find((r) => r.value === "45-59")!.counts).toEqual({ pro_russia: 2, pro_ukraine: 0, neutral: 0, unclear: 0 });
    expect(rows.find((r) => r.value === "45-59")!.voiceIds.pro_russia).toEqual(["b", "c"]);
  });

  it("orders open lists by size with 'not stated' last", () => {
    expect(buildStanceMatrix(VOICES, "city").map((r) => r.label)).toEqual(["Almaty", "Kyiv", "City not stated"]);
  });

  it("counts a voice with both kinds of quote in both kind rows", () => {
    const rows = buildStanceMatrix(VOICES, "kind");
    expect(rows.map((r) => [r.value, r.total])).toEqual([
      ["direct", 4],
      ["paraphrase", 1],
    ]);
  });

  it("every voice appears in exactly one cell of a single-valued dimension", () => {
    const rows = buildStanceMatrix(VOICES, "source");
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(VOICES.length);
  });
});

describe("toShares", () => {
  it.each([
    [{ pro_russia: 1, pro_ukraine: 1, neutral: 1, unclear: 0 }],
    [{ pro_russia: 6, pro_ukraine: 6, neutral: 7, unclear: 9 }],
    [{ pro_russia: 0, pro_ukraine: 0, neutral: 3, unclear: 0 }],
  ])("adds up to exactly 100 (%j)", (counts) => {
    const shares = toShares(counts);
    expect(STANCES.reduce((n, s) => n + shares[s], 0)).toBe(100);
  });

  it("gives 0 for every stance of an empty selection", () => {
    expect(toShares(countStances([]))).toEqual({ pro_russia: 0, pro_ukraine: 0, neutral: 0, unclear: 0 });
  });

  it("keeps the survey's published figures", () => {
    expect(DEMOSCOPE_NOVEMBER_2022.shares).toMatchObject({ neutral: 60, pro_ukraine: 22, pro_russia: 13 });
  });
});

describe("buildMapData", () => {
  const { points, offMap } = buildMapData(VOICES, PLACES);

  it("puts a point for each city in Kazakhstan, with stance counts", () => {
    expect(points).toEqual([
      {
        placeSlug: "almaty",
        name: "Almaty",
        latitude: 43.2,
        longitude: 76.9,
        counts: { pro_russia: 1, pro_ukraine: 1, neutral: 0, unclear: 0 },
        total: 2,
      },
    ]);
  });

  it("lists voices placed outside Kazakhstan and voices with no stated place beside the map", () => {
    expect(offMap).toEqual([
      { placeSlug: "kyiv", label: "Kyiv, Ukraine", total: 1, voices: [{ slug: "c", name: "C" }] },
      { placeSlug: "unknown", label: "No place stated", total: 1, voices: [{ slug: "d", name: "D" }] },
    ]);
  });

  it("names only the first voices of a large off-map group and counts them all", () => {
    const many = Array.from({ length: OFF_MAP_SHOWN + 5 }, (_, i) => voice(`u${i}`, { stance: "unclear" }));
    const [unplaced] = buildMapData(many, PLACES).offMap;
    expect(unplaced!.total).toBe(many.length);
    expect(unplaced!.voices.map((v) => v.slug)).toEqual(many.slice(0, OFF_MAP_SHOWN).map((v) => v.slug));
  });
});
