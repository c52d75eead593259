import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { FACETS } from "@/lib/search/facets";
import type { FacetValue } from "@/lib/search/filter-voices";
import { findVoices, type VoiceSearchResult } from "@/lib/search/find-voices";
import { resolveFilterValues, type ResolvedFilters } from "@/lib/search/resolve-filter-values";
import {
  buildQueryHref,
  DEFAULT_VOICE_QUERY,
  parseVoiceQuery,
  toggleValue,
  toSearchParams,
  type VoiceQuery,
} from "@/lib/search/voice-query";
import { ExplorerShell } from "./_components/explorer-shell";
import { ExportForm } from "./_components/export-form";
import { SearchInput } from "./_components/search-input";
import { QuoteResult } from "./_components/quote-result";
import { UnrecognisedFilters } from "./_components/unrecognised-filters";
import { VoiceCard } from "./_components/voice-card";
import { findQuotes, type QuoteSearchResult } from "@/lib/quotes/find-quotes";
import { SORTS, SORT_LABELS, VIEWS, VIEW_LABELS } from "@/lib/vocabulary";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// No loading.tsx here on purpose: a Suspense boundary would stream the results behind
// a script, and the explorer must work without JavaScript. With JavaScript, the
// shell shows its own pending state while results update.
type ExplorerResult = VoiceSearchResult | QuoteSearchResult;

export default async function ExplorerPage({ searchParams }: Props) {
  await connection();
  const db = await getDb();
  const { query, unrecognised } = await resolveFilterValues(db, parseVoiceQuery(await searchParams, "lenient"), "lenient");
  const result: ExplorerResult = query.view === "quotes" ? await findQuotes(db, query) : await findVoices(db, query);
  return (
    <>
      <h1 className="visually-hidden">Explore the voices</h1>
      <ExplorerShell controls={<Controls result={result} />} results={<Results result={result} unrecognised={unrecognised} />} />
    </>
  );
}

