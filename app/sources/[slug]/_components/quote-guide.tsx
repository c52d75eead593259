import Link from "next/link";
import type { LocatedQuote } from "@/lib/sources/mark-quotes";
import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";

type Props = {
  sourceSlug: string;
  quotes: LocatedQuote[];
  speaker: { slug: string; name: string } | null;
  /** A `speaker` in the URL that names no one quoted here. */
  unknownSpeaker: string | null;
};

/**
 * Above the text: what the highlight colours mean, a way to follow one speaker, and the way
 * in to the first quote. A GET form and links, so it needs no JavaScript.
 */
export function QuoteGuide({ sourceSlug, quotes, speaker, unknownSpeaker }: Props) {
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
        <button type="submit">Show</button>
      </form>
      <p className="quote-guide-status">
        {speaker ? (
          <>
            Showing {count(shown.length)} by <strong>{speaker.name}</strong>; the others are dimmed.
          </>
        ) : (
          <>{count(quotes.length)} highlighted, each labelled with its speaker and stance.</>
        )}
      </p>
      <p className="quote-guide-links">
        {shown[0] && <a href={`#quote-${shown[0].id}`}>Go to the first quote</a>}
        {speaker && <Link href={`/sources/${sourceSlug}#text-heading`}>Show every speaker</Link>}
      </p>
    </div>
  );
}
