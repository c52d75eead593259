import type { QuoteKind } from "../corpus/vocabulary";
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
export async function findMatrixQuotes(db: Database, voiceIds: string[], kinds: QuoteKind[]): Promise<Map<string, MatrixQuote[]> | null> {
  if (voiceIds.length > MATRIX_QUOTES_MAX_VOICES) return null;
  const rows = await db.quote.findMany({
    where: { voiceId: { in: voiceIds }, ...(kinds.length ? { kind: { in: kinds } } : {}) },
    orderBy: [{ voiceId: "asc" }, { position: "asc" }],
    select: { id: true, kind: true, text: true, voiceId: true },
  });
  const byVoice = new Map<string, MatrixQuote[]>(voiceIds.map((id) => [id, []]));
  for (const { voiceId, ...quote } of rows) byVoice.get(voiceId)!.push({ ...quote, kind: quote.kind as QuoteKind });
  return byVoice;
}
