import { buildArticleItem, buildQuoteEntryItem, buildVoiceEntryItem, type CslItem } from "@/lib/citation/csl-items";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { verifyCorpus } from "@/lib/corpus/verify-corpus";
import { buildPermalinks } from "@/lib/meta/permalinks";
import { DATA_DIR } from "./paths";

export const TEST_PERMALINKS = buildPermalinks("https://voices.example.org");

/** Every item the app cites, from the real corpus: each source's article, each voice's and each quote's corpus entry. */
export async function buildEveryCorpusItem(accessedAt = new Date("2026-12-01T09:00:00Z")) {
  const rows = verifyCorpus(await loadCorpus(DATA_DIR));
  const stamp = { version: rows.version, versionDate: rows.versionDate, accessedAt };
  const sources = new Map(
    rows.sources.map((s) => [s.slug, { ...s, type: s.type ?? "article", publishedAt: s.publishedAt ?? null, url: s.url ?? null }]),
  );
  const voices = new Map(rows.voices.map((v) => [v.slug, v]));
  const articles: CslItem[] = [...sources.values()].map(buildArticleItem);
  const voiceEntries: CslItem[] = rows.voices.map((v) => buildVoiceEntryItem(v, sources.get(v.sourceSlug)!, stamp, TEST_PERMALINKS));
  const quoteEntries = rows.quotes.map((q) => {
    const voice = voices.get(q.voiceSlug)!;
    return { quote: q, item: buildQuoteEntryItem(q, voice, sources.get(voice.sourceSlug)!, stamp, TEST_PERMALINKS) };
  });
  return { rows, stamp, articles, voiceEntries, quoteEntries, all: [...articles, ...voiceEntries, ...quoteEntries.map((q) => q.item)] };
}
