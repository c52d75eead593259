import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { FACETS } from "@/lib/search/facets";
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
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { DataLinks } from "./_components/data-links";
import { ExplorerShell } from "./_components/explorer-shell";
import { ExplorerControls } from "./_components/explorer-controls";
import { QuoteResult } from "./_components/quote-result";
import { UnrecognisedFilters } from "./_components/unrecognised-filters";
import { VoiceCard } from "./_components/voice-card";
import { pickVoiceCard } from "./_components/pick-voice-card";
import { findQuotes, type QuoteSearchResult } from "@/lib/quotes/find-quotes";
import { VIEWS, VIEW_LABELS } from "@/lib/vocabulary";
import { Pagination } from "./_components/pagination";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// No loading.tsx here on purpose: a Suspense boundary would stream the results behind
// a script, and the explorer must work without JavaScript. With JavaScript, the
// shell shows its own pending state while results update.
type ExplorerResult = VoiceSearchResult | QuoteSearchResult;

/** Page sizes offered; a hand-edited one (any from 1 to the maximum) is offered too. */
const PAGE_SIZES = [10, 20, 50, 100];

// The search runs once per request, for the page's title and for the page itself.
const search = cache(async (params: string) => {
  const db = await getDb();
  const { query, unrecognised } = await resolveFilterValues(db, parseVoiceQuery(new URLSearchParams(params), "lenient"), "lenient");
  const result: ExplorerResult = query.view === "quotes" ? await findQuotes(db, query) : await findVoices(db, query);
  return { result, unrecognised };
});

const searchKey = (raw: Awaited<Props["searchParams"]>) =>
  new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x]))).toString();

/** The title says what the page shows: "6 voices who support neutrality, from Karaganda · Voices". */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const { result } = await search(searchKey(await searchParams));
  const described = result.description.charAt(0).toUpperCase() + result.description.slice(1);
  const page = result.query.page > 1 ? `, page ${result.query.page}` : "";
  const title = toSearchParams({ ...result.query, page: 1, pageSize: DEFAULT_VOICE_QUERY.pageSize }).size
    ? described + page
    : `Explore the voices${page}`;
  // the layout's title template does not apply to a page in its own segment
  return { title: `${title} · Voices` };
}

export default async function ExplorerPage({ searchParams }: Props) {
  await connection();
  const { result, unrecognised } = await search(searchKey(await searchParams));
  const corpus = await getCorpusInfo(await getDb());
  const defaults = Object.fromEntries((["sort", "view", "pageSize"] as const).map((key) => [key, String(DEFAULT_VOICE_QUERY[key])]));
  return (
    <>
      <a className="skip-link" href="#results-heading">
        Skip to results
      </a>
      <h1 className="visually-hidden">Explore the voices</h1>
      <p className="intro">
        The {corpus.counts.voices} people quoted in {corpus.counts.sources} news reports on how Kazakhstan views Russia&rsquo;s war in
        Ukraine, with their exact words: <Link href="/about">what this corpus is and how it was made</Link>.
      </p>
      <ExplorerShell
        controls={<Controls result={result} />}
        results={<Results result={result} unrecognised={unrecognised} />}
        defaults={defaults}
      />
    </>
  );
}

function Controls({ result }: { result: ExplorerResult }) {
  const { query, facets } = result;
  return (
    <ExplorerControls
      q={query.q}
      facets={FACETS.map((facet) => ({
        key: facet.key,
        label: facet.label,
        values: facets[facet.key].map((v) => [v.value, v.label, v.count, v.selected]),
        more: result.moreFacetValues[facet.key],
        moreHref: buildQueryHref(`/facets/${facet.key}`, query),
      }))}
      unit={query.view === "quotes" ? "quote" : "voice"}
      ageMin={query.ageMin}
      ageMax={query.ageMax}
      filtersOn={activeChips(result).length}
      total={result.total}
      sort={query.sort}
      pageSize={query.pageSize}
      pageSizes={[...new Set([...PAGE_SIZES, query.pageSize])].sort((a, b) => a - b)}
      view={query.view !== DEFAULT_VOICE_QUERY.view ? query.view : undefined}
    />
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

async function Results({ result, unrecognised }: { result: ExplorerResult; unrecognised: ResolvedFilters["unrecognised"] }) {
  const { query, total } = result;
  const permalinks = await getRequestPermalinks(null); // only its base: the API address of this view
  const api = `${permalinks.base}${buildQueryHref(query.view === "quotes" ? "/api/quotes" : "/api/voices", { ...query, view: "voices" }, { page: query.page })}`;
  const chips = activeChips(result);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  return (
    <section aria-labelledby="results-heading">
      <ViewTabs query={query} />
      <div className="results-head">
        <h2 id="results-heading" className="results-sentence" tabIndex={-1}>
          {result.description}
        </h2>
        <Link
          href={buildQueryHref("/insights", {
            ...query,
            view: "voices",
            sort: DEFAULT_VOICE_QUERY.sort,
            pageSize: DEFAULT_VOICE_QUERY.pageSize,
          })}
        >
          Chart these results
        </Link>
      </div>
      {total > 0 && (
        <DataLinks
          selection={[...toSearchParams({ ...query, view: "voices", page: 1, pageSize: DEFAULT_VOICE_QUERY.pageSize })]}
          shape={query.view}
          api={api}
          exportTitle="More export options"
        />
      )}
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
                  <VoiceCard voice={pickVoiceCard(voice)} />
                </li>
              ))}
            </ol>
          )}
          {result.items.length === 0 && (
            <p className="empty">
              There is no page {query.page}. <Link href={buildQueryHref("/", query, { page: 1 })}>Go to the first page</Link>.
            </p>
          )}
          {pages > 1 && (
            <Pagination label="Pages of results" page={query.page} pages={pages} href={(page) => buildQueryHref("/", query, { page })} />
          )}
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
