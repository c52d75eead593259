"use client";

import Link from "next/link";
import { quoteListHref } from "@/lib/quotes/quote-list-href";
import { useQuoteList } from "./quote-list-store";

/** Beside the compare tray on every page: how many quotes the reader's list holds, and a way to it. */
export function QuoteListTray() {
  const list = useQuoteList();
  return (
    <aside className="list-tray" aria-label="Quote list">
      <span className="tray-title">
        Quote list ({list.items.length} {list.items.length === 1 ? "quote" : "quotes"})
      </span>
      {list.items.length === 0 ? (
        <span className="help">Gather quotes with “Add to list”.</span>
      ) : (
        <>
          <Link className="tray-compare" href={quoteListHref(list.items, { mine: true })}>
            Open the list
          </Link>
          <button type="button" className="tray-clear" onClick={list.clear}>
            Clear
          </button>
        </>
      )}
    </aside>
  );
}
