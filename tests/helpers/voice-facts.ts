import type { VoiceFacts } from "@/lib/search/voice-facts";

let order = 0;

/** A hand-made voice for the pure search and insights functions: an unclear citizen with nothing stated, unless told. */
export function makeVoiceFacts(id: string, facts: Partial<VoiceFacts> = {}): VoiceFacts {
  return {
    id,
    name: id,
    age: null,
    placeId: null,
    placeName: null,
    region: null,
    country: null,
    role: "citizen",
    stance: "unclear",
    sourceId: "od",
    sourceLabel: "openDemocracy",
    sourceDate: null,
    kinds: ["direct"],
    order: order++,
    ...facts,
  };
}
