import type { Permalinks } from "../meta/permalinks";
import type { QuoteKind } from "../vocabulary";
import { describeQuoteKind, presentQuote } from "./quote-text";

// CSL-JSON items for the two layers a researcher cites: the original article, and the
// corpus entry (a voice or one quote) with its permalink, corpus version and access date.

export type CslName = { family?: string; given?: string; literal?: string };
type CslDate = { "date-parts": number[][] };
export type CslItem = {
  id: string;
  "citation-key": string;
  type: string;
  title: string;
  author?: CslName[];
  "container-title"?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  version?: string;
  genre?: string;
  medium?: string;
  note?: string;
};

export type CitableSource = {
  slug: string;
  type: string;
  title: string;
  publisher: string;
  authors: string[];
  publishedAt: string | null;
  url: string | null;
};

export type CitableVoice = { slug: string; name: string };
export type CitableQuote = { id: string; text: string; kind: QuoteKind };
/** A corpus entry's version, the date of that version (YYYY-MM-DD) and when the reader accessed it. */
export type CorpusStamp = { version: string; versionDate: string; accessedAt: Date };

/** Who publishes the corpus: author and publisher of every corpus entry. */
export const CORPUS_PUBLISHER = "Voices";

/** "Aigerim Shapagat" → family Shapagat, given Aigerim; a single word stays literal. */
export function toCslName(printed: string): CslName {
  const parts = printed.trim().split(/\s+/);
  if (parts.length < 2) return { literal: printed.trim() };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(" ") };
}

function toCslDate(iso: string): CslDate {
  return { "date-parts": [iso.split("-").map(Number)] };
}

function accessed(date: Date): CslDate {
  return { "date-parts": [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function buildArticleItem(source: CitableSource): CslItem {
  const authors = source.authors.map(toCslName);
  const blog = source.type === "blog-post";
  return {
    id: source.slug,
    "citation-key": citationKey(source.slug),
    type: blog ? "post-weblog" : "article-newspaper",
    title: source.title,
    ...(authors.length ? { author: authors } : {}),
    "container-title": source.publisher,
    ...(source.publishedAt ? { issued: toCslDate(source.publishedAt) } : {}),
    ...(source.url ? { URL: source.url } : {}),
  };
}

/** BibTeX keys may not contain hyphens; slugs never contain underscores, so keys stay unique. */
const citationKey = (id: string) => id.replace(/-/g, "_");

function corpusEntry(id: string, title: string, url: string, note: string, stamp: CorpusStamp): CslItem {
  return {
    id,
    "citation-key": citationKey(id),
    type: "dataset",
    title,
    author: [{ literal: CORPUS_PUBLISHER }],
    publisher: CORPUS_PUBLISHER,
    genre: "Data set",
    version: stamp.version,
    issued: toCslDate(stamp.versionDate),
    accessed: accessed(stamp.accessedAt),
    URL: url,
    note,
  };
}

const inSource = (source: CitableSource) =>
  `“${source.title}” (${[source.publisher, source.publishedAt ?? "undated"].join(", ")}${source.url ? `, ${source.url}` : ""})`;

const corpusLine = (stamp: CorpusStamp) =>
  `Voices corpus version ${stamp.version} of ${stamp.versionDate}, accessed ${isoDay(stamp.accessedAt)}.`;

/** The corpus entry for a voice: its permalink, at this corpus version. */
export function buildVoiceEntryItem(voice: CitableVoice, source: CitableSource, stamp: CorpusStamp, permalinks: Permalinks): CslItem {
  return corpusEntry(
    `voices-${voice.slug}`,
    `${voice.name}, as quoted in ${source.publisher}`,
    permalinks.voice(voice.slug),
    `${voice.name} as reported in ${inSource(source)}. ${corpusLine(stamp)}`,
    stamp,
  );
}

/**
 * The corpus entry for one quote. The note carries the words: a direct quotation in
 * quotation marks, a paraphrase labelled as the reporter's wording and never in quotation
 * marks; the title says which it is.
 */
export function buildQuoteEntryItem(
  quote: CitableQuote,
  voice: CitableVoice,
  source: CitableSource,
  stamp: CorpusStamp,
  permalinks: Permalinks,
): CslItem {
  const direct = quote.kind === "direct";
  return corpusEntry(
    `voices-${quote.id}`,
    direct
      ? `${voice.name}, as quoted in ${source.publisher} (quotation ${quote.id})`
      : `${voice.name}, as reported in ${source.publisher} (paraphrase ${quote.id})`,
    permalinks.quote(voice.slug, quote.id),
    `${describeQuoteKind(quote.kind)}: ${presentQuote(quote)} — ${direct ? `${voice.name}, as quoted in` : `${voice.name}, as reported in`} ${inSource(source)}. ${corpusLine(stamp)}`,
    stamp,
  );
}
