import Link from "next/link";
import type { LocatedQuote } from "@/lib/sources/mark-quotes";
import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";

type Props = {
  sourceSlug: string;
  quotes: LocatedQuote[];
  speaker: { slug: string; name: string } | null;
  /** A `speaker` in the URL that names no one quoted here. */
  unknownSpeaker: string | null;
  /** "?version=1.0.0" on a release's page, else "": the form and links stay in that release. */
  pin: string;
  /** A quote's address: its fragment when this part shows it, else the part that holds it. */
  hrefOf: (quote: LocatedQuote) => string;
  /** "in 15 parts" for a text read in parts, else "". */
  inParts: string;
};

/**
 * Above the text: what the highlight colours mean, a way to follow one speaker, and the way
 * in to the first quote. A GET form and links, so it needs no JavaScript.
 */
export function QuoteGuide({ sourceSlug, quotes, speaker, unknownSpeaker, pin, hrefOf, inParts }: Props) {
  const version = new URLSearchParams(pin).get("version");
  const speakers = [...new Map(quotes.map((q) => [q.voiceSlug, q.voiceName])).entries()];
  const shown = speaker ? quotes.filter((q) => q.voiceSlug === speaker.slug) : quotes;
  const count = (n: number) => `${n} ${n === 1 ? "quote" : "quotes"}`;
  return (
    <div className="quote-guide">
      <ul className="stance-legend" aria-label="Highlight colours">
        {STANCES.filter((s) => quotes.some((q) => q.stance === s)).map((s) => (
          <li key={s}>
            <mark className={`quote stance-mark-${s}`}>{STANCE_LABELS[s]}</mark> {count(quotes.filter((q) => q.stance === s).length)}
          </li>
        ))}
      </ul>
      {unknownSpeaker !== null && (
        <p className="notice" role="status">
          No one quoted in this text has the id “{unknownSpeaker}”; showing every speaker.
        </p>
      )}
      <form className="speaker-filter" method="get" action={`/sources/${sourceSlug}#text-heading`}>
        <label htmlFor="speaker">Show one speaker’s quotes</label>{" "}
        <select id="speaker" name="speaker" defaultValue={speaker?.slug ?? ""}>
          <option value="">Everyone</option>
          {speakers.map(([slug, name]) => (
            <option key={slug} value={slug}>
              {name}
            </option>
          ))}
        </select>{" "}
        {version && <input type="hidden" name="version" value={version} />}
        <button type="submit">Show</button>
      </form>
      <p className="quote-guide-status">
        {speaker ? (
          <>
            Showing {count(shown.length)} by <strong>{speaker.name}</strong>; the others are dimmed.
          </>
        ) : (
          <>
            {count(quotes.length)} highlighted{inParts}, each labelled with its speaker and stance.
          </>
        )}
      </p>
      <p className="quote-guide-links">
        {shown[0] && <a href={hrefOf(shown[0])}>Go to the first quote</a>}
        {speaker && <Link href={`/sources/${sourceSlug}${pin}#text-heading`}>Show every speaker</Link>}
      </p>
    </div>
  );
}
