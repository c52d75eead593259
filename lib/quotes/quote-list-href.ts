// How a quote list is written in a URL (no imports beyond the vocabulary, so client
// components can build links): `quote=id1,id2,…` in the list's order, and one
// `note.<id>=…` per quote that has a note. The same parameters select the list in
// /list, /api/export and the CLI (`--quote id1,id2`).

export type QuoteListItem = { id: string; note: string };

/** The URL parameters of a list. */
export function quoteListParams(items: QuoteListItem[]): [string, string][] {
  if (items.length === 0) return [];
  return [
    ["quote", items.map((i) => i.id).join(",")],
    ...items.filter((i) => i.note).map((i): [string, string] => [`note.${i.id}`, i.note]),
  ];
}

/** A link to the list page showing `items` (with `mine`, the page keeps the reader's own list in step). */
export function quoteListHref(items: QuoteListItem[], options: { mine?: boolean } = {}): string {
  const params = new URLSearchParams(quoteListParams(items));
  if (options.mine) params.set("mine", "1");
  const search = params.toString();
  return search ? `/list?${search}` : "/list";
}
