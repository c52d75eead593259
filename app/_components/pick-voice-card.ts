import type { VoiceCard } from "@/lib/search/find-voices";
import type { VoiceCardProps } from "./voice-card";

/**
 * The fields a card shows, picked from a search result: the card is a client component, so
 * whatever it is handed is written into the page a second time, as its props. The result
 * carries more (the quote's whole text and paragraph, the source's title and authors), for the API.
 */
export function pickVoiceCard(voice: VoiceCard): VoiceCardProps {
  const { slug, name, stance, age, occupation, city, place, source, quote } = voice;
  return {
    slug,
    name,
    stance,
    age,
    occupation,
    city,
    // the card names the place only when it differs from the city as printed ("Nur-Sultan (now Astana)")
    place: place === city ? null : place,
    source: { slug: source.slug, publisher: source.publisher, publishedAt: source.publishedAt },
    quote: quote && {
      id: quote.id,
      kind: quote.kind,
      before: quote.before,
      segments: quote.segments,
      after: quote.after,
      excerpt: quote.excerpt,
    },
  };
}
