import type { CitableSource } from "../citation/csl-items";
import { CORPUS_PUBLISHER } from "../citation/csl-items";
import type { QuoteKind } from "../vocabulary";
import type { CorpusInfo } from "./get-corpus-info";
import type { Permalinks } from "./permalinks";

// What a reference manager reads from a page: meta tags for Zotero's "Embedded Metadata"
// translator (Highwire citation_*, Dublin Core DC.*, PRISM prism.*, Open Graph og:*) and
// schema.org JSON-LD (Dataset, NewsArticle / BlogPosting, Person, Quotation).
// The translator decides the item type by precedence: a Highwire "type" tag first
// (citation_journal_title makes a journal article, so we never send it), then PRISM
// (prism.genre "blogentry": blog post), then Open Graph's og:type (so voice pages send none:
// "website" would make a web page), then DC.type ("Dataset": data set; "NewsItem":
// newspaper article). tests/app/reference-manager-capture.test.ts holds the pages to it.

/** Meta tags: name → one value or several (one tag each). */
type MetaTags = Record<string, string | string[]>;

export type PageMetadata = { tags: MetaTags; openGraph: Record<string, string | string[]>; jsonLd: Record<string, unknown> };

type CitableVoice = {
  slug: string;
  name: string;
  isNamed: boolean;
  occupation: string | null;
  city: string | null;
  quotes: { id: string; text: string; kind: QuoteKind }[];
};

const slashDate = (iso: string) => iso.replace(/-/g, "/");
const organization = (name: string) => ({ "@type": "Organization", name });

/** schema.org for the published article or blog post. */
function articleJsonLd(source: CitableSource, permalinks: Permalinks) {
  return {
    "@type": source.type === "blog-post" ? "BlogPosting" : "NewsArticle",
    headline: source.title,
    ...(source.authors.length ? { author: source.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
    publisher: organization(source.publisher),
    ...(source.url ? { url: source.url } : {}),
    // our copy of its text, with the quotes marked
    subjectOf: { "@type": "WebPage", url: permalinks.source(source.slug) },
  };
}

/** A voice page: the corpus entry, a data set at this corpus version. */
export function buildVoicePageMetadata(
  voice: CitableVoice & { source: CitableSource },
  corpus: CorpusInfo,
  permalinks: Permalinks,
): PageMetadata {
  const title = `${voice.name}, as quoted in ${voice.source.publisher}`;
  const url = permalinks.voice(voice.slug);
  const description = `${voice.name}, as quoted in “${voice.source.title}” (${voice.source.publisher}): an entry of the Voices corpus, version ${corpus.version}.`;
  const person = {
    "@type": "Person",
    name: voice.name,
    ...(voice.occupation ? { jobTitle: voice.occupation } : {}),
    ...(voice.city ? { homeLocation: { "@type": "Place", name: voice.city } } : {}),
  };
  return {
    tags: {
      // Highwire: title, author, publisher, date and URL (no type tag: the DC.type decides)
      citation_title: title,
      citation_author: CORPUS_PUBLISHER,
      citation_publisher: CORPUS_PUBLISHER,
      citation_date: slashDate(corpus.versionDate),
      citation_public_url: url,
      "DC.type": "Dataset",
      "DC.title": title,
      "DC.creator": CORPUS_PUBLISHER,
      "DC.publisher": CORPUS_PUBLISHER,
      "DC.date": corpus.versionDate,
      "DC.identifier": url,
      "DC.relation": voice.source.url ?? permalinks.source(voice.source.slug),
      "DC.language": "en",
      // Zotero reads a data set's version from prism.edition
      "prism.edition": corpus.version,
    },
    openGraph: { "og:title": title, "og:url": url, "og:site_name": CORPUS_PUBLISHER, "og:description": description },
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: title,
      description,
      url,
      version: corpus.version,
      datePublished: corpus.versionDate,
      creator: organization(CORPUS_PUBLISHER),
      publisher: organization(CORPUS_PUBLISHER),
      isPartOf: { "@type": "Dataset", name: CORPUS_PUBLISHER, url: permalinks.corpus, version: corpus.version },
      about: person,
      isBasedOn: articleJsonLd(voice.source, permalinks),
      // only a direct quotation is a Quotation; a paraphrase is the reporter's words about the person
      hasPart: voice.quotes.map((q) =>
        q.kind === "direct"
          ? { "@type": "Quotation", text: q.text, spokenByCharacter: person, url: permalinks.quote(voice.slug, q.id) }
          : {
              "@type": "CreativeWork",
              genre: "paraphrase (reported speech)",
              text: q.text,
              about: person,
              url: permalinks.quote(voice.slug, q.id),
            },
      ),
    },
  };
}

/** A source page: the newspaper article or blog post itself. */
export function buildSourcePageMetadata(
  source: CitableSource & { voices: { slug: string; name: string }[] },
  permalinks: Permalinks,
): PageMetadata {
  const blog = source.type === "blog-post";
  return {
    tags: {
      citation_title: source.title,
      ...(source.authors.length ? { citation_author: source.authors } : {}),
      ...(source.publishedAt ? { citation_date: slashDate(source.publishedAt) } : {}),
      ...(source.url ? { citation_public_url: source.url } : {}),
      "DC.type": blog ? "Text" : "NewsItem",
      "DC.title": source.title,
      ...(source.authors.length ? { "DC.creator": source.authors } : {}),
      "DC.publisher": source.publisher,
      ...(source.publishedAt ? { "DC.date": source.publishedAt } : {}),
      ...(source.url ? { "DC.identifier": source.url } : {}),
      "DC.language": "en",
      "prism.publicationName": source.publisher,
      ...(blog ? { "prism.genre": "blogentry" } : {}),
    },
    openGraph: {
      "og:type": "article",
      "og:title": source.title,
      "og:site_name": source.publisher,
      ...(source.url ? { "og:url": source.url } : {}),
      ...(source.publishedAt ? { "article:published_time": source.publishedAt } : {}),
      ...(source.authors.length ? { "article:author": source.authors } : {}),
    },
    jsonLd: {
      "@context": "https://schema.org",
      ...articleJsonLd(source, permalinks),
      mentions: source.voices.map((v) => ({ "@type": "Person", name: v.name, url: permalinks.voice(v.slug) })),
    },
  };
}
