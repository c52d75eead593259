import { z } from "zod";
import type { RawParams } from "../search/voice-query";
import { QUOTE_LIST_LIMITS, SLUG_PATTERN } from "../vocabulary";
import type { QuoteListItem } from "./quote-list-href";

/** `quote=id1,id2,…` (or repeated keys): the ids in order, each once; at most QUOTE_LIST_LIMITS.quotesMax. */
export const QuoteIdsSchema = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(SLUG_PATTERN, { error: "quote ids are lowercase words and numbers joined by hyphens" }))
      .min(1, { error: "name at least one quote" })
      .max(QUOTE_LIST_LIMITS.quotesMax, { error: `a list holds at most ${QUOTE_LIST_LIMITS.quotesMax} quotes` }),
  );

const NoteSchema = z
  .string()
  .max(QUOTE_LIST_LIMITS.noteMaxLength, { error: `a note is at most ${QUOTE_LIST_LIMITS.noteMaxLength} characters` });

export type ParsedQuoteList = {
  items: QuoteListItem[];
  /** Ids given more than once: each is kept at its first place. */
  repeated: string[];
  /** Values that are not quote ids at all, or past the limit: left out, with why. */
  problems: string[];
};

function toParams(raw: RawParams): URLSearchParams {
  return raw instanceof URLSearchParams
    ? raw
    : new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x]))));
}

/**
 * The list a URL holds. Lenient, for the list page: a malformed id or a note past its
 * limit is left out and reported, and the rest of the list still shows.
 */
export function parseQuoteList(raw: RawParams): ParsedQuoteList {
  const params = toParams(raw);
  const problems: string[] = [];
  const ids: string[] = [];
  for (const value of params.getAll("quote")) {
    for (const id of value
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (SLUG_PATTERN.test(id) && id.length <= 200) ids.push(id);
      else problems.push(`“${id.slice(0, 60)}” is not a quote id.`);
    }
  }
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  let unique = [...new Set(ids)];
  if (unique.length > QUOTE_LIST_LIMITS.quotesMax) {
    problems.push(
      `A list holds at most ${QUOTE_LIST_LIMITS.quotesMax} quotes; the last ${unique.length - QUOTE_LIST_LIMITS.quotesMax} were left out.`,
    );
    unique = unique.slice(0, QUOTE_LIST_LIMITS.quotesMax);
  }
  const items = unique.map((id) => {
    const note = params.get(`note.${id}`) ?? "";
    if (!NoteSchema.safeParse(note).success) problems.push(`The note on ${id} was cut to ${QUOTE_LIST_LIMITS.noteMaxLength} characters.`);
    return { id, note: note.slice(0, QUOTE_LIST_LIMITS.noteMaxLength) };
  });
  return { items, repeated, problems };
}

/** The `note.<id>` parameters of a request, checked: notes on ids the list does not hold are ignored. */
export function parseQuoteNotes(
  raw: RawParams,
  ids: string[],
): { notes: Map<string, string>; issues: { parameter: string; message: string }[] } {
  const params = toParams(raw);
  const notes = new Map<string, string>();
  const issues: { parameter: string; message: string }[] = [];
  for (const id of ids) {
    const note = params.get(`note.${id}`);
    if (note === null) continue;
    const parsed = NoteSchema.safeParse(note);
    if (parsed.success) notes.set(id, parsed.data);
    else issues.push({ parameter: `note.${id}`, message: parsed.error.issues[0]!.message });
  }
  return { notes, issues };
}
