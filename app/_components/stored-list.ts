"use client";

import useLocalStorageState from "use-local-storage-state";

// A short list the reader keeps in localStorage, so that it follows them from page to page
// and tab to tab with no account: the quote list and the compare tray. use-local-storage-state
// keeps every component on the page in step, follows other tabs' changes (the storage event),
// and falls back to memory when storage is refused (private mode, a full quota). What is
// read back is checked: anything else under the key, or past `max` items, is dropped.

const EMPTY: never[] = [];

/**
 * The hook of a list kept under `key`: its items, a setter that replaces them (stable from
 * render to render), and whether it holds `max`.
 */
export function storedList<T>({ key, isItem, max }: { key: string; isItem: (value: unknown) => value is T; max: number }) {
  const serializer = {
    stringify: (items: unknown) => JSON.stringify((items as T[]).slice(0, max)),
    parse: (raw: string): T[] => {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isItem).slice(0, max) : EMPTY;
    },
  };
  return function useStoredList() {
    const [items, setItems] = useLocalStorageState<T[]>(key, { defaultValue: EMPTY, serializer });
    return { items, setItems, full: items.length >= max };
  };
}
