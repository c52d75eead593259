import { FACETS, UNKNOWN } from "./facets";
import type { VoiceFacts } from "./voice-facts";
import type { MultiKey, VoiceQuery } from "./voice-query";

// Pure filtering, facet counting and sorting over VoiceFacts; no database here,
// so every rule can be tested with a handful of hand-made voices.

export type TextMatch = {
  rank: number;
  /** Whether some of the voice's quotes matched. */
  quoteMatched: boolean;
  /** Whether the name, occupation, heritage or place matched (then all its quotes count). */
  voiceMatched: boolean;
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };
export type FacetCounts = Record<MultiKey, FacetValue[]>;

function matchesAgeRange(voice: VoiceFacts, query: VoiceQuery): boolean {
  if (query.ageMin === undefined && query.ageMax === undefined) return true;
  if (voice.age === null) return false;
  return (query.ageMin === undefined || voice.age >= query.ageMin) && (query.ageMax === undefined || voice.age <= query.ageMax);
}

type FactsIndex = {
  /** values[i][f]: the values of facet f for voice i. */
  values: string[][][];
  /** Every value of each facet in the corpus, with its label, in display order. */
  catalog: Map<string, string>[];
};

// Built once per loaded set of facts (the facts themselves are cached per connection).
const indexes = new WeakMap<VoiceFacts[], FactsIndex>();

function indexFacts(facts: VoiceFacts[]): FactsIndex {
  let index = indexes.get(facts);
  if (!index) {
    const values = facts.map((voice) => FACETS.map((facet) => facet.valuesOf(voice)));
    const catalog = FACETS.map((facet, f) => {
      const labels = new Map<string, string>();
      for (const value of facet.fixedValues ?? []) labels.set(value, facet.labelOf(value, facts));
      const firstVoice = new Map<string, VoiceFacts>();
      facts.forEach((voice, i) => values[i]![f]!.forEach((value) => firstVoice.has(value) || firstVoice.set(value, voice)));
      for (const [value, voice] of firstVoice) if (!labels.has(value)) labels.set(value, facet.labelOf(value, [voice]));
      if (!facet.fixedValues) {
        // open lists go alphabetically, "unknown" last
        return new Map(
          [...labels].sort((a, b) => Number(a[0] === UNKNOWN) - Number(b[0] === UNKNOWN) || a[1].localeCompare(b[1], "en")),
        );
      }
      return labels;
    });
    index = { values, catalog };
    indexes.set(facts, index);
  }
  return index;
}

/**
 * The voices the query selects, and each facet's counts over the voices that every
 * *other* filter selects: several values of one facet combine with OR, facets with
 * AND, and a facet's own selection never hides its other values.
 * `matches` is the text search's result, or null when there is no text to search.
 * One pass: each voice gets a bit per facet it fails; it is a result with no bits set,
 * and counts towards a facet when that facet's bit is the only one set.
 */
export function filterVoices(facts: VoiceFacts[], query: VoiceQuery, matches: Map<string, TextMatch> | null) {
  const { values, catalog } = indexFacts(facts);
  const selected = FACETS.map((facet) => new Set(query[facet.key] as string[]));
  const counts = FACETS.map((_, f) => new Map([...catalog[f]!.keys()].map((value) => [value, 0])));
  const results: VoiceFacts[] = [];

  facts.forEach((voice, i) => {
    if ((matches !== null && !matches.has(voice.id)) || !matchesAgeRange(voice, query)) return;
    let failed = 0;
    for (let f = 0; f < FACETS.length; f++) {
      const wanted = selected[f]!;
      if (wanted.size > 0 && !values[i]![f]!.some((value) => wanted.has(value))) failed |= 1 << f;
    }
    if (failed === 0) results.push(voice);
    for (let f = 0; f < FACETS.length; f++) {
      if ((failed & ~(1 << f)) !== 0) continue;
      const tally = counts[f]!;
      for (const value of values[i]![f]!) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
  });

  const facets = {} as FacetCounts;
  FACETS.forEach((facet, f) => {
    for (const value of selected[f]!) if (!counts[f]!.has(value)) counts[f]!.set(value, 0);
    facets[facet.key] = [...counts[f]!].map(([value, count]) => ({
      value,
      label: catalog[f]!.get(value) ?? facet.labelOf(value, facts),
      count,
      selected: selected[f]!.has(value),
    }));
  });
  return { results, facets };
}

/** Sorts in place: relevance is search rank (corpus order without a search); unknowns sort last. */
export function sortVoices(voices: VoiceFacts[], query: VoiceQuery, matches: Map<string, TextMatch> | null): VoiceFacts[] {
  const byOrder = (a: VoiceFacts, b: VoiceFacts) => a.order - b.order;
  const compare: Record<VoiceQuery["sort"], (a: VoiceFacts, b: VoiceFacts) => number> = {
    relevance: (a, b) => (matches ? matches.get(a.id)!.rank - matches.get(b.id)!.rank : 0) || byOrder(a, b),
    name: (a, b) => a.name.localeCompare(b.name, "en") || byOrder(a, b),
    age: (a, b) => (a.age ?? Infinity) - (b.age ?? Infinity) || byOrder(a, b),
    date: (a, b) => (b.sourceDate ?? "").localeCompare(a.sourceDate ?? "") || byOrder(a, b),
  };
  return voices.sort(compare[query.sort]);
}
