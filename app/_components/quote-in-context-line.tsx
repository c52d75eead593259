import type { KeywordInContext } from "@/lib/quotes/keyword-in-context";
import type { QuoteKind } from "@/lib/vocabulary";
import { HighlightedText } from "./highlighted-text";

/**
 * A quote inside the words around it, as a concordance shows it: the paragraph before and
 * after in muted text, the quote itself marked as the speaker's (or the reporter's, for a
 * paraphrase), and the search's words highlighted within it. Of a long quote, an excerpt and
 * a link to the whole: its own short address, /quotes/<id>, which opens it on its speaker's page.
 */
export function QuoteInContextLine({ quote }: { quote: KeywordInContext & { id: string; kind: QuoteKind } }) {
  return (
    <p className={`kwic quote-${quote.kind}`}>
      {quote.before && <span className="kwic-side">{quote.before}</span>}
      <span className="kwic-quote">
        <HighlightedText segments={quote.segments} />
      </span>
      {quote.after && <span className="kwic-side">{quote.after}</span>}
      {quote.excerpt && (
        <>
          {" "}
          <a href={`/quotes/${quote.id}`} className="kwic-whole">
            whole quote
          </a>
        </>
      )}
      {quote.kind === "paraphrase" && <span className="quote-kind"> (paraphrase: the reporter’s words)</span>}
    </p>
  );
}
