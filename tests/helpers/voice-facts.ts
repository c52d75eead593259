import type { VoiceRanks } from "@/lib/search/filter-voices";
import type { VoiceFacts } from "@/lib/search/voice-facts";

let order = 0;

/** A hand-made voice for the pure search and insights functions: an unclear citizen with nothing stated, unless told. */
export function makeVoiceFacts(slug: string, facts: Partial<VoiceFacts> = {}): VoiceFacts {
  return {
    slug,
    name: slug,
    age: null,
    placeSlug: null,
    placeName: null,
    region: null,
    country: null,
    role: "citizen",
    stance: "unclear",
    sourceSlug: "od",
    sourceLabel: "openDemocracy",
    sourceDate: null,
    kinds: ["direct"],
    order: order++,
    ...facts,
  };
}

/** A text search's ranks over hand-made voices: the named ones matched with these ranks, no other. */
export function makeVoiceRanks(facts: VoiceFacts[], ranks: Record<string, number>): VoiceRanks {
  const rank = new Float64Array(Math.max(0, ...facts.map((v) => v.order)) + 1).fill(Infinity);
  for (const voice of facts) if (voice.slug in ranks) rank[voice.order] = ranks[voice.slug]!;
  return { rank };
}
