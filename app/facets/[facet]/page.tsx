import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { findFacetValues, parseFacetValuesRequest } from "@/lib/search/find-facet-values";
import { FACETS } from "@/lib/search/facets";
import { resolveFilterValues } from "@/lib/search/resolve-filter-values";
import { buildQueryHref, parseVoiceQuery, toSearchParams, type VoiceQuery } from "@/lib/search/voice-query";
import { describeQuery } from "@/lib/search/describe-query";
import { searchVoices } from "@/lib/search/search-voices";
import { Pagination } from "../../_components/pagination";

type Props = {
  params: Promise<{ facet: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Choose filter values" };

function toUrlParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of [value ?? []].flat()) params.append(key, v);
  return params;
}

/** The explorer's query as hidden fields, but for `leave` (the facet this page edits) and the page number. */
function hiddenFields(query: VoiceQuery, leave: string) {
  return [...toSearchParams({ ...query, page: 1 })].filter(([key]) => key !== leave && key !== "page");
}

/**
 * Every value of one facet (the explorer shows a long facet's largest few): the largest
 * first, a page at a time, with a search within the facet. A plain form: the checked
 * values, with the rest of the explorer's query, go back to the explorer.
 */
export default async function FacetValuesPage({ params, searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const { facet, options } = parseFacetValuesRequest((await params).facet, toUrlParams(raw), "lenient");
  if (!facet) notFound();
  const db = await getDb();
  const { query } = await resolveFilterValues(db, parseVoiceQuery(raw, "lenient"), "lenient");
  const result = await findFacetValues(db, query, facet, options);
  const { facts, results } = await searchVoices(db, query);
  const label = FACETS.find((f) => f.key === facet)!.label;
  const unit = query.view === "quotes" ? "quote" : "voice";
  const selected = query[facet] as string[];
  const onPage = new Set(result.values.map((v) => v.value));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const search = new URLSearchParams(hiddenFields(query, ""));
    if (options.facetQ) search.set("facetQ", options.facetQ);
    if (page > 1) search.set("facetPage", String(page));
    const text = search.toString();
    return text ? `/facets/${facet}?${text}` : `/facets/${facet}`;
  };

  return (
    <article className="facet-values-page">
      <h1>{label}: every value</h1>
      <p className="results-sentence">
        Counts for {describeQuery(results.length, query, facts)}, as if no {label.toLowerCase()} were chosen.{" "}
        <Link href={buildQueryHref("/", query)}>Back to the results</Link>
      </p>

      <form action={`/facets/${facet}`} method="get" role="search" aria-label={`Search the values of ${label}`} className="facet-search">
        {hiddenFields(query, "").map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor="facetQ">Find a value of {label}</label>{" "}
        <input id="facetQ" type="search" name="facetQ" defaultValue={options.facetQ} maxLength={200} /> <button type="submit">Find</button>
      </form>

      <form action="/" method="get" className="facet-values-form">
        {hiddenFields(query, facet).map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        {/* chosen values on other pages stay chosen */}
        {selected
          .filter((value) => !onPage.has(value))
          .map((value) => (
            <input key={`kept-${value}`} type="hidden" name={facet} value={value} />
          ))}
        <fieldset className="facet">
          <legend>
            {result.total === 0
              ? `No value of ${label} matches “${options.facetQ}”`
              : `${result.total} ${result.total === 1 ? "value" : "values"}${options.facetQ ? ` matching “${options.facetQ}”` : ""}, the most ${unit}s first${pages > 1 ? `: page ${result.page} of ${pages}` : ""}`}
          </legend>
          {result.values.map((v) => (
            <label key={v.value} className="facet-value">
              <input type="checkbox" name={facet} value={v.value} defaultChecked={v.selected} />
              <span className="facet-label">{v.label}</span>
              <span className="count" aria-label={`${v.count} ${v.count === 1 ? unit : `${unit}s`}`}>
                {v.count}
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit">Show results with these values</button>
      </form>

      {pages > 1 && <Pagination label={`Pages of ${label} values`} page={result.page} pages={pages} href={pageHref} />}
    </article>
  );
}
