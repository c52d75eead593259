import { z } from "zod";
import type { Database } from "../db/create-prisma-client";
import { invalidInput, type ErrorIssue } from "../errors";
import { QUERY_LIMITS } from "../vocabulary";
import { FACETS } from "./facets";
import type { FacetValue } from "./filter-voices";
import { foldText } from "./fold-text";
import { searchVoices } from "./search-voices";
import { MULTI_VALUED, type MultiKey, type VoiceQuery } from "./voice-query";

// Every value of one facet, for the "more" that a search's summary leaves out
// (facet-display.ts): the explorer's page and /api/voices send a facet's largest values,
// and this lists all of them, counted under the same query, a page at a time, with a
// search within the facet's labels.

/** Values per page of one facet's list: small enough for a page under 300 KB at any corpus size. */
export const FACET_VALUES_PAGE_SIZE = 100;

/** The list's own parameters, beside the explorer's (for the OpenAPI document too). */
export const FACET_VALUES_FIELDS = {
  facetQ: z
    .string()
    .max(QUERY_LIMITS.valueMaxLength, { error: `facetQ is at most ${QUERY_LIMITS.valueMaxLength} characters` })
    .default(""),
  facetPage: z
    .string()
    .regex(/^\d{1,5}$/, { error: `facetPage must be a whole number from 1 to ${QUERY_LIMITS.pageMax}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: "facetPage must be at least 1" })
        .max(QUERY_LIMITS.pageMax, { error: `facetPage must be at most ${QUERY_LIMITS.pageMax}` }),
    )
    .default(1),
};
const FacetValuesOptionsSchema = z.object(FACET_VALUES_FIELDS);

/** `facetQ` (words within the facet's labels) and `facetPage`, beside the explorer's parameters. */
export type FacetValuesOptions = z.infer<typeof FacetValuesOptionsSchema>;

/**
 * The facet named by a route's `[facet]` and the list's own parameters. "strict" (the API)
 * throws invalid_input naming each bad one; "lenient" (the page) falls back to defaults,
 * and returns a null facet for a name that is none (the page's 404).
 */
export function parseFacetValuesRequest(
  facet: string,
  params: URLSearchParams,
  mode: "strict" | "lenient" = "strict",
): { facet: MultiKey | null; options: FacetValuesOptions } {
  const issues: ErrorIssue[] = [];
  const key = (MULTI_VALUED as readonly string[]).includes(facet) ? (facet as MultiKey) : null;
  if (!key) issues.push({ parameter: "facet", message: "not a facet", allowed: MULTI_VALUED });
  const raw: Record<string, string> = {};
  for (const name of ["facetQ", "facetPage"] as const) {
    const given = params.getAll(name);
    if (given.length > 1) issues.push({ parameter: name, message: "give one value, not several" });
    if (given[0] !== undefined) raw[name] = given[0];
  }
  const parsed = FacetValuesOptionsSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ parameter: String(issue.path[0]), message: issue.message });
  if (mode === "strict" && issues.length) throw invalidInput(issues);
  if (parsed.success) return { facet: key, options: parsed.data };
  const lenient = FacetValuesOptionsSchema.safeParse({ facetQ: raw.facetQ?.slice(0, QUERY_LIMITS.valueMaxLength) });
  return { facet: key, options: lenient.success ? lenient.data : FacetValuesOptionsSchema.parse({}) };
}

export type FacetValuesResult = {
  facet: MultiKey;
  label: string;
  /** Values with a count, or selected, whose label or value contains `facetQ`: how many in all. */
  total: number;
  page: number;
  pageSize: number;
  /** This page of them, the largest counts first (ties in the facet's own order). */
  values: FacetValue[];
  options: FacetValuesOptions;
};

/** Every value of `facet` under `query` (the facet's own selection not applied, as in the explorer), a page at a time. */
export async function findFacetValues(
  db: Database,
  query: VoiceQuery,
  facet: MultiKey,
  options: FacetValuesOptions,
): Promise<FacetValuesResult> {
  // the search is the explorer's own, and shares its cache: following "more" costs no new search
  const search = await searchVoices(db, query);
  const words = foldText(options.facetQ.trim());
  const values = search.facets[facet]
    .filter((v) => v.count > 0 || v.selected)
    .filter((v) => words === "" || foldText(v.label).includes(words) || foldText(v.value).includes(words))
    .map((v, order) => ({ v, order }))
    .sort((a, b) => b.v.count - a.v.count || a.order - b.order)
    .map(({ v }) => v);
  const start = (options.facetPage - 1) * FACET_VALUES_PAGE_SIZE;
  return {
    facet,
    label: FACETS.find((f) => f.key === facet)!.label,
    total: values.length,
    page: options.facetPage,
    pageSize: FACET_VALUES_PAGE_SIZE,
    values: values.slice(start, start + FACET_VALUES_PAGE_SIZE),
    options,
  };
}
