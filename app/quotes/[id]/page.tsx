import { notFound, permanentRedirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getPageCorpus } from "@/lib/releases/page-version";
import { isSlug } from "@/lib/vocabulary";
import { findQuotePage } from "@/lib/voices/quote-pages";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /quotes/<id>[?version=1.0.0]: a quote's own address, which opens it where it is shown, on
 * its speaker's page (in that release when one is named), on the page of quotes that holds it. A quote a release removed opens its
 * speaker's current page at the notice saying when and why.
 */
export default async function QuotePermalink({ params, searchParams }: Props) {
  const { id } = await params;
  const corpusAt = await getPageCorpus(await searchParams);
  if (!corpusAt || !isSlug(id)) notFound();
  const quote = await corpusAt.db.quote.findUnique({ where: { id }, select: { voiceSlug: true, position: true } });
  if (quote) {
    // a voice with many quotes shows them a page at a time: open the page that holds this one
    const before = await corpusAt.db.quote.count({ where: { voiceSlug: quote.voiceSlug, position: { lt: quote.position } } });
    const page = findQuotePage(before);
    const query = new URLSearchParams([
      ...(corpusAt.version ? [["version", corpusAt.version]] : []),
      ...(page > 1 ? [["page", String(page)]] : []),
    ]);
    permanentRedirect(`/voices/${quote.voiceSlug}${query.size ? `?${query}` : ""}#quote-${id}`);
  }
  if (!corpusAt.version) {
    const removed = await (
      await getDb()
    ).releaseChange.findFirst({ where: { entity: "quote", key: id, change: "removed" }, orderBy: { id: "desc" } });
    if (removed?.voiceSlug) permanentRedirect(`/voices/${removed.voiceSlug}#quote-${id}`);
  }
  notFound();
}
