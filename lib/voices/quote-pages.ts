import { parsePageNumber } from "../pages/page-number";

/**
 * How many quotes a voice's page shows at once. Each quote carries its citations in every
 * style, about 25 KB of HTML and React payload, so five keep a page near 175 KB, well under
 * the 300 KB every page keeps to; every real voice (five quotes at most) fits on one page.
 */
export const QUOTES_PER_PAGE = 5;

/** The page of a voice's quotes that shows the quote at `index` (0-based, in the voice's order). */
export function findQuotePage(index: number): number {
  return Math.floor(Math.max(0, index) / QUOTES_PER_PAGE) + 1;
}

/**
 * The page a voice's page shows: `?page=N` (from 1 to the number of pages), else the page
 * holding `?quote=<id>`, else page 1. Null when either names nothing there (a 404 naming it).
 */
export function chooseQuotePage(quoteIds: string[], param: { page: string | undefined; quote: string | undefined }): number | null {
  const pages = Math.max(1, Math.ceil(quoteIds.length / QUOTES_PER_PAGE));
  if (param.page !== undefined) return parsePageNumber(param.page, pages);
  if (param.quote !== undefined) {
    const index = quoteIds.indexOf(param.quote);
    return index === -1 ? null : findQuotePage(index);
  }
  return 1;
}
