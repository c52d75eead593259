import Link from "next/link";
import type { QuoteResult as QuoteResultData } from "@/lib/quotes/find-quotes";
import { buildSourceQuoteHref } from "@/lib/sources/source-quote-href";
import { buildVoiceQuoteHref } from "@/lib/voices/voice-quote-href";
import { AddToList } from "./add-to-list";
import { QuoteInContextLine } from "./quote-in-context-line";
import { StanceBadge } from "./stance-badge";
import { VoiceFactsLine } from "./voice-facts-line";

/** One quote as a result: the quote in its context, who said it, where it was printed. */
export function QuoteResult({ quote }: { quote: QuoteResultData }) {
  return (
    <article className="quote-result" aria-labelledby={`result-${quote.id}`}>
      <QuoteInContextLine quote={quote} />
      <div className="voice-head">
        <h3 id={`result-${quote.id}`} className="quote-speaker">
          <Link href={buildVoiceQuoteHref(quote.voice.slug, quote.id)}>{quote.voice.name}</Link>
        </h3>
        <StanceBadge stance={quote.voice.stance} />
      </div>
      <VoiceFactsLine age={quote.voice.age} occupation={quote.voice.occupation} city={quote.voice.city} place={quote.voice.place} />
      <div className="card-foot">
        <p className="card-source">
          <Link href={`/sources/${quote.source.slug}`}>{quote.source.publisher}</Link>
          {quote.source.publishedAt ? `, ${quote.source.publishedAt}` : ""} · {/* a full page load, so the browser scrolls to the quote */}
          <a href={buildSourceQuoteHref(quote.source.slug, quote.id)}>Read it in the source</a>
        </p>
        <AddToList id={quote.id} label={`${quote.voice.name}: ${quote.text.slice(0, 60)}`} />
      </div>
    </article>
  );
}
