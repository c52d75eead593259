import type { VoiceDetail } from "@/lib/voices/get-voice";
import { buildSourceQuoteHref } from "@/lib/sources/source-quote-href";
import { AddToList } from "../../../_components/add-to-list";
import { QuoteText } from "../../../_components/quote-text";

/**
 * A quote, then its paragraph with the quoted words marked, and a link to its place in the
 * source. `pin` ("?version=1.0.0" on a release's page, else "") keeps that link in the same release.
 */
export function QuoteInContext({
  quote,
  sourceSlug,
  pin = "",
}: {
  quote: VoiceDetail["quotes"][number];
  sourceSlug: string;
  pin?: string;
}) {
  const at = quote.context.indexOf(quote.text);
  return (
    <figure className="quote-figure">
      <QuoteText kind={quote.kind} text={quote.text} />
      <figcaption>
        <span className="quote-kind">{quote.kind === "direct" ? "Direct quotation" : "Paraphrase (the reporter’s words)"}</span> ·{" "}
        {/* a full page load, so the browser scrolls to the quote and :target highlights it */}
        <a href={buildSourceQuoteHref(sourceSlug, quote.id, pin)}>Read it in the source</a>{" "}
        <AddToList id={quote.id} label={quote.text.slice(0, 60)} />
      </figcaption>
      <details className="context">
        <summary>Surrounding paragraph</summary>
        <p>
          {at === -1 ? (
            quote.context
          ) : (
            <>
              {quote.context.slice(0, at)}
              <mark>{quote.text}</mark>
              {quote.context.slice(at + quote.text.length)}
            </>
          )}
        </p>
      </details>
    </figure>
  );
}
