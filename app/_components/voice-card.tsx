import Link from "next/link";
import type { VoiceCard as VoiceCardData } from "@/lib/search/find-voices";
import { AddToCompare } from "./add-to-compare";
import { QuoteInContextLine } from "./quote-in-context-line";
import { StanceBadge } from "./stance-badge";
import { VoiceFactsLine } from "./voice-facts-line";

export function VoiceCard({ voice }: { voice: VoiceCardData }) {
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
