/** A source as voices, quotes and exports cite it. */
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
  id: true,
  type: true,
  title: true,
  publisher: true,
  authors: true,
  publishedAt: true,
  url: true,
} as const;

export function toSourceRef(row: {
  id: string;
  type: string;
  title: string;
  publisher: string;
  authors: unknown;
  publishedAt: string | null;
  url: string | null;
}): SourceRef {
  return {
    slug: row.id,
    type: row.type,
    title: row.title,
    publisher: row.publisher,
    authors: row.authors as string[],
    publishedAt: row.publishedAt,
    url: row.url,
  };
}
