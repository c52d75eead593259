import { quotePermalink, voicePermalink } from "../meta/permalinks";

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
export type CitableQuote = { id: string; text: string };
/** A corpus entry's version, the date of that version (YYYY-MM-DD) and when the reader accessed it. */
export type CorpusStamp = { version: string; versionDate: string; accessedAt: Date };

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
    author: [{ literal: "Voices" }],
    publisher: "Voices",
    genre: "Data set",
    version: stamp.version,
    issued: toCslDate(stamp.versionDate),
    accessed: accessed(stamp.accessedAt),
    URL: url,
    note,
  };
}

const asQuotedIn = (voice: CitableVoice, source: CitableSource) => `${voice.name}, as quoted in ${source.publisher}`;

/** The corpus entry for a voice: its permalink, at this corpus version. */
export function buildVoiceEntryItem(voice: CitableVoice, source: CitableSource, stamp: CorpusStamp): CslItem {
  return corpusEntry(
    `voices-${voice.slug}`,
    asQuotedIn(voice, source),
    voicePermalink(voice.slug),
    `As quoted in “${source.title}”. Voices corpus version ${stamp.version}.`,
    stamp,
  );
}

/** The corpus entry for one quote; the note carries the exact words. */
export function buildQuoteEntryItem(quote: CitableQuote, voice: CitableVoice, source: CitableSource, stamp: CorpusStamp): CslItem {
  return corpusEntry(
    `voices-${quote.id}`,
    `${asQuotedIn(voice, source)} (quote ${quote.id})`,
    quotePermalink(voice.slug, quote.id),
    `“${quote.text}” As quoted in “${source.title}”. Voices corpus version ${stamp.version}.`,
    stamp,
  );
}
