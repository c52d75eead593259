"use client";

import type { QuoteListItem } from "@/lib/quotes/quote-list-href";
import { QUOTE_LIST_LIMITS } from "@/lib/vocabulary";
import { storedList } from "./stored-list";

// The reader's quote list, kept in localStorage so it follows them from page to page (and
// tab to tab) with no account. The list page shows whatever list its URL holds, and keeps
// this one in step when the URL is the reader's own (see quote-list-sync.tsx).

const useList = storedList<QuoteListItem>({
  key: "voices:quote-list",
  isItem: (i): i is QuoteListItem => typeof (i as QuoteListItem)?.id === "string" && typeof (i as QuoteListItem)?.note === "string",
  max: QUOTE_LIST_LIMITS.quotesMax,
});

export function useQuoteList() {
  const { items, setItems, full } = useList();
  return {
    items,
    full,
    has: (id: string) => items.some((i) => i.id === id),
    add: (id: string) =>
      setItems((current) =>
        current.some((i) => i.id === id) || current.length >= QUOTE_LIST_LIMITS.quotesMax ? current : [...current, { id, note: "" }],
      ),
    remove: (id: string) => setItems((current) => current.filter((i) => i.id !== id)),
    clear: () => setItems([]),
    /** Replaces the whole list (stable from render to render). */
    replace: setItems,
  };
}
