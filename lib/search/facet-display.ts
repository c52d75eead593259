import { FACETS } from "./facets";
import type { MultiKey } from "./voice-query";
import type { FacetCounts, FacetValue } from "./filter-voices";

/**
 * A facet with at most this many values to show sends them all: every facet of the real
 * corpus (ten places, four sources) does.
 */
export const FACET_ALL_UP_TO = 12;
/**
 * How many values a longer facet sends besides the selected ones: the largest counts. Each
 * is a checkbox on the explorer's first page, about 270 bytes with its payload (decision 026).
 */
export const FACET_TOP = 5;

/** What a search sends of one facet: the values it shows, and how many more there are (see findFacetValues). */
export type FacetSummary = { values: FacetValue[]; more: number };

/**
 * A facet's values as a search sends them. In a facet over an open list (cities, sources…)
 * a value with no voices is left out unless it is selected (so that it can be unselected);
 * a fixed vocabulary (stance, role, age band, kind: a handful of values) keeps every value,
 * so that its checkboxes stay put while a search narrows. A facet with more than
 * FACET_ALL_UP_TO values then sends the selected ones and its FACET_TOP largest, in the
 * facet's own order, and counts the rest in `more`. At a thousand sources, sending every
 * value made /api/voices 100 KB and the explorer's page 700 KB; the rest are a link away
 * (findFacetValues).
 */
export function summariseFacet(values: FacetValue[], fixed = false): FacetSummary {
  const present = fixed ? values : values.filter((v) => v.count > 0 || v.selected);
  if (present.length <= FACET_ALL_UP_TO) return { values: present, more: 0 };
  const ranked = [...present].sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count);
  const keep = new Set(ranked.slice(0, FACET_TOP + present.filter((v) => v.selected).length));
  return { values: present.filter((v) => keep.has(v)), more: present.length - keep.size };
}

/** Every facet summarised (see summariseFacet): the values sent, and per facet how many more. */
export function summariseFacets(facets: FacetCounts): { facets: FacetCounts; moreFacetValues: Record<MultiKey, number> } {
  const shown = {} as FacetCounts;
  const more = {} as Record<MultiKey, number>;
  for (const { key, fixedValues } of FACETS) {
    const summary = summariseFacet(facets[key], fixedValues !== undefined);
    shown[key] = summary.values;
    more[key] = summary.more;
  }
  return { facets: shown, moreFacetValues: more };
}
