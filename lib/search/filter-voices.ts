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

type FactsIndex = {
  /** Each voice's VoiceFacts.order and age (NaN when unknown), so that a search's pass over every voice reads typed arrays only. */
  orders: Int32Array;
  ages: Float64Array;
  /** Every value of each facet in the corpus, in display order, with its label; a value's code is its place here. */
  catalog: { values: string[]; labels: Map<string, string>; codeOf: Map<string, number> }[];
  /**
   * The codes of voice i's values of facet f: codes[f].values from codes[f].starts[i] up to
   * codes[f].starts[i + 1]; `single` is `values` when every voice has exactly one (then voice i's is single[i]).
   */
  codes: { starts: Int32Array; values: Int32Array; single: Int32Array | null }[];
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
    const codes = Int32Array.from(values);
    const oneEach = starts.every((start, i) => start === i);
    return { starts, values: codes, single: oneEach ? codes : null };
  });
  const orders = Int32Array.from(facts, (voice) => voice.order);
  const ages = Float64Array.from(facts, (voice) => voice.age ?? NaN);
  index = { orders, ages, catalog, codes };
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
  const { orders, ages, catalog, codes } = indexFacts(facts);
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
  const results: VoiceFacts[] = [];
  const resultOrders = new Int32Array(facts.length);
  const rank = matches?.rank;
  // a voice of unknown age (NaN) is in no range
  const ranged = query.ageMin !== undefined || query.ageMax !== undefined;
  const ageMin = query.ageMin ?? -Infinity;
  const ageMax = query.ageMax ?? Infinity;

  // first which voices count where: -1 nowhere, 0 everywhere, a facet's bit only towards that facet
  const countsIn = new Int32Array(facts.length).fill(-1);
  for (let i = 0; i < facts.length; i++) {
    const order = orders[i]!;
    if (rank !== undefined && rank[order] === Infinity) continue;
    if (ranged && !(ages[i]! >= ageMin && ages[i]! <= ageMax)) continue;
    let failed = 0;
    for (const f of active) {
      const { starts, values, single } = codes[f]!;
      const mask = wanted[f]!;
      let hit = false;
      if (single !== null) hit = mask[single[i]!] === 1;
      else for (let k = starts[i]!; k < starts[i + 1]! && !hit; k++) hit = mask[values[k]!] === 1;
      if (!hit) failed |= 1 << f;
    }
    const weight = quoteCounts === null ? 1 : quoteCounts.selected[order]!;
    if (failed === 0 && weight > 0) {
      resultOrders[results.length] = order;
      results.push(facts[i]!);
    }
    // a voice counts towards a facet when every other facet selects it: with two failures, towards none
    if ((failed & (failed - 1)) === 0) countsIn[i] = failed;
  }
  // then the counts, a facet at a time
  for (let f = 0; f < FACETS.length; f++) {
    const { starts, values, single } = codes[f]!;
    const counted = counts[f]!;
    const bit = 1 << f;
    // in the quotes view a voice counts as its selected quotes (for the kind facet: those of each kind)
    const byKind = f === kindFacet ? kindWeights : null;
    for (let i = 0; i < facts.length; i++) {
      if (countsIn[i] !== 0 && countsIn[i] !== bit) continue;
      const order = orders[i]!;
      if (byKind) for (let k = starts[i]!; k < starts[i + 1]!; k++) counted[values[k]!]! += byKind[values[k]!]?.[order] ?? 0;
      else {
        const weight = quoteCounts === null ? 1 : quoteCounts.selected[order]!;
        if (single !== null) counted[single[i]!]! += weight;
        else for (let k = starts[i]!; k < starts[i + 1]!; k++) counted[values[k]!]! += weight;
      }
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
  /** The results' VoiceFacts.order, for sortVoices. */
  return { results, orders: resultOrders.subarray(0, results.length), facets };
}

/**
 * Sorts in place: relevance is search rank (corpus order without a search); unknowns sort last.
 * `orders` holds each voice's VoiceFacts.order when the caller has them (filterVoices does):
 * reading them from a hundred thousand voices costs more than the sort.
 */
export function sortVoices(
  voices: VoiceFacts[],
  query: VoiceQuery,
  matches: VoiceRanks | null,
  orders: Int32Array<ArrayBufferLike> = Int32Array.from(voices, (voice) => voice.order),
): VoiceFacts[] {
  const byOrder = (a: VoiceFacts, b: VoiceFacts) => a.order - b.order;
  const compare: Record<VoiceQuery["sort"], (a: VoiceFacts, b: VoiceFacts) => number> = {
    relevance: byOrder,
    name: (a, b) => a.name.localeCompare(b.name, "en") || byOrder(a, b),
    age: (a, b) => (a.age ?? Infinity) - (b.age ?? Infinity) || byOrder(a, b),
    date: (a, b) => (b.sourceDate ?? "").localeCompare(a.sourceDate ?? "") || byOrder(a, b),
    source: byOrder,
  };
  // filterVoices already gives corpus order, and sorting is what a search spends most on
  let inOrder = true;
  for (let i = 1; i < orders.length && inOrder; i++) inOrder = orders[i - 1]! < orders[i]!;
  if (!((query.sort === "relevance" || query.sort === "source") && inOrder)) {
    voices.sort(compare[query.sort]);
    orders = Int32Array.from(voices, (voice) => voice.order);
  }
  return matches && query.sort === "relevance" ? sortByRank(voices, orders, matches.rank) : voices;
}

// how a double's two 32-bit words lie in memory (little-endian on every machine Node runs on, but asked)
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Ranks as unsigned integers in two words, and the index of each in the voices being sorted. */
type RankKeys = { high: Uint32Array; low: Uint32Array; index: Int32Array };

const newKeys = (n: number): RankKeys => ({ high: new Uint32Array(n), low: new Uint32Array(n), index: new Int32Array(n) });

/**
 * One stable pass of a radix sort: `from` into `to`, by the 16 bits at `shift` of its high or
 * low words. False when every key has the same digit there (then nothing is moved).
 */
function radixPass(from: RankKeys, to: RankKeys, word: "high" | "low", shift: number, starts: Int32Array): boolean {
  const digits = from[word];
  const n = digits.length;
  starts.fill(0);
  for (let k = 0; k < n; k++) starts[((digits[k]! >>> shift) & 0xffff) + 1]!++;
  if (starts[((digits[0]! >>> shift) & 0xffff) + 1] === n) return false;
  for (let d = 0; d < 0xffff; d++) starts[d + 1]! += starts[d]!;
  for (let k = 0; k < n; k++) {
    const at = starts[(digits[k]! >>> shift) & 0xffff]!++;
    to.high[at] = from.high[k]!;
    to.low[at] = from.low[k]!;
    to.index[at] = from.index[k]!;
  }
  return true;
}

/**
 * Stable in-place sort by rank, for voices already in corpus order. A hundred thousand
 * matches through a comparator take ~60 ms, bucketed by distinct rank (a Set and a Map of
 * doubles) ~17, a native sort of the bare ranks ~10; a radix sort of the ranks' bits, 16 at
 * a time, 5–8. Being stable, it keeps equal ranks in corpus order.
 */
function sortByRank(voices: VoiceFacts[], orders: Int32Array<ArrayBufferLike>, rank: Float64Array): VoiceFacts[] {
  const n = voices.length;
  const ranks = new Float64Array(n);
  // + 0 makes -0 equal to 0, as a comparator has it
  for (let i = 0; i < n; i++) ranks[i] = rank[orders[i]!]! + 0;
  // a double's words made to compare as unsigned integers do: negatives flipped whole, the rest's sign bit set
  const words = new Uint32Array(ranks.buffer);
  let keys = newKeys(n);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + HIGH_WORD]!;
    const low = words[2 * i + 1 - HIGH_WORD]!;
    const negative = high >>> 31 === 1;
    keys.high[i] = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
    keys.low[i] = negative ? ~low >>> 0 : low;
    keys.index[i] = i;
  }
  let spare = newKeys(n);
  const starts = new Int32Array(0x10001);
  for (const [word, shift] of [
    ["low", 0],
    ["low", 16],
    ["high", 0],
    ["high", 16],
  ] as const)
    if (radixPass(keys, spare, word, shift, starts)) [keys, spare] = [spare, keys];
  const before = voices.slice();
  for (let i = 0; i < n; i++) voices[i] = before[keys.index[i]!]!;
  return voices;
}
