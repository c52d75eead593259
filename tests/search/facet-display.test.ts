import { describe, expect, it } from "vitest";
import { FACET_FOLD_AFTER, FACET_SHOWN, foldFacetValues } from "@/lib/search/facet-display";
import type { FacetValue } from "@/lib/search/filter-voices";

const value = (n: number, count: number, selected = false): FacetValue => ({ value: `v${n}`, label: `Value ${n}`, count, selected });
const names = (values: FacetValue[]) => values.map((v) => v.value);

describe("foldFacetValues", () => {
  it("shows every value of a short facet", () => {
    const values = Array.from({ length: FACET_FOLD_AFTER }, (_, n) => value(n, n));
    expect(foldFacetValues(values)).toEqual({ shown: values, folded: [] });
  });

  it("folds a long facet to its largest counts, in the facet's own order", () => {
    // counts rise with n, so the largest are the last FACET_SHOWN
    const values = Array.from({ length: 1000 }, (_, n) => value(n, n));
    const { shown, folded } = foldFacetValues(values);
    expect(names(shown)).toEqual(names(values.slice(-FACET_SHOWN)));
    expect(names(folded)).toEqual(names(values.slice(0, -FACET_SHOWN)));
  });

  it("always shows the selected values, however small", () => {
    const values = Array.from({ length: 100 }, (_, n) => value(n, n + 10, n === 3));
    const { shown, folded } = foldFacetValues(values);
    expect(names(shown)).toContain("v3");
    expect(names(folded)).not.toContain("v3");
    expect(shown).toHaveLength(FACET_SHOWN);
    expect(shown.length + folded.length).toBe(values.length);
  });
});
