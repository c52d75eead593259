import { FACETS, UNKNOWN, type Facet } from "./facets";
import type { VoiceFacts } from "./voice-facts";
import type { MultiKey, VoiceQuery } from "./voice-query";

// Pure filtering, facet counting and sorting over VoiceFacts; no database here,
// so every rule can be tested with a handful of hand-made voices.

export type TextMatch = {
  rank: number;
  /** The best-matching quote and its highlighted text, when a quote matched. */
  quoteId: string | null;
  highlighted: string | null;
  /** Every quote of the voice that matched. */
  quoteIds: string[];
  /** Whether the name, occupation, heritage or place matched (then all its quotes count). */
  voiceMatched: boolean;
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };
export type FacetCounts = Record<MultiKey, FacetValue[]>;

function matchesFacet(voice: VoiceFacts, facet: Facet, selected: string[]): boolean {
  return selected.length === 0 || facet.valuesOf(voice).some((value) => selected.includes(value));
}

function matchesAgeRange(voice: VoiceFacts, query: VoiceQuery): boolean {
  if (query.ageMin === undefined && query.ageMax === undefined) return true;
  if (voice.age === null) return false;
  return (query.ageMin === undefined || voice.age >= query.ageMin) && (query.ageMax === undefined || voice.age <= query.ageMax);
}

/**
 * The voices the query selects, and each facet's counts over the voices that every
 * *other* filter selects: several values of one facet combine with OR, facets with
 * AND, and a facet's own selection never hides its other values.
 * `matches` is the text search's result, or null when there is no text to search.
 */
export function filterVoices(facts: VoiceFacts[], query: VoiceQuery, matches: Map<string, TextMatch> | null) {
  const base = facts.filter((v) => (matches === null || matches.has(v.id)) && matchesAgeRange(v, query));
  const selectedBy = (facet: Facet) => query[facet.key] as string[];
  const results = base.filter((v) => FACETS.every((f) => matchesFacet(v, f, selectedBy(f))));

  const facets = {} as FacetCounts;
  for (const facet of FACETS) {
    const pool = base.filter((v) => FACETS.every((f) => f === facet || matchesFacet(v, f, selectedBy(f))));
    const counts = new Map<string, number>();
    for (const value of facet.fixedValues ?? []) counts.set(value, 0);
    for (const voice of facts) for (const value of facet.valuesOf(voice)) if (!counts.has(value)) counts.set(value, 0);
    for (const voice of pool) for (const value of facet.valuesOf(voice)) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const value of selectedBy(facet)) if (!counts.has(value)) counts.set(value, 0);
    const values = [...counts].map(([value, count]) => ({
      value,
      label: facet.labelOf(value, facts),
      count,
      selected: selectedBy(facet).includes(value),
    }));
    // fixed vocabularies keep their own order; open lists go alphabetically, "unknown" last
    if (!facet.fixedValues) {
      values.sort((a, b) => Number(a.value === UNKNOWN) - Number(b.value === UNKNOWN) || a.label.localeCompare(b.label, "en"));
    }
    facets[facet.key] = values;
  }
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
