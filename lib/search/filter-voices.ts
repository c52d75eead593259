import { FACETS, UNKNOWN } from "./facets";
import type { VoiceFacts } from "./voice-facts";
import type { MultiKey, VoiceQuery } from "./voice-query";
import { processState } from "../db/process-state";

// Pure filtering, facet counting and sorting over VoiceFacts; no database here,
// so every rule can be tested with a handful of hand-made voices.

/**
 * In the quotes view, how many of each voice's quotes a search selects, by VoiceFacts.order:
 * `selected` those of the selected kinds, `byKind[k]` those of kind QUOTE_KINDS[k] (whatever
 * kinds are selected, so the kind facet can count its other values). Voices then count as
 * their quotes, and a voice with none selected is no result.
 */
export type QuoteCounts = { selected: Int32Array; byKind: Map<string, Int32Array> };

/** A text search's ranks, by VoiceFacts.order: Infinity for a voice that did not match (see find-text-matches). */
export type VoiceRanks = { rank: Float64Array };

export type FacetValue = { value: string; label: string; count: number; selected: boolean };
export type FacetCounts = Record<MultiKey, FacetValue[]>;

function matchesAgeRange(voice: VoiceFacts, query: VoiceQuery): boolean {
  if (query.ageMin === undefined && query.ageMax === undefined) return true;
  if (voice.age === null) return false;
  return (query.ageMin === undefined || voice.age >= query.ageMin) && (query.ageMax === undefined || voice.age <= query.ageMax);
}

type FactsIndex = {
  /** Every value of each facet in the corpus, in display order, with its label; a value's code is its place here. */
  catalog: { values: string[]; labels: Map<string, string>; codeOf: Map<string, number> }[];
  /** The codes of voice i's values of facet f: codes[f].values from codes[f].starts[i] up to codes[f].starts[i + 1]. */
  codes: { starts: Int32Array; values: Int32Array }[];
};

// Built once per loaded set of facts (the facts themselves are cached per connection).
// Values become small integers so that filtering and counting a hundred thousand voices
// touch typed arrays, not strings.
const indexes = processState("facts-indexes", () => new WeakMap<VoiceFacts[], FactsIndex>());

function indexFacts(facts: VoiceFacts[]): FactsIndex {
  let index = indexes.get(facts);
  if (index) return index;
  const catalog = FACETS.map((facet) => {
    const labels = new Map<string, string>();
    for (const value of facet.fixedValues ?? []) labels.set(value, facet.labelOf(value, facts));
    for (const voice of facts)
      for (const value of facet.valuesOf(voice)) if (!labels.has(value)) labels.set(value, facet.labelOf(value, [voice]));
    // open lists go alphabetically, "unknown" last
    const values = [...labels.keys()];
    if (!facet.fixedValues)
      values.sort((a, b) => Number(a === UNKNOWN) - Number(b === UNKNOWN) || labels.get(a)!.localeCompare(labels.get(b)!, "en"));
    return { values, labels, codeOf: new Map(values.map((value, code) => [value, code])) };
  });
  const codes = FACETS.map((facet, f) => {
    const starts = new Int32Array(facts.length + 1);
    const values: number[] = [];
    facts.forEach((voice, i) => {
      for (const value of facet.valuesOf(voice)) values.push(catalog[f]!.codeOf.get(value)!);
      starts[i + 1] = values.length;
    });
    return { starts, values: Int32Array.from(values) };
  });
  index = { catalog, codes };
  indexes.set(facts, index);
  return index;
}

/**
 * The voices the query selects, and each facet's counts over the voices that every
 * *other* filter selects: several values of one facet combine with OR, facets with
 * AND, and a facet's own selection never hides its other values.
 * `matches` is the text search's ranks, or null when there is no text to search.
 * One pass: each voice gets a bit per facet it fails; it is a result with no bits set,
 * and counts towards a facet when that facet's bit is the only one set.
 */
