"use client";

import Link from "next/link";
import type { FacetValue } from "@/lib/search/filter-voices";
import { SORTS, SORT_LABELS, type Sort } from "@/lib/vocabulary";
import { SearchInput } from "./search-input";
import { FacetValues, NumberField, SelectField } from "./synced-controls";

/** A facet value as the page sends it: a list of objects repeated their four keys for each of about fifty values. */
type FacetOption = [value: string, label: string, count: number, selected: boolean];
type ControlsFacet = { key: string; label: string; values: FacetOption[]; more: number; moreHref: string };

const toFacetValue = ([value, label, count, selected]: FacetOption): FacetValue => ({ value, label, count, selected });

/**
 * The explorer's form: the search box, the filters and the sort. A client component handed
 * only what varies (the query, each facet's values, the total): its labels, help and options
 * then come once, in the cached script, instead of in every response's React payload, where
 * a server component's output is written a second time, tag by tag (decision 026).
 */
export function ExplorerControls(props: {
  q: string;
  facets: ControlsFacet[];
  unit: "voice" | "quote";
  ageMin: number | undefined;
  ageMax: number | undefined;
  /** How many filters are on, for the folded panel's summary. */
  filtersOn: number;
  total: number;
  sort: Sort;
  pageSize: number;
  pageSizes: number[];
  /** The view, when not the default: kept by a hidden field. */
  view: string | undefined;
}) {
  const { q, facets, unit, ageMin, ageMax, filtersOn, total, sort, pageSize, pageSizes, view } = props;
  return (
    <>
      <div className="search-row">
        <label htmlFor="q">Search quotes, names, occupations and places</label>
        <div className="search-box">
          <SearchInput value={q} />
          <button type="submit">Search</button>
        </div>
        <p id="q-help" className="help">
          All words must match, in any order, in any of their English forms; put an exact phrase in “quotes”; end a word with * to match its
          beginning. Case, accents and spellings of place names do not matter.
        </p>
      </div>
      <details className="filters" open>
        <summary>
          Filters
          {filtersOn > 0 && <span className="filters-on"> ({filtersOn} on)</span>}
        </summary>
        {facets.map((facet) => (
          <fieldset key={facet.key} className="facet">
            <legend>{facet.label}</legend>
            <FacetValues name={facet.key} values={facet.values.map(toFacetValue)} unit={unit} />
            {facet.more > 0 && (
              <Link className="facet-more-link" href={facet.moreHref}>
                {`${facet.more} more`}
                <span className="visually-hidden">{` values of ${facet.label}`}</span>: show all and search them
              </Link>
            )}
          </fieldset>
        ))}
        <fieldset className="facet">
          <legend>Age range</legend>
          <div className="age-range">
            <label>
              From <NumberField name="ageMin" value={ageMin} min={0} max={120} />
            </label>
            <label>
              to <NumberField name="ageMax" value={ageMax} min={0} max={120} />
            </label>
          </div>
        </fieldset>
        {/* on a phone the filters cover the screen: this closes them onto the results */}
        <button type="submit" className="show-results">
          Show {total} {total === 1 ? "result" : "results"}
        </button>
      </details>
      <div className="sort-row">
        <label htmlFor="sort">Sort by</label>
        <SelectField id="sort" name="sort" value={sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <label htmlFor="pageSize">Per page</label>
        <SelectField id="pageSize" name="pageSize" value={String(pageSize)}>
          {pageSizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        {view && <input type="hidden" name="view" value={view} />}
        <button type="submit" className="apply">
          Apply filters
        </button>
      </div>
    </>
  );
}
