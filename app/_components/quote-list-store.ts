"use client";

import { useSyncExternalStore } from "react";
import type { QuoteListItem } from "@/lib/quotes/quote-list-href";
import { QUOTE_LIST_LIMITS } from "@/lib/vocabulary";

// The reader's quote list, kept in localStorage so it follows them from page to page (and
// tab to tab) with no account. The list page shows whatever list its URL holds, and keeps
// this one in step when the URL is the reader's own (see quote-list-sync.tsx).

const KEY = "voices:quote-list";
const EVENT = "voices:quote-list-change";
const EMPTY: QuoteListItem[] = [];
let cached: { raw: string | null; value: QuoteListItem[] } = { raw: null, value: EMPTY };

function read(): QuoteListItem[] {
  const raw = window.localStorage.getItem(KEY);
  if (raw !== cached.raw) {
    let value: QuoteListItem[] = EMPTY;
    try {
      const parsed: unknown = JSON.parse(raw ?? "[]");
      if (Array.isArray(parsed))
        value = parsed
          .filter((i): i is QuoteListItem => typeof i?.id === "string" && typeof i?.note === "string")
          .slice(0, QUOTE_LIST_LIMITS.quotesMax);
    } catch {
      value = EMPTY;
    }
    cached = { raw, value };
  }
  return cached.value;
}

export function writeQuoteList(items: QuoteListItem[]) {
  window.localStorage.setItem(KEY, JSON.stringify(items.slice(0, QUOTE_LIST_LIMITS.quotesMax)));
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useQuoteList() {
  const items = useSyncExternalStore(subscribe, read, () => EMPTY);
  return {
    items,
    full: items.length >= QUOTE_LIST_LIMITS.quotesMax,
    has: (id: string) => items.some((i) => i.id === id),
    add: (id: string) => {
      const current = read();
      if (!current.some((i) => i.id === id) && current.length < QUOTE_LIST_LIMITS.quotesMax) writeQuoteList([...current, { id, note: "" }]);
    },
    remove: (id: string) => writeQuoteList(read().filter((i) => i.id !== id)),
    clear: () => writeQuoteList([]),
  };
}
