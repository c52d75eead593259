import type { SourceRef } from "../sources/source-ref";
import { buildArticleItem } from "./csl-items";
import { CITATION_STYLES, formatReference, type CitationStyle } from "./format-citation";

/** A bibliography of the given sources in each style: each source once, in the order first given. */
export function citeSources(sources: SourceRef[]): { style: CitationStyle; label: string; references: string[] }[] {
  const unique = [...new Map(sources.map((s) => [s.slug, s])).values()];
  return (Object.keys(CITATION_STYLES) as CitationStyle[]).map((style) => ({
    style,
    label: CITATION_STYLES[style].label,
    references: unique.map((source) => formatReference(buildArticleItem(source), style)),
  }));
}
