import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { connection } from "next/server";
import { citeSources } from "@/lib/citation/cite-sources";
import { getDb } from "@/lib/db/client";
import { findQuoteResults, type QuoteResult as QuoteResultData } from "@/lib/quotes/find-quotes";
import { parseQuoteList } from "@/lib/quotes/quote-list";
import { quoteListHref, quoteListParams, type QuoteListItem } from "@/lib/quotes/quote-list-href";
import { QUOTE_LIST_LIMITS } from "@/lib/vocabulary";
import { CopyButton } from "../_components/copy-button";
import { DataLinks } from "../_components/data-links";
import { QuoteListSync } from "../_components/quote-list-sync";
import { QuoteResult } from "../_components/quote-result";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Quote list" };

/** The list with one item moved by `delta` places (or removed, with delta null). */
function edited(items: QuoteListItem[], index: number, delta: -1 | 1 | null): QuoteListItem[] {
  if (delta === null) return items.filter((_, i) => i !== index);
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(index + delta, 0, item!);
  return next;
}

// The list is its URL: /list?quote=id1,id2,…&note.<id>=… Every change (move, remove, save
// notes) is a link or a GET form to a new URL, so it works without JavaScript and the URL
// can always be shared as it stands.
export default async function QuoteListPage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const mine = raw.mine === "1";
  const { items: asked, repeated, problems } = parseQuoteList(raw);
  const found = await findQuoteResults(
    await getDb(),
    asked.map((i) => i.id),
  );
  const byId = new Map(found.map((q) => [q.id, q]));
  const missing = asked.filter((i) => !byId.has(i.id)).map((i) => i.id);
  const items = asked.filter((i) => byId.has(i.id));
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost"}`;
  const shareUrl = `${origin}${quoteListHref(items)}`;
  const api = `${origin}/api/export?${new URLSearchParams([...quoteListParams(items), ["format", "json"]]).toString()}`;

  return (
    <article className="quote-list-page">
      <h1>Quote list</h1>
      <QuoteListSync items={items} mine={mine} />
      {(missing.length > 0 || repeated.length > 0 || problems.length > 0) && (
        <div className="notice" role="status">
          {missing.length > 0 && (
            <p>
              Not in the corpus, so left out (removed from it, or mistyped): {missing.map((id) => `“${id}”`).join(", ")}. The rest of the
              list is below.
            </p>
          )}
          {repeated.length > 0 && <p>Listed more than once, kept at its first place: {repeated.map((id) => `“${id}”`).join(", ")}.</p>}
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {items.length === 0 ? (
        <div className="empty">
          <p>This list is empty. Gather quotes with “Add to list” in the explorer’s quote results, on a voice’s page or in a source.</p>
          <p>
            <Link href="/?view=quotes">Browse every quote</Link>
          </p>
        </div>
      ) : (
        <ListBody items={items} byId={byId} mine={mine} shareUrl={shareUrl} api={api} />
      )}
    </article>
  );
}

function ListBody({
  items,
  byId,
  mine,
  shareUrl,
  api,
}: {
  items: QuoteListItem[];
  byId: Map<string, QuoteResultData>;
  mine: boolean;
  shareUrl: string;
  api: string;
}) {
  const quotes = items.map((i) => byId.get(i.id)!);
  const bibliography = citeSources(quotes.map((q) => q.source));
  return (
    <>
      <p className="list-summary">
        {items.length} {items.length === 1 ? "quote" : "quotes"} (a list holds at most {QUOTE_LIST_LIMITS.quotesMax}), in your order.
      </p>
      <div className="list-actions">
        <p>
          Share this list: <code className="share-url">{shareUrl}</code> <CopyButton text={shareUrl} label="Copy the link to this list" />
        </p>
        <DataLinks selection={quoteListParams(items)} shape="quotes" api={api} exportTitle="More export options" />
      </div>
      <h2 className="visually-hidden">The quotes, with your notes</h2>
      <form method="get" action="/list" className="list-notes-form">
        <input type="hidden" name="quote" value={items.map((i) => i.id).join(",")} />
        {mine && <input type="hidden" name="mine" value="1" />}
        <ol className="list-items">
          {items.map((item, index) => (
            <li key={item.id} id={`item-${item.id}`}>
              <QuoteResult quote={byId.get(item.id)!} />
              <label className="list-note">
                Note <span className="help">(optional, saved in the link)</span>
                <textarea name={`note.${item.id}`} defaultValue={item.note} maxLength={QUOTE_LIST_LIMITS.noteMaxLength} rows={2} />
              </label>
              <nav className="list-item-actions" aria-label={`Arrange quote ${index + 1}`}>
                {index > 0 && <Link href={quoteListHref(edited(items, index, -1), { mine })}>Move up</Link>}
                {index < items.length - 1 && <Link href={quoteListHref(edited(items, index, 1), { mine })}>Move down</Link>}
                <Link href={quoteListHref(edited(items, index, null), { mine })}>Remove from the list</Link>
              </nav>
            </li>
          ))}
        </ol>
        <button type="submit">Save notes</button>
      </form>
      <section aria-labelledby="cite-all" className="cite-all">
        <h2 id="cite-all">Cite all</h2>
        <p className="help">The sources of these quotes, each once, as a reference list.</p>
        {bibliography.map(({ style, label, references }) => (
          <details key={style} className="cite-style">
            <summary>{label}</summary>
            <ol className="bibliography">
              {references.map((reference) => (
                <li key={reference}>{reference}</li>
              ))}
            </ol>
            <CopyButton text={references.join("\n")} label={`Copy the ${label} reference list`} />
          </details>
        ))}
      </section>
    </>
  );
}
