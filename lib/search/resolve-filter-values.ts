import type { Database } from "../db/create-prisma-client";
import { loadOncePerConnection } from "../db/process-state";
import { invalidInput, type ErrorIssue } from "../errors";
import { UNKNOWN } from "./facets";
import { foldName } from "./fold-text";
import type { PlaceSpellings } from "./fts-query";
import type { VoiceQuery } from "./voice-query";

// The open-list filters (city, region, country, source) take what people write, not
// only our slugs: `city=Karaganda`, `city=karaganda`, `city=Qaraghandy`, `city=Караганда`
// and `city=Nur-Sultan` each select their place, `source=The Diplomat` every source it
// published. Values are compared folded (case, accents, look-alike letters, hyphens).
// A value that names nothing is never dropped in silence: the API answers 400 naming the
// parameter and what it accepts; pages show the rest and say which value they ignored.

/** The names the open-list filters answer to, read once per database connection. */
type CorpusNames = {
  places: { slug: string; name: string; aliases: string[]; region: string; country: string }[];
  sources: { slug: string; publisher: string; title: string }[];
};

function loadCorpusNames(db: Database): Promise<CorpusNames> {
  return loadOncePerConnection(db, "corpus-names", async () => {
    const [places, sources] = await Promise.all([
      db.place.findMany({ select: { slug: true, name: true, aliases: true, region: true, country: true }, orderBy: { slug: "asc" } }),
      db.source.findMany({ select: { slug: true, publisher: true, title: true }, orderBy: { position: "asc" } }),
    ]);
    return { places: places.map((p) => ({ ...p, aliases: p.aliases as string[] })), sources };
  });
}

/** Each place's name and other spellings, for place names typed in a search. */
export async function loadPlaceSpellings(db: Database): Promise<PlaceSpellings> {
  return (await loadCorpusNames(db)).places.map((place) => [place.name, ...place.aliases]);
}

type OpenFilter = "city" | "region" | "country" | "source";

type Vocabulary = {
  /** The values the filter selects by, as the facets list them. */
  allowed: string[];
  /** What each folded name selects. */
  selects: Map<string, Set<string>>;
  /** How to say what a value must be. */
  expects: string;
};

function vocabulary(names: CorpusNames): Record<OpenFilter, Vocabulary> {
  const build = (entries: [value: string, spellings: string[]][], expects: string, unknown: boolean): Vocabulary => {
    const selects = new Map<string, Set<string>>();
    const add = (spelling: string, value: string) => {
      const key = foldName(spelling);
      if (key) selects.set(key, (selects.get(key) ?? new Set()).add(value));
    };
    for (const [value, spellings] of entries) for (const spelling of [value, ...spellings]) add(spelling, value);
    if (unknown) add(UNKNOWN, UNKNOWN);
    const allowed = [...new Set(entries.map(([value]) => value))];
    return { allowed: unknown ? [...allowed, UNKNOWN] : allowed, selects, expects };
  };
  const distinct = (values: string[]) =>
    [...new Set(values)].sort((a, b) => a.localeCompare(b, "en")).map((v): [string, string[]] => [v, []]);
  return {
    city: build(
      names.places.map((p) => [p.slug, [p.name, ...p.aliases]]),
      'a place\'s slug, name or other spelling (e.g. "karaganda", "Karaganda", "Qaraghandy", "Караганда"), or "unknown"',
      true,
    ),
    region: build(distinct(names.places.map((p) => p.region)), 'a region\'s name (e.g. "Karaganda Region"), or "unknown"', true),
    country: build(distinct(names.places.map((p) => p.country)), 'a country\'s name (e.g. "Kazakhstan"), or "unknown"', true),
    source: build(
      names.sources.map((s) => [s.slug, [s.title, s.publisher]]),
      "a source's slug or title, or a publisher's name (which selects each of its sources)",
      false,
    ),
  };
}

const OPEN_FILTERS: OpenFilter[] = ["city", "region", "country", "source"];

export type ResolvedFilters = {
  /** The query with every recognised value in the form the facets use (a place's slug, a region's name). */
  query: VoiceQuery;
  /** One issue per value that names nothing, with the parameter and what it accepts. */
  unrecognised: (ErrorIssue & { value: string })[];
};

/**
 * Resolves the open-list filters' values to what they select. "strict" (the API, the
 * export) throws VoicesError "invalid_input" when a value names nothing; "lenient" (pages)
 * drops such values and reports them, so the page can say so.
 */
export async function resolveFilterValues(
  db: Database,
  query: VoiceQuery,
  mode: "strict" | "lenient" = "strict",
): Promise<ResolvedFilters> {
  if (OPEN_FILTERS.every((key) => query[key].length === 0)) return { query, unrecognised: [] };
  const vocabularies = vocabulary(await loadCorpusNames(db));
  const resolved = { ...query };
  const unrecognised: ResolvedFilters["unrecognised"] = [];
  for (const key of OPEN_FILTERS) {
    const { allowed, selects, expects } = vocabularies[key];
    const values = new Set<string>();
    for (const value of query[key]) {
      const selected = selects.get(foldName(value));
      if (selected) selected.forEach((v) => values.add(v));
      else unrecognised.push({ parameter: key, value, message: `"${value}" is not recognised: give ${expects}`, allowed });
    }
    resolved[key] = [...values];
  }
  if (mode === "strict" && unrecognised.length) throw invalidInput(unrecognised.map(({ value: _value, ...issue }) => issue));
  return { query: resolved, unrecognised };
}