function Controls({ result }: { result: ExplorerResult }) {
  const { query, facets } = result;
  return (
    <>
      <div className="search-row">
        <label htmlFor="q">Search quotes, names, occupations and places</label>
        <div className="search-box">
          <SearchInput value={query.q} />
          <button type="submit">Search</button>
        </div>
        <p id="q-help" className="help">
          All words must match, in any order, in any of their English forms; put an exact phrase in “quotes”; end a word with * to match its
          beginning. Case, accents and spellings of place names do not matter.
        </p>
      </div>
      <details className="filters" open>
        <summary>Filters</summary>
        {FACETS.map((facet) => (
          <fieldset key={facet.key} className="facet">
            <legend>{facet.label}</legend>
            <FacetOptions
              name={facet.key}
              values={facets[facet.key]}
              unit={query.view === "quotes" ? "quote" : "voice"}
              more={result.moreFacetValues[facet.key]}
              moreHref={buildQueryHref(`/facets/${facet.key}`, query)}
              label={facet.label}
            />
          </fieldset>
        ))}
        <fieldset className="facet">
          <legend>Age range</legend>
          <div className="age-range">
            <label>
              From{" "}
              <input
                key={`min-${query.ageMin}`}
                type="number"
                name="ageMin"
                min={0}
                max={120}
                inputMode="numeric"
                defaultValue={query.ageMin}
              />
            </label>
            <label>
              to{" "}
              <input
                key={`max-${query.ageMax}`}
                type="number"
                name="ageMax"
                min={0}
                max={120}
                inputMode="numeric"
                defaultValue={query.ageMax}
              />
            </label>
          </div>
        </fieldset>
      </details>
      <div className="sort-row">
        <label htmlFor="sort">Sort by</label>
        <select key={query.sort} id="sort" name="sort" defaultValue={query.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
        {query.pageSize !== DEFAULT_VOICE_QUERY.pageSize && <input type="hidden" name="pageSize" value={query.pageSize} />}
        {query.view !== DEFAULT_VOICE_QUERY.view && <input type="hidden" name="view" value={query.view} />}
        <button type="submit" className="apply">
          Apply filters
        </button>
      </div>
    </>
  );
}

/**
 * A facet's checkboxes: the values the search sent (every one with a count, or a long
 * facet's largest, see summariseFacet), and a link to the page listing all of them.
 */
function FacetOptions(props: {
  name: string;
  values: FacetValue[];
  unit: "voice" | "quote";
  more: number;
  moreHref: string;
  label: string;
}) {
  const { name, values, unit, more, moreHref, label } = props;
  return (
    <>
      {values.map((v) => (
        <label key={`${v.value}-${v.selected}`} className="facet-value">
          <input type="checkbox" name={name} value={v.value} defaultChecked={v.selected} />
          <span className="facet-label">{v.label}</span>
          <span className="count" aria-label={`${v.count} ${v.count === 1 ? unit : `${unit}s`}`}>
            {v.count}
          </span>
        </label>
      ))}
      {more > 0 && (
        <Link className="facet-more-link" href={moreHref}>
          {`${more} more`}
          <span className="visually-hidden">{` values of ${label}`}</span>: show all and search them
        </Link>
      )}
    </>
  );
}

/** Removable chips, one per active filter value. */
function activeChips(result: ExplorerResult): { label: string; href: string }[] {
  const { query, facets } = result;
  const chips: { label: string; href: string }[] = [];
  if (query.q.trim()) chips.push({ label: `Search: “${query.q.trim().slice(0, 40)}”`, href: buildQueryHref("/", query, { q: "" }) });
  for (const facet of FACETS) {
    for (const value of query[facet.key] as string[]) {
      const label = facets[facet.key].find((v) => v.value === value)?.label ?? value;
      chips.push({ label: `${facet.label}: ${label}`, href: buildQueryHref("/", query, toggleValue(query, facet.key, value)) });
    }
  }
  if (query.ageMin !== undefined || query.ageMax !== undefined) {
    chips.push({
      label: `Age: ${query.ageMin ?? 0}–${query.ageMax ?? "any"}`,
      href: buildQueryHref("/", query, { ageMin: undefined, ageMax: undefined }),
    });
  }
  return chips;
}

/** Voices | Quotes: the same filters, one result per person or one per quote. */
function ViewTabs({ query }: { query: VoiceQuery }) {
  return (
    <nav className="view-tabs" aria-label="Show results as">
      {VIEWS.map((view) => (
        <Link key={view} href={buildQueryHref("/", query, { view })} aria-current={query.view === view ? "page" : undefined}>
          {VIEW_LABELS[view]}
        </Link>
      ))}
    </nav>
  );
}

function Results({ result, unrecognised }: { result: ExplorerResult; unrecognised: ResolvedFilters["unrecognised"] }) {
  const { query, total } = result;
  const chips = activeChips(result);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  return (
    <section aria-labelledby="results-heading">
      <ViewTabs query={query} />
      <div className="results-head">
        <h2 id="results-heading" className="results-sentence">
          {result.description}
        </h2>
        {total > 0 && (
          <ExportForm
            title="Export these results"
            selection={[...toSearchParams({ ...query, page: 1, pageSize: DEFAULT_VOICE_QUERY.pageSize })]}
          />
        )}
      </div>
      <UnrecognisedFilters values={unrecognised} />
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.href + chip.label}>
              <Link href={chip.href} className="chip" aria-label={`Remove ${chip.label}`}>
                {chip.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/" className="chip chip-clear">
              Clear all
            </Link>
          </li>
        </ul>
      )}
      {result.ranking === "approximate" && query.sort === "relevance" && total > 0 && (
        <p className="ranking-note">
          These words are in so many quotes that matches are ranked by a quicker measure: shorter quotes first. Add a word or a filter for a
          closer ranking.
        </p>
      )}
      {total === 0 ? (
        <NoResults result={result} />
      ) : (
        <>
          {result.view === "quotes" ? (
            <ol className="voice-list quote-results" start={(query.page - 1) * query.pageSize + 1}>
              {result.items.map((quote) => (
                <li key={quote.id}>
                  <QuoteResult quote={quote} />
                </li>
              ))}
            </ol>
          ) : (
            <ol className="voice-list" start={(query.page - 1) * query.pageSize + 1}>
              {result.items.map((voice) => (
                <li key={voice.slug}>
                  <VoiceCard voice={voice} />
                </li>
              ))}
            </ol>
          )}
          {result.items.length === 0 && (
            <p className="empty">
              There is no page {query.page}. <Link href={buildQueryHref("/", query, { page: 1 })}>Go to the first page</Link>.
            </p>
          )}
          {pages > 1 && <Pagination query={query} pages={pages} />}
        </>
      )}
    </section>
  );
}

function NoResults({ result }: { result: ExplorerResult }) {
  return (
    <div className="empty">
      {result.unsearchable ? (
        <p>Your search has no letters or numbers to look for. Try a word, a name or a place.</p>
      ) : (
        <p>
          No {result.query.view === "quotes" ? "quote" : "voice"} matches all of this. Remove a filter above, or try fewer or shorter words.
        </p>
      )}
      <p>
        <Link href="/">Show all voices</Link>
      </p>
    </div>
  );
}

function Pagination({ query, pages }: { query: VoiceQuery; pages: number }) {
  return (
    <nav aria-label="Pages of results" className="pagination">
      {query.page > 1 ? (
        <Link href={buildQueryHref("/", query, { page: query.page - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {query.page} of {pages}
      </span>
      {query.page < pages ? (
        <Link href={buildQueryHref("/", query, { page: query.page + 1 })} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
