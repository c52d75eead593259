import type { Prisma } from "../db/generated/client";
import type { QuoteKind } from "../vocabulary";

/** A quote with where it stands: the document and the character offsets of its words there. */
export type QuoteRef = {
  id: string;
  kind: QuoteKind;
  text: string;
  /** The paragraph around the quote. */
  context: string;
  /** The id of the document (copy of the source) the words were found in. */
  document: string;
  start: number;
  end: number;
};

/** The Prisma `select` that a QuoteRef is read from. */
export const QUOTE_REF_SELECT = {
  id: true,
  kind: true,
  text: true,
  context: true,
  documentId: true,
  start: true,
  end: true,
} as const satisfies Prisma.QuoteSelect;

export function toQuoteRef({ documentId, ...row }: Prisma.QuoteGetPayload<{ select: typeof QUOTE_REF_SELECT }>): QuoteRef {
  return { ...row, document: documentId };
}
