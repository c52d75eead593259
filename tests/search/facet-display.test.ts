import { describe, expect, it } from "vitest";
import { FACET_ALL_UP_TO, FACET_TOP, summariseFacet, summariseFacets } from "@/lib/search/facet-display";
import type { FacetCounts, FacetValue } from "@/lib/search/filter-voices";
import { MULTI_VALUED } from "@/lib/search/voice-query";

const value = (n: number, count: number, selected = false): FacetValue => ({ value: `v${n}`, label: `Value ${n}`, count, selected });
const names = (values: FacetValue[]) => values.map((v) => v.value);

describe("summariseFacet", () => {
  it("sends every value of a short facet", () => {
    const values = Array.from({ length: FACET_ALL_UP_TO }, (_, n) => value(n, n + 1));
    expect(summariseFacet(values)).toEqual({ values, more: 0 });
  });

  it("leaves out values with no count unless they are selected", () => {
    const values = [value(0, 3), value(1, 0), value(2, 0, true), value(3, 1)];
    expect(summariseFacet(values)).toEqual({ values: [values[0], values[2], values[3]], more: 0 });
  });

  it("keeps every value of a fixed vocabulary, counted or not", () => {
    const values = [value(0, 3), value(1, 0), value(2, 0, true), value(3, 1)];
    expect(summariseFacet(values, true)).toEqual({ values, more: 0 });
  });

  it("does not count values with no count among those left out", () => {
    const values = [
      ...Array.from({ length: FACET_ALL_UP_TO }, (_, n) => value(n, n + 1)),
      ...Array.from({ length: 500 }, (_, n) => value(100 + n, 0)),
    ];
    expect(summariseFacet(values)).toEqual({ values: values.slice(0, FACET_ALL_UP_TO), more: 0 });
  });

  it("sends a long facet's largest counts, in the facet's own order, and counts the rest", () => {
    // counts rise with n, so the largest are the last FACET_TOP
    const values = Array.from({ length: 1000 }, (_, n) => value(n, n + 1));
    const { values: sent, more } = summariseFacet(values);
    expect(names(sent)).toEqual(names(values.slice(-FACET_TOP)));
    expect(more).toBe(1000 - FACET_TOP);
  });

  it.each([
    ["with a count", 5],
    ["with no count", 0],
  ])("always sends a selected value %s, besides the largest", (_, count) => {
    const values = Array.from({ length: 100 }, (_, n) => value(n, n === 3 ? count : n + 10, n === 3));
    const { values: sent, more } = summariseFacet(values);
    expect(names(sent)).toContain("v3");
    expect(sent).toHaveLength(FACET_TOP + 1);
    expect(sent.length + more).toBe(values.length);
  });
});

describe("summariseFacets", () => {
  it("summarises every facet and says how many values each leaves out", () => {
    const facets = Object.fromEntries(MULTI_VALUED.map((key) => [key, [value(1, 1), value(2, 0)]])) as FacetCounts;
    facets.source = Array.from({ length: 50 }, (_, n) => value(n, n + 1));
    const { facets: sent, moreFacetValues } = summariseFacets(facets);
    expect(sent.source).toHaveLength(FACET_TOP);
    expect(moreFacetValues).toEqual({ ...Object.fromEntries(MULTI_VALUED.map((key) => [key, 0])), source: 50 - FACET_TOP });
    // stance is a fixed vocabulary, city an open list
    expect(sent.stance).toEqual([value(1, 1), value(2, 0)]);
    expect(sent.city).toEqual([value(1, 1)]);
  });
});
