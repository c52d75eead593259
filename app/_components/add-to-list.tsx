"use client";

import { QUOTE_LIST_LIMITS } from "@/lib/vocabulary";
import { useQuoteList } from "./quote-list-store";

/** "Add to list" on any quote; pressed again, it takes the quote off the list. */
export function AddToList({ id, label }: { id: string; label: string }) {
  const list = useQuoteList();
  const added = list.has(id);
  return (
    <button
      type="button"
      className="add-to-list"
      aria-pressed={added}
      disabled={!added && list.full}
      title={!added && list.full ? `A list holds ${QUOTE_LIST_LIMITS.quotesMax} quotes; remove one first` : undefined}
      onClick={() => (added ? list.remove(id) : list.add(id))}
    >
      {added ? "✓ In your list" : "Add to list"}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
