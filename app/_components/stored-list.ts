"use client";

import useLocalStorageState from "use-local-storage-state";

// A short list the reader keeps in localStorage, so that it follows them from page to page
// and tab to tab with no account: the quote list and the compare tray. use-local-storage-state
// keeps every component on the page in step, follows other tabs' changes (the storage event),
// and falls back to memory when storage is refused (private mode, a full quota). What is
// read back is checked: anything else under the key, or past `max` items, is dropped.

export type StoredList<T> = { key: string; isItem: (value: unknown) => value is T; max: number };

const EMPTY: never[] = [];

/** The serializer of a stored list: at most `max` items that pass `isItem`, and nothing else. */
function serializerOf<T>({ isItem, max }: StoredList<T>) {
  return {
    stringify: (items: unknown) => JSON.stringify((items as T[]).slice(0, max)),
    parse: (raw: string): T[] => {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isItem).slice(0, max) : EMPTY;
    },
  };
}

const serializers = new WeakMap<StoredList<unknown>, ReturnType<typeof serializerOf>>();

/** The list's items, and a setter that replaces them (stable from render to render). */
export function useStoredList<T>(list: StoredList<T>) {
  let serializer = serializers.get(list as StoredList<unknown>);
  if (!serializer) serializers.set(list as StoredList<unknown>, (serializer = serializerOf(list)));
  const [items, setItems] = useLocalStorageState<T[]>(list.key, { defaultValue: EMPTY, serializer });
  return { items, setItems, full: items.length >= list.max };
}
