import type { FacetValue } from "./filter-voices";

/** Facets with more values than this show their biggest few and fold the rest away. */
export const FACET_FOLD_AFTER = 20;
/** How many values a folded facet shows: the selected ones, then the largest counts. */
export const FACET_SHOWN = 10;

/**
 * Splits a facet's values into those shown and those folded under "N more". A corpus with
 * a thousand sources would otherwise list a thousand checkboxes. Selected values always
 * show; both lists keep the facet's own order.
 */
export function foldFacetValues(values: FacetValue[]): { shown: FacetValue[]; folded: FacetValue[] } {
  if (values.length <= FACET_FOLD_AFTER) return { shown: values, folded: [] };
  const ranked = [...values].sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count);
  const keep = new Set(ranked.slice(0, Math.max(FACET_SHOWN, values.filter((v) => v.selected).length)));
  return { shown: values.filter((v) => keep.has(v)), folded: values.filter((v) => !keep.has(v)) };
}
