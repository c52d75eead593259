import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ROLE_LABELS, STANCE_LABELS, isSlug } from "@/lib/vocabulary";
import { getDb } from "@/lib/db/client";
import { findChangeHistory } from "@/lib/releases/find-releases";
import { getPageCorpus } from "@/lib/releases/page-version";
import { citeVoice } from "@/lib/citation/cite-voice";
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { buildVoicePageMetadata } from "@/lib/meta/page-metadata";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { getVoice } from "@/lib/voices/get-voice";
import { chooseQuotePage, findQuotePage, QUOTES_PER_PAGE } from "@/lib/voices/quote-pages";
import { Pagination } from "../../_components/pagination";
import { groupEvidence, joinLabels, type FactRow } from "@/lib/voices/group-evidence";
import { AddToCompare } from "../../_components/add-to-compare";
import { ExportForm } from "../../_components/export-form";
import { MoreInExplorer } from "../../_components/more-in-explorer";
import { StanceBadge } from "../../_components/stance-badge";
import { StructuredMetadata } from "../../_components/structured-metadata";
import { ReleaseBanner } from "../../_components/release-banner";
import { CitePanel } from "./_components/cite-panel";
import { RemovedQuotes, VoiceHistory } from "./_components/voice-history";
import { QuoteInContext } from "./_components/quote-in-context";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Asked for by the metadata and by the page: React's cache reads it once per request.
const loadVoice = cache(async (slug: string, searchParams: Record<string, string | string[] | undefined>) => {
  const corpusAt = await getPageCorpus(searchParams);
  if (!corpusAt) return null;
  const { version, db } = corpusAt;
  const voice = isSlug(slug) ? await getVoice(db, slug) : null;
  if (!voice) return null;
  const corpus = await getCorpusInfo(db);
  return { voice, version, corpus, permalinks: await getRequestPermalinks(corpus.release) };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await loadVoice((await params).slug, await searchParams);
  // the page answers 404; throwing it here would send an error shell with no content for readers without JavaScript
  if (!loaded) return { title: "Not found" };
  const { voice, corpus, permalinks } = loaded;
  return {
    title: voice.name,
    description: `${voice.name}, quoted in ${voice.source.publisher}: ${STANCE_LABELS[voice.stance].toLowerCase()}.`,
    alternates: { canonical: permalinks.voice(voice.slug) },
    // Highwire, Dublin Core and PRISM tags, which Zotero's connector reads: this page is a corpus entry (a data set)
    other: buildVoicePageMetadata(voice, corpus, permalinks).tags,
  };
}

export default async function VoicePage({ params, searchParams }: Props) {
  const loaded = await loadVoice((await params).slug, await searchParams);
  if (!loaded) notFound(); // the not-found page says whether a release removed it
  const { voice, version, corpus, permalinks } = loaded;
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const quoteIds = voice.quotes.map((q) => q.id);
  // Many quotes are read a page at a time: `?page=N`, or the page holding `?quote=<id>`.
  const page = chooseQuotePage(quoteIds, { page: first(raw.page), quote: first(raw.quote) });
  if (page === null) notFound(); // the not-found page names the parameter
  const pages = Math.max(1, Math.ceil(quoteIds.length / QUOTES_PER_PAGE));
  const offset = (page - 1) * QUOTES_PER_PAGE;
  const pageHref = (n: number) =>
    `/voices/${voice.slug}?${new URLSearchParams([...(version ? [["version", version]] : []), ["page", String(n)]])}`;
  const history = await findChangeHistory(await getDb(), { voiceSlug: voice.slug });
  const pin = version ? `?version=${version}` : "";
  const versionParam: [string, string][] = version ? [["version", version]] : [];
  const rows: FactRow[] = [
    {
      label: "Age",
      value: voice.age !== null ? `${voice.age}${voice.ageAsOf ? ` (as of ${voice.ageAsOf})` : " (at the time of the article)"}` : null,
      attribute: "age",
    },
    {
      label: "City",
      value:
        voice.city && voice.place
          ? voice.place.name !== voice.city
            ? `${voice.city} (now ${voice.place.name}), ${voice.place.region}, ${voice.place.country}`
            : `${voice.city}, ${voice.place.region}, ${voice.place.country}`
          : voice.city,
      attribute: "city",
    },
    { label: "Occupation", value: voice.occupation, attribute: "occupation" },
    { label: "Heritage or nationality", value: voice.heritage, attribute: "heritage" },
  ];
  const evidence = groupEvidence(rows, voice.evidence);

  return (
    <article className="voice-page">
      <StructuredMetadata metadata={buildVoicePageMetadata(voice, corpus, permalinks)} />
      <p className="breadcrumb">
        <Link href="/">All voices</Link>
      </p>
      {version && <ReleaseBanner version={version} history={history} currentHref={`/voices/${voice.slug}`} entry="voice" />}
      <h1>{voice.name}</h1>
      {!voice.isNamed && <p className="help">Not named in the source; the name above is how the source describes this person.</p>}
      <p>
        <StanceBadge stance={voice.stance} /> <span className="role">{ROLE_LABELS[voice.role]}</span>{" "}
        <AddToCompare slug={voice.slug} name={voice.name} />
      </p>

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">
          {voice.quotes.length === 1 ? "Quote" : `Quotes (${voice.quotes.length})`}
          {pages > 1 ? `, page ${page} of ${pages}` : ""}
        </h2>
        {pages > 1 && <QuotesElsewhere ids={quoteIds} page={page} href={pageHref} />}
        <ol className="quote-list" start={offset + 1}>
          {voice.quotes.slice(offset, offset + QUOTES_PER_PAGE).map((quote) => (
            <li key={quote.id} id={`quote-${quote.id}`}>
              <QuoteInContext quote={quote} sourceSlug={voice.source.slug} pin={pin} />
              <CitePanel
                title="Cite this quote"
                citations={citeVoice(voice, corpus, { permalinks, quoteId: quote.id })}
                downloads={[["quote", quote.id], ...versionParam]}
                idPrefix={`cite-${quote.id}`}
              />
            </li>
          ))}
        </ol>
        {pages > 1 && <Pagination label="Pages of quotes" page={page} pages={pages} href={(n) => `${pageHref(n)}#quotes-heading`} />}
      </section>

      {!version && <RemovedQuotes history={history} />}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">What the source states</h2>
        <dl className="facts">
          {rows.map((row) => (
            <div key={row.attribute} className="fact">
              <dt>{row.label}</dt>
              <dd>{row.value ?? <span className="unknown">Not stated</span>}</dd>
            </div>
          ))}
        </dl>
        {evidence.length > 0 && (
          <ul className="evidence-list" aria-label="In the source’s words">
            {evidence.map((line) => (
              <li key={line.text} className="evidence">
                {joinLabels(line.supports)}, from: <q>{line.text}</q>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="stance-heading">
        <h2 id="stance-heading">Stance on the war</h2>
        <p>
          <StanceBadge stance={voice.stance} /> {voice.stanceRationale}
        </p>
        <p className="help">
          The stance is the corpus editors’ judgement; the sentence above gives the words it rests on.{" "}
          <Link href="/about#stance">How stance is judged</Link>
        </p>
      </section>

      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite</h2>
        <CitePanel
          title="Cite this voice"
          citations={citeVoice(voice, corpus, { permalinks })}
          downloads={[["voice", voice.slug], ["shape", "voices"], ...versionParam]}
          idPrefix="cite-voice"
          open
        />
        <ExportForm title="Export this voice’s quotes" selection={[["voice", voice.slug], ...versionParam]} />
      </section>

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        <p>
          <Link href={`/sources/${voice.source.slug}${pin}`}>{voice.source.title}</Link>. {voice.source.publisher}
          {voice.source.authors.length ? `, by ${voice.source.authors.join(", ")}` : ""}
          {voice.source.publishedAt ? `, ${voice.source.publishedAt}` : ", date not printed"}.
          {voice.source.url && (
            <>
              {" "}
              <a href={voice.source.url} rel="noreferrer">
                Original article
              </a>
            </>
          )}
        </p>
      </section>

      <VoiceHistory history={history} version={version} />

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">Other voices</h2>
        <div className="related">
          <div>
            <h3>From {voice.place?.name ?? "the same city"}</h3>
            {!voice.place ? (
              <p className="unknown">No city stated.</p>
            ) : voice.related.sameCity.total === 0 ? (
              <p className="unknown">No one else in the corpus.</p>
            ) : (
              <>
                <ul>
                  {voice.related.sameCity.voices.map((r) => (
                    <li key={r.slug}>
                      <Link href={`/voices/${r.slug}${pin}`}>{r.name}</Link> <StanceBadge stance={r.stance} />
                    </li>
                  ))}
                </ul>
                <MoreInExplorer
                  total={voice.related.sameCity.total}
                  shown={voice.related.sameCity.voices.length}
                  href={`/?city=${voice.place.slug}`}
                  label={`See every voice from ${voice.place.name} in the explorer`}
                />
              </>
            )}
          </div>
          <div>
            <h3>Also: {STANCE_LABELS[voice.stance]}</h3>
            {voice.related.sameStance.total === 0 ? (
              <p className="unknown">No one else in the corpus.</p>
            ) : (
              <>
                <ul>
                  {voice.related.sameStance.voices.map((r) => (
                    <li key={r.slug}>
                      <Link href={`/voices/${r.slug}${pin}`}>{r.name}</Link>
                      {r.city ? `, ${r.city}` : ""}
                    </li>
                  ))}
                </ul>
                <MoreInExplorer
                  total={voice.related.sameStance.total}
                  shown={voice.related.sameStance.voices.length}
                  href={`/?stance=${voice.stance}`}
                  label={`See every voice marked “${STANCE_LABELS[voice.stance]}” in the explorer`}
                />
              </>
            )}
          </div>
        </div>
      </section>
    </article>
  );
}

/**
 * The quotes on the voice's other pages, by number, each the target of its own fragment
 * (`#quote-<id>`): a permalink made before the quotes were paged, or by anyone who cannot
 * know the page, still lands on a link to the page that shows the quote.
 */
function QuotesElsewhere({ ids, page, href }: { ids: string[]; page: number; href: (page: number) => string }) {
  return (
    <nav aria-label="Quotes on other pages" className="quotes-elsewhere">
      <span className="help">Quotes on other pages:</span>{" "}
      {ids.map((id, i) => {
        const on = findQuotePage(i);
        return on === page ? null : (
          <a key={id} id={`quote-${id}`} href={`${href(on)}#quote-${id}`} aria-label={`Quote ${i + 1}, on page ${on}`}>
            {i + 1}
          </a>
        );
      })}
    </nav>
  );
}
