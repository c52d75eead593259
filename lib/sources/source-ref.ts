import type { Prisma } from "../db/generated/client";

/** A source as voices, quotes, exports and citations show it. */
export type SourceRef = {
  slug: string;
  type: string;
  title: string;
  publisher: string;
  authors: string[];
  publishedAt: string | null;
  url: string | null;
};

/** The Prisma `select` that a SourceRef is read from. */
export const SOURCE_REF_SELECT = {
  slug: true,
  type: true,
  title: true,
  publisher: true,
  authors: true,
  publishedAt: true,
  url: true,
} as const satisfies Prisma.SourceSelect;

export function toSourceRef(row: Prisma.SourceGetPayload<{ select: typeof SOURCE_REF_SELECT }>): SourceRef {
  return { ...row, authors: row.authors as string[] };
}
