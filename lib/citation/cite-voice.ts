import type { CorpusInfo } from "../meta/get-corpus-info";
import type { VoiceDetail } from "../voices/get-voice";
import { buildArticleItem, buildQuoteEntryItem, buildVoiceEntryItem, type CorpusStamp } from "./csl-items";
import { CITATION_STYLES, formatQuotedIn, formatReference, type CitationStyle } from "./format-citation";

export type StyledCitation = { style: CitationStyle; label: string; article: string; quotedIn: string; corpusEntry: string };

const STYLES = Object.keys(CITATION_STYLES) as CitationStyle[];

/**
 * The two layers a researcher cites, in every style: the original article (with the
 * person "as quoted in" it) and the corpus entry (permalink, corpus version, access date).
 * With `quoteId`, the corpus entry is that one quote's.
 */
export function citeVoice(voice: VoiceDetail, corpus: CorpusInfo, quoteId?: string, accessedAt = new Date()): StyledCitation[] {
  const source = voice.source;
  const stamp: CorpusStamp = { version: corpus.version, versionDate: corpus.versionDate, accessedAt };
  const article = buildArticleItem(source);
  const quote = quoteId ? voice.quotes.find((q) => q.id === quoteId) : undefined;
  const entry = quote ? buildQuoteEntryItem(quote, voice, source, stamp) : buildVoiceEntryItem(voice, source, stamp);
  return STYLES.map((style) => ({
    style,
    label: CITATION_STYLES[style].label,
    article: formatReference(article, style),
    quotedIn: formatQuotedIn(article, style, voice.name),
    corpusEntry: formatReference(entry, style),
  }));
}
