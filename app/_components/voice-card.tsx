"use client";

import Link from "next/link";
import type { VoiceCard as VoiceCardData } from "@/lib/search/find-voices";
import { AddToCompare } from "./add-to-compare";
import { QuoteInContextLine } from "./quote-in-context-line";
import { StanceBadge } from "./stance-badge";
import { VoiceFactsLine } from "./voice-facts-line";

/** What a card shows of a voice, and nothing more: see pickVoiceCard. */
export type VoiceCardProps = Pick<VoiceCardData, "slug" | "name" | "stance" | "age" | "occupation" | "city" | "place"> & {
  source: Pick<VoiceCardData["source"], "slug" | "publisher" | "publishedAt">;
  quote: Pick<NonNullable<VoiceCardData["quote"]>, "id" | "kind" | "before" | "segments" | "after" | "excerpt"> | null;
};

/**
 * A result of the explorer. A client component although nothing in it but its compare
 * button is interactive: a server component's output travels in the page's React payload
 * element by element (every tag, class and id of twenty cards, a second time), a client
 * component's as its props, which are the card's data (decision 026).
 */
export function VoiceCard({ voice }: { voice: VoiceCardProps }) {
  return (
    <article className="voice-card" aria-labelledby={`card-${voice.slug}`}>
      <div className="voice-head">
        <h3 id={`card-${voice.slug}`}>
          <Link href={`/voices/${voice.slug}`}>{voice.name}</Link>
        </h3>
        <StanceBadge stance={voice.stance} />
      </div>
      <VoiceFactsLine age={voice.age} occupation={voice.occupation} city={voice.city} place={voice.place} />
      {voice.quote && <QuoteInContextLine quote={voice.quote} />}
      <div className="card-foot">
        <p className="card-source">
          <Link href={`/sources/${voice.source.slug}`}>{voice.source.publisher}</Link>
          {voice.source.publishedAt ? `, ${voice.source.publishedAt}` : ""}
        </p>
        <AddToCompare slug={voice.slug} name={voice.name} />
      </div>
    </article>
  );
}
