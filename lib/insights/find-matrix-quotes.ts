import type { QuoteKind } from "../vocabulary";
import type { Database } from "../db/create-prisma-client";

/**
 * The insights matrix lists each cell's quotes inline for a filtered set of up to this many
 * voices. Past it, each cell links to the explorer instead: a corpus of 100,000 voices
 * would otherwise put a million quotes on one page.
 */
export const MATRIX_QUOTES_MAX_VOICES = 200;

export type MatrixQuote = { id: string; kind: QuoteKind; text: string };

/**
 * The quotes of the given voices (only the given kinds, if any), by voice in quote order;
 * null when there are more voices than MATRIX_QUOTES_MAX_VOICES.
 */
export async function findMatrixQuotes(db: Database, voiceSlugs: string[], kinds: QuoteKind[]): Promise<Map<string, MatrixQuote[]> | null> {
  if (voiceSlugs.length > MATRIX_QUOTES_MAX_VOICES) return null;
  const rows = await db.quote.findMany({
    where: { voiceSlug: { in: voiceSlugs }, ...(kinds.length ? { kind: { in: kinds } } : {}) },
    orderBy: [{ voiceSlug: "asc" }, { position: "asc" }],
    select: { id: true, kind: true, text: true, voiceSlug: true },
  });
  const byVoice = new Map<string, MatrixQuote[]>(voiceSlugs.map((slug) => [slug, []]));
  for (const { voiceSlug, ...quote } of rows) byVoice.get(voiceSlug)!.push(quote);
  return byVoice;
}