export function filterVoices(facts: VoiceFacts[], query: VoiceQuery, matches: VoiceRanks | null, quoteCounts: QuoteCounts | null = null) {
  const { catalog, codes } = indexFacts(facts);
  const selected = FACETS.map((facet) => query[facet.key] as string[]);
  const wanted = FACETS.map((_, f) => {
    const mask = new Uint8Array(catalog[f]!.values.length);
    for (const value of selected[f]!) {
      const code = catalog[f]!.codeOf.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  });
  const counts = FACETS.map((_, f) => new Int32Array(catalog[f]!.values.length));
  const kindFacet = FACETS.findIndex((facet) => facet.key === "kind");
  // in the quotes view a voice counts as its selected quotes (for the kind facet: those of the value's kind)
  const kindWeights = quoteCounts && catalog[kindFacet]!.values.map((value) => quoteCounts.byKind.get(value));
  const active = FACETS.map((_, f) => f).filter((f) => selected[f]!.length > 0);
  const allFacets = FACETS.map((_, f) => f);
  const results: VoiceFacts[] = [];

  for (let i = 0; i < facts.length; i++) {
    const voice = facts[i]!;
    if ((matches !== null && matches.rank[voice.order] === Infinity) || !matchesAgeRange(voice, query)) continue;
    let failed = 0;
    for (const f of active) {
      const { starts, values } = codes[f]!;
      const mask = wanted[f]!;
      let hit = false;
      for (let k = starts[i]!; k < starts[i + 1]! && !hit; k++) hit = mask[values[k]!] === 1;
      if (!hit) failed |= 1 << f;
    }
    const weight = quoteCounts === null ? 1 : quoteCounts.selected[voice.order]!;
    if (failed === 0 && weight > 0) results.push(voice);
    // a voice counts towards a facet when every other facet selects it: with two failures, towards none
    if ((failed & (failed - 1)) !== 0) continue;
    for (const f of failed === 0 ? allFacets : [31 - Math.clz32(failed)]) {
      const { starts, values } = codes[f]!;
      const count = counts[f]!;
      if (kindWeights && f === kindFacet)
        for (let k = starts[i]!; k < starts[i + 1]!; k++) count[values[k]!]! += kindWeights[values[k]!]?.[voice.order] ?? 0;
      else for (let k = starts[i]!; k < starts[i + 1]!; k++) count[values[k]!]! += weight;
    }
  }

  const facets = {} as FacetCounts;
  FACETS.forEach((facet, f) => {
    const { values, labels } = catalog[f]!;
    const listed = values.map((value, code) => ({
      value,
      label: labels.get(value)!,
      count: counts[f]![code]!,
      selected: selected[f]!.includes(value),
    }));
    // a selected value the corpus does not have still shows, so that it can be removed
    for (const value of selected[f]!) {
      if (!labels.has(value)) listed.push({ value, label: facet.labelOf(value, facts), count: 0, selected: true });
    }
    facets[facet.key] = listed;
  });
  return { results, facets };
}

/** Sorts in place: relevance is search rank (corpus order without a search); unknowns sort last. */
export function sortVoices(voices: VoiceFacts[], query: VoiceQuery, matches: VoiceRanks | null): VoiceFacts[] {
  const byOrder = (a: VoiceFacts, b: VoiceFacts) => a.order - b.order;
  const compare: Record<VoiceQuery["sort"], (a: VoiceFacts, b: VoiceFacts) => number> = {
    relevance: byOrder,
    name: (a, b) => a.name.localeCompare(b.name, "en") || byOrder(a, b),
    age: (a, b) => (a.age ?? Infinity) - (b.age ?? Infinity) || byOrder(a, b),
    date: (a, b) => (b.sourceDate ?? "").localeCompare(a.sourceDate ?? "") || byOrder(a, b),
    source: byOrder,
  };
  // filterVoices already gives corpus order, and sorting is what a search spends most on
  const inOrder = voices.every((voice, i) => i === 0 || voices[i - 1]!.order < voice.order);
  if (!((query.sort === "relevance" || query.sort === "source") && inOrder)) voices.sort(compare[query.sort]);
  return matches && query.sort === "relevance" ? sortByRank(voices, matches.rank) : voices;
}

/**
 * Stable in-place sort by rank, for voices already in corpus order. A hundred thousand
 * matches through a comparator take ~60 ms; bucketed by their distinct ranks (sorted as
 * a typed array, natively), a few.
 */
function sortByRank(voices: VoiceFacts[], rank: Float64Array): VoiceFacts[] {
  const distinct = Float64Array.from(new Set(voices.map((voice) => rank[voice.order]!))).sort();
  const bucketOf = new Map(Array.from(distinct, (value, i) => [value, i]));
  const buckets = voices.map((voice) => bucketOf.get(rank[voice.order]!)!);
  const starts = new Int32Array(distinct.length + 1);
  for (const bucket of buckets) starts[bucket + 1]!++;
  for (let i = 0; i < distinct.length; i++) starts[i + 1]! += starts[i]!;
  const sorted = new Array<VoiceFacts>(voices.length);
  voices.forEach((voice, i) => (sorted[starts[buckets[i]!]!++] = voice));
  sorted.forEach((voice, i) => (voices[i] = voice));
  return voices;
}
