/**
 * The address of a quote in its source's text. The source page opens the part that holds
 * it (`?quote=`, see choosePart), and the fragment scrolls to its highlight. `pin` is
 * "?version=1.0.0" on a release's page, else "", so the link stays in that release.
 */
export function buildSourceQuoteHref(sourceSlug: string, quoteId: string, pin = ""): string {
  const params = new URLSearchParams(pin);
  params.set("quote", quoteId);
  return `/sources/${sourceSlug}?${params}#quote-${quoteId}`;
}
