"use client";

import Link from "next/link";
import { useEffect } from "react";
import { quoteListHref, type QuoteListItem } from "@/lib/quotes/quote-list-href";
import { useQuoteList } from "./quote-list-store";

const same = (a: QuoteListItem[], b: QuoteListItem[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i]!.id && item.note === b[i]!.note);

/**
 * On the list page: when the URL is the reader's own list (`mine=1`, as the tray links),
 * every change made on the page is saved back to it. A list opened from someone else's
 * link is left alone until the reader chooses to keep it.
 */
export function QuoteListSync({ items, mine }: { items: QuoteListItem[]; mine: boolean }) {
  const { items: stored, replace } = useQuoteList();
  useEffect(() => {
    if (mine) replace(items);
  }, [mine, items, replace]);
  if (mine || items.length === 0) return null;
  if (same(stored, items)) return <p className="help">This is the same list as yours.</p>;
  return (
    <p className="list-shared">
      You opened a list someone shared.{" "}
      <Link href={quoteListHref(items, { mine: true })}>
        {stored.length ? `Make it your list (replaces your ${stored.length} quotes)` : "Keep it as your list"}
      </Link>
    </p>
  );
}
