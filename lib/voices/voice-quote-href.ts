/**
 * The address of a quote on its speaker's page. The page shows a voice's quotes a few at a
 * time and opens the one that holds it (`?quote=`, see chooseQuotePage); the fragment
 * scrolls to it. `pin` is "?version=1.0.0" on a release's page, else "".
 */
export function buildVoiceQuoteHref(voiceSlug: string, quoteId: string, pin = ""): string {
  const params = new URLSearchParams(pin);
  params.set("quote", quoteId);
  return `/voices/${voiceSlug}?${params}#quote-${quoteId}`;
}
