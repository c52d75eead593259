import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { getDb } from "@/lib/db/client";
import { findChangeHistory } from "@/lib/releases/find-releases";
import { getPageCorpus } from "@/lib/releases/page-version";
import { isSlug } from "@/lib/vocabulary";
import { buildSourcePageMetadata } from "@/lib/meta/page-metadata";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { getSourceReading, type SourceReading } from "@/lib/sources/get-source";
import { choosePart } from "@/lib/sources/document-parts";
import { Pagination } from "../../_components/pagination";
import { ExportForm } from "../../_components/export-form";
import { ReleaseBanner } from "../../_components/release-banner";
import { StanceBadge } from "../../_components/stance-badge";
import { StructuredMetadata } from "../../_components/structured-metadata";
import { DocumentText, type QuoteElsewhere } from "./_components/document-text";
import { QuoteGuide } from "./_components/quote-guide";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Asked for by the metadata and by the page: React's cache reads it once per request.
const loadSource = cache(async (slug: string, searchParams: Record<string, string | string[] | undefined>) => {
  const corpusAt = await getPageCorpus(searchParams);
  if (!corpusAt) return null;
  const { version, db } = corpusAt;
  const source: SourceReading | null = isSlug(slug) ? await getSourceReading(db, slug) : null;
  if (!source) return null;
  const corpus = await getCorpusInfo(db);
  return { source, version, permalinks: await getRequestPermalinks(corpus.release) };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await loadSource((await params).slug, await searchParams);
  // the page answers 404; throwing it here would send an error shell with no content for readers without JavaScript
  if (!loaded) return { title: "Not found" };
  const { source, permalinks } = loaded;
  return {
    title: source.title,
    description: `${source.publisher}: the voices quoted in “${source.title}”.`,
    // Highwire, Dublin Core and PRISM tags, which Zotero's connector reads: this page is the article or blog post
    other: buildSourcePageMetadata(source, permalinks).tags,
  };
}

/** `?speaker=<voice slug>`: a hand-edited value that names no one quoted here shows everyone, with a notice. */
function readSpeaker(raw: string | string[] | undefined, quoted: SourceReading["documents"][number]["quotes"]) {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  if (value === "") return { speaker: null, unknownSpeaker: null };
  const quote = quoted.find((q) => q.voiceSlug === value);
  return quote
    ? { speaker: { slug: quote.voiceSlug, name: quote.voiceName }, unknownSpeaker: null }
    : { speaker: null, unknownSpeaker: value.slice(0, 100) };
}

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

export default async function SourcePage({ params, searchParams }: Props) {
  const loaded = await loadSource((await params).slug, await searchParams);
  if (!loaded) notFound(); // the not-found page says why
  const { source, version, permalinks } = loaded;
  const pin = version ? `?version=${version}` : "";
  const versionParam: [string, string][] = version ? [["version", version]] : [];
  const history = version
    ? await findChangeHistory(await getDb(), {
        OR: [{ entity: "source", key: source.slug }, { voiceSlug: { in: source.voices.map((v) => v.slug) } }],
      })
    : [];
  const [primary, ...copies] = source.documents;
  const raw = await searchParams;
  const { speaker, unknownSpeaker } = readSpeaker(raw.speaker, primary?.quotes ?? []);
  // A long text is read in parts: `?part=N`, or the part holding `?quote=<id>` (every link to a
  // quote in its source says which), or the part holding the chosen speaker's first quote.
  const part = primary
    ? choosePart(primary.parts, primary.quotes, {
        part: first(raw.part),
        quote: first(raw.quote) ?? (speaker ? primary.quotes.find((q) => q.voiceSlug === speaker.slug)?.id : undefined),
      })
    : null;
  if (primary && !part) notFound(); // the not-found page names the parameter
  const parts = primary?.parts.length ?? 0;
  const partHref = (n: number) =>
    `/sources/${source.slug}?${new URLSearchParams([...versionParam, ...(speaker ? [["speaker", speaker.slug]] : []), ["part", String(n)]])}`;
  const partAt = new Map(
    primary?.parts.flatMap((p) => primary.quotes.filter((q) => q.start >= p.start && q.start < p.end).map((q) => [q.id, p.number])),
  );
  const elsewhere: QuoteElsewhere = (q) => (partAt.get(q.id) === part?.number ? null : `${partHref(partAt.get(q.id) ?? 1)}#quote-${q.id}`);
  // above the text and below it; two landmarks, so two names
  const partNav = (label: string) =>
    part &&
    parts > 1 && <Pagination label={label} unit="Part" page={part.number} pages={parts} href={(n) => `${partHref(n)}#text-heading`} />;
  return (
    <article className="source-page">
      <StructuredMetadata metadata={buildSourcePageMetadata(source, permalinks)} />
      <p className="breadcrumb">
        <Link href="/">All voices</Link>
      </p>
      {version && <ReleaseBanner version={version} history={history} currentHref={`/sources/${source.slug}`} entry="source" />}
      <h1>{source.title}</h1>
      <dl className="facts">
        <div className="fact">
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
        </div>
        <div className="fact">
          <dt>Authors</dt>
          <dd>{source.authors.length ? source.authors.join(", ") : <span className="unknown">Not printed</span>}</dd>
        </div>
        <div className="fact">
          <dt>Published</dt>
          <dd>{source.publishedAt ?? <span className="unknown">Not printed</span>}</dd>
        </div>
        <div className="fact">
          <dt>URL</dt>
          <dd>
            {source.url ? (
              <a href={source.url} rel="noreferrer">
                {source.url}
              </a>
            ) : (
              <span className="unknown">Not printed</span>
            )}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="voices-heading">
        <h2 id="voices-heading">Voices in this source ({source.voices.length})</h2>
        <ul className="source-voices">
          {source.voices.map((v) => (
            <li key={v.slug}>
              <Link href={`/voices/${v.slug}${pin}`}>{v.name}</Link> <StanceBadge stance={v.stance} />{" "}
              <span className="help">
                {v.quoteCount > 0 && primary?.quotes.some((q) => q.voiceSlug === v.slug) ? (
                  <Link
                    href={`/sources/${source.slug}?${new URLSearchParams([...versionParam, ["speaker", v.slug]])}#text-heading`}
                    aria-label={`Show ${v.name}’s ${v.quoteCount} ${v.quoteCount === 1 ? "quote" : "quotes"} in the text`}
                  >
                    {v.quoteCount} {v.quoteCount === 1 ? "quote" : "quotes"}
                  </Link>
                ) : (
                  <>
                    {v.quoteCount} {v.quoteCount === 1 ? "quote" : "quotes"}
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <ExportForm title="Export the quotes in this source" selection={[["source", source.slug], ...versionParam]} />

      <section aria-labelledby="copies-heading">
        <h2 id="copies-heading">Copies we hold ({source.documents.length})</h2>
        <ul>
          {source.documents.map((d) => (
            <li key={d.id}>
              <code>{d.id}</code>
              {d.isPrimary ? " (shown below; quotes are located here)" : ""}: published by{" "}
              {d.publisher ?? "an outlet the copy does not name"}, {d.publishedAt ?? "date not printed"}.{d.note ? ` ${d.note}` : ""}
            </li>
          ))}
        </ul>
      </section>

      {primary && part && (
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">Text{parts > 1 ? `, part ${part.number} of ${parts}` : ""}</h2>
          <QuoteGuide
            sourceSlug={source.slug}
            quotes={primary.quotes}
            speaker={speaker}
            unknownSpeaker={unknownSpeaker}
            pin={pin}
            hrefOf={(q) => elsewhere(q) ?? `#quote-${q.id}`}
            inParts={parts > 1 ? ` in ${parts} parts` : ""}
          />
          {partNav("Parts of the text")}
          <DocumentText
            blocks={primary.blocks.slice(part.first, part.last + 1)}
            quotes={primary.quotes}
            speaker={speaker?.slug ?? null}
            pin={pin}
            elsewhere={elsewhere}
          />
          {partNav("Parts of the text, after this part")}
        </section>
      )}
      {copies.map((copy) => (
        <details key={copy.id} className="copy-text">
          <summary>Text of the copy {copy.id}</summary>
          <DocumentText blocks={copy.blocks} quotes={copy.quotes} speaker={null} pin={pin} />
        </details>
      ))}
    </article>
  );
}
