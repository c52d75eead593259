import type { CorpusInfo } from "../meta/get-corpus-info";
import type { Permalinks } from "../meta/permalinks";
import type { VoiceDetail } from "../voices/get-voice";
import { buildArticleItem, buildQuoteEntryItem, buildVoiceEntryItem, type CorpusStamp } from "./csl-items";
import { formatBiblatex } from "./format-biblatex";
import type { CitationRun } from "./citation-runs";
import { CITATION_STYLES, formatQuotedIn, formatReferenceRuns, type CitationStyle } from "./format-citation";
import { formatRis } from "./format-ris";

type StyledCitation = {
  style: CitationStyle;
  label: string;
  article: CitationRun[];
  quotedIn: string;
  corpusEntry: CitationRun[];
};

export type VoiceCitations = {
  styles: StyledCitation[];
  /** The article and the corpus entry, for a reference manager. */
  biblatex: string;
  ris: string;
};

const STYLES = Object.keys(CITATION_STYLES) as CitationStyle[];

/**
 * The two layers a researcher cites, in every style: the original article (with the
 * person "as quoted in" it) and the corpus entry (permalink, corpus version, access date).
 * With `quoteId`, the corpus entry is that one quote's.
 */
export function citeVoice(
  voice: VoiceDetail,
  corpus: CorpusInfo,
  options: { permalinks: Permalinks; quoteId?: string; accessedAt?: Date },
): VoiceCitations {
  const source = voice.source;
  const stamp: CorpusStamp = { version: corpus.version, versionDate: corpus.versionDate, accessedAt: options.accessedAt ?? new Date() };
  const article = buildArticleItem(source);
  const quote = options.quoteId ? voice.quotes.find((q) => q.id === options.quoteId) : undefined;
  const entry = quote
    ? buildQuoteEntryItem(quote, voice, source, stamp, options.permalinks)
    : buildVoiceEntryItem(voice, source, stamp, options.permalinks);
  return {
    styles: STYLES.map((style) => ({
      style,
      label: CITATION_STYLES[style].label,
      article: formatReferenceRuns(article, style),
      quotedIn: formatQuotedIn(article, style, voice.name),
      corpusEntry: formatReferenceRuns(entry, style),
    })),
    biblatex: formatBiblatex([article, entry]),
    ris: formatRis([article, entry]),
  };
}
