import type { PlaceRef } from "../places/place-ref";
import { STANCES, type Stance } from "../vocabulary";
import { FACETS, UNKNOWN, type Facet } from "../search/facets";
import type { VoiceFacts } from "../search/voice-facts";
import type { MultiKey } from "../search/voice-query";

// Pure builders behind /insights: the group × stance matrix, the stance charts, the
// survey comparison and the map's points. They take the voices the explorer's filters
// select, so every figure covers the whole filtered set, not a page of it.

export const MATRIX_DIMENSIONS = ["ageBand", "city", "region", "role", "source", "kind"] as const satisfies readonly MultiKey[];

/** A bar chart draws at most this many rows (the largest groups): a thousand bars say nothing. */
export const CHART_ROWS_MAX = 20;
/**
 * The matrix shows at most this many rows (the largest groups); the page links the rest to
 * the facet's full list. A row per source at a thousand sources made the page 2 MB.
 */
export const MATRIX_ROWS_MAX = 50;
/** The list of how many voices each source contributes shows this many, and links the rest. */
export const SOURCE_SHARES_SHOWN = 10;

export type StanceCounts = Record<Stance, number>;
export type GroupRow = { value: string; label: string; counts: StanceCounts; voiceIds: Record<Stance, string[]>; total: number };

const zero = (): StanceCounts => ({ pro_russia: 0, pro_ukraine: 0, neutral: 0, unclear: 0 });
const facetOf = (key: MultiKey): Facet => FACETS.find((f) => f.key === key)!;

/** Voices grouped by one facet (rows) and stance (columns); a voice with two quote kinds counts in both kind rows. */
export function buildStanceMatrix(voices: VoiceFacts[], dimension: MultiKey): GroupRow[] {
  const facet = facetOf(dimension);
  const rows = new Map<string, GroupRow>();
  const order = facet.fixedValues ?? []; // a fixed vocabulary labels its values without any voice
  for (const value of order)
    rows.set(value, {
      value,
      label: facet.labelOf(value, []),
      counts: zero(),
      voiceIds: { pro_russia: [], pro_ukraine: [], neutral: [], unclear: [] },
      total: 0,
    });
  for (const voice of voices) {
    for (const value of facet.valuesOf(voice)) {
      let row = rows.get(value);
      if (!row) {
        // labelled off this voice, which has the value: searching all facts per row took seconds for 1,000 sources
        row = {
          value,
          label: facet.labelOf(value, [voice]),
          counts: zero(),
          voiceIds: { pro_russia: [], pro_ukraine: [], neutral: [], unclear: [] },
          total: 0,
        };
        rows.set(value, row);
      }
      row.counts[voice.stance] += 1;
      row.voiceIds[voice.stance].push(voice.slug);
      row.total += 1;
    }
  }
  const list = [...rows.values()];
  if (!facet.fixedValues) {
    list.sort(
      (a, b) => Number(a.value === UNKNOWN) - Number(b.value === UNKNOWN) || b.total - a.total || a.label.localeCompare(b.label, "en"),
    );
  }
  return list;
}

/** Stance counts over all the given voices. */
export function countStances(voices: VoiceFacts[]): StanceCounts {
  const counts = zero();
  for (const v of voices) counts[v.stance] += 1;
  return counts;
}

/**
 * The representative survey one source cites (The Diplomat): Demoscope, a telephone
 * survey in November 2022. "Almost 60 percent" neutral, 22 percent supporting Ukraine,
 * 13 percent supporting Russia; the rest is not reported.
 */
export const DEMOSCOPE_NOVEMBER_2022 = {
  label: "Demoscope survey, November 2022",
  population: "Kazakhstanis reached by a telephone survey (a representative sample)",
  citation:
    "Demoscope telephone survey, November 2022, as reported in “The Kazakhstanis Picking Sides in Putin’s War in Ukraine”, The Diplomat",
  shares: { neutral: 60, pro_ukraine: 22, pro_russia: 13, unclear: 5 } satisfies StanceCounts,
  unclearNote: "The remaining 5% is not reported by the source; shown as “unclear”.",
};

/**
 * Below this many voices the insights page warns that a selection is too small to set beside
 * a national survey: one voice then moves a share by more than 5 percentage points, beyond
 * the margin of error of a representative survey of about a thousand people (about 3).
 */
export const SURVEY_COMPARISON_MIN = 20;

/** Percentages that add up to 100 (largest remainder), so a chart of shares never shows 101%. */
export function toShares(counts: StanceCounts): StanceCounts {
  const total = STANCES.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return zero();
  const raw = STANCES.map((s) => ({ s, exact: (counts[s] * 100) / total }));
  const shares = zero();
  let given = 0;
  for (const r of raw) given += shares[r.s] = Math.floor(r.exact);
  raw.sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; given < 100; i++, given++) shares[raw[i % raw.length]!.s] += 1;
  return shares;
}

export type MapPoint = { placeSlug: string; name: string; latitude: number; longitude: number; counts: StanceCounts; total: number };
/** Voices the map cannot show, by place (UNKNOWN for none stated): how many, and the first OFF_MAP_SHOWN. */
export type OffMapGroup = { placeSlug: string; label: string; total: number; voices: { slug: string; name: string }[] };

/** How many voices each off-map group lists by name; the explorer, filtered by that place, has them all. */
export const OFF_MAP_SHOWN = 12;

/** Voices per place in Kazakhstan, and the voices the map cannot show (elsewhere, or no stated place). */
export function buildMapData(voices: VoiceFacts[], places: PlaceRef[]) {
  const byPlace = new Map(places.map((p) => [p.slug, p]));
  const points = new Map<string, MapPoint>();
  const elsewhere = new Map<string, OffMapGroup>();
  const unplaced: OffMapGroup = { placeSlug: UNKNOWN, label: "No place stated", total: 0, voices: [] };
  const add = (group: OffMapGroup, v: VoiceFacts) => {
    group.total += 1;
    if (group.voices.length < OFF_MAP_SHOWN) group.voices.push({ slug: v.slug, name: v.name });
  };
  for (const v of voices) {
    const place = v.placeSlug ? byPlace.get(v.placeSlug) : undefined;
    if (!place) {
      add(unplaced, v);
    } else if (place.country !== "Kazakhstan") {
      const group = elsewhere.get(place.slug) ?? { placeSlug: place.slug, label: `${place.name}, ${place.country}`, total: 0, voices: [] };
      add(group, v);
      elsewhere.set(place.slug, group);
    } else {
      const point = points.get(place.slug) ?? {
        placeSlug: place.slug,
        name: place.name,
        latitude: place.latitude,
        longitude: place.longitude,
        counts: zero(),
        total: 0,
      };
      point.counts[v.stance] += 1;
      point.total += 1;
      points.set(place.slug, point);
    }
  }
  return {
    points: [...points.values()].sort((a, b) => b.total - a.total),
    offMap: [...elsewhere.values(), ...(unplaced.total ? [unplaced] : [])],
  };
}
