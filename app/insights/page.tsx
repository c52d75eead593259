import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { z } from "zod";
import { STANCES, type Stance } from "@/lib/vocabulary";
import { getDb } from "@/lib/db/client";
import { PLACE_REF_SELECT } from "@/lib/places/place-ref";
import { findMatrixQuotes } from "@/lib/insights/find-matrix-quotes";
import {
  buildMapData,
  buildStanceMatrix,
  CHART_ROWS_MAX,
  countStances,
  MATRIX_ROWS_MAX,
  SOURCE_SHARES_SHOWN,
  DEMOSCOPE_NOVEMBER_2022,
  MATRIX_DIMENSIONS,
  SURVEY_COMPARISON_MIN,
  toShares,
  type GroupRow,
} from "@/lib/insights/build-insights";
import { describeQuery } from "@/lib/search/describe-query";
import { FACETS } from "@/lib/search/facets";
import { resolveFilterValues } from "@/lib/search/resolve-filter-values";
import { searchVoices } from "@/lib/search/search-voices";
import { buildQueryHref, DEFAULT_VOICE_QUERY, parseVoiceQuery, toSearchParams } from "@/lib/search/voice-query";
import { UnrecognisedFilters } from "../_components/unrecognised-filters";
import { SelectField } from "../_components/synced-controls";
import { RowChoice } from "./_components/row-choice";
import { cellLabel } from "./_components/cell-label";
import { MatrixCountRows } from "./_components/matrix-count-rows";
import { StanceChart } from "./_components/stance-chart";
import { VoiceMap } from "./_components/voice-map";
import { StanceHeaderRow } from "./_components/stance-header-row";
import { buildVoiceQuoteHref } from "@/lib/voices/voice-quote-href";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type RawParams = Awaited<Props["searchParams"]>;

const RowSchema = z.enum(MATRIX_DIMENSIONS).catch("ageBand");
const facetLabel = (key: string) => FACETS.find((f) => f.key === key)!.label;

const voices = (n: number) => `${n} ${n === 1 ? "voice" : "voices"}`;

// The selection, read once per request for the title and the page, from one database even if a reseed swaps it meanwhile.
const loadSelection = cache(async (raw: RawParams) => {
  const db = await getDb();
  const { query, unrecognised } = await resolveFilterValues(db, parseVoiceQuery(raw, "lenient"), "lenient");
  const { facts, results } = await searchVoices(db, query);
  return { db, query, unrecognised, facts, results };
});

/** The title names the selection: "Insights: 6 voices who support neutrality". */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const { query, facts, results } = await loadSelection(await searchParams);
  const filtered = toSearchParams({ ...query, page: 1, pageSize: DEFAULT_VOICE_QUERY.pageSize, sort: DEFAULT_VOICE_QUERY.sort }).size > 0;
  return { title: filtered ? `Insights: ${describeQuery(results.length, query, facts)}` : "Insights" };
}

/** A part of a whole as a whole percentage; a part too small to round to 1% says so instead of "0%". */
function shareOf(part: number, whole: number): string {
  const share = (part * 100) / whole;
  return part > 0 && share < 0.5 ? "under 1%" : `${Math.round(share)}%`;
}

export default async function InsightsPage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const row = RowSchema.parse([raw.row].flat()[0]);
  const { db, query, unrecognised, facts, results } = await loadSelection(raw);
  const places = await db.place.findMany({ select: PLACE_REF_SELECT });
  const quotes = await findMatrixQuotes(
    db,
    results.map((v) => v.slug),
    query.kind,
  );
  const names = new Map(results.map((v) => [v.slug, v.name]));
  const allRows = buildStanceMatrix(results, row);
  // long lists show their largest groups and link to every value's count (the facet's own page)
  const matrix = allRows.slice(0, MATRIX_ROWS_MAX);
  const bySource = buildStanceMatrix(results, "source");
  const sourceShares = bySource.slice(0, SOURCE_SHARES_SHOWN);
  const sourceShare = (s: GroupRow) => (
    <li key={s.value}>
      <Link href={`/sources/${s.value}`}>{s.label}</Link>: {s.total} of {voices(results.length)} ({shareOf(s.total, results.length)})
    </li>
  );
  const corpusShares = toShares(countStances(results));
  const map = buildMapData(results, places);
  const filtersHref = (path: string) => buildQueryHref(path, query, {});
  const hidden = [...toSearchParams({ ...query, page: 1 })].filter(([k]) => k !== "page" && k !== "pageSize");

  return (
    <article className="insights-page">
      <h1>Insights</h1>
      <UnrecognisedFilters values={unrecognised} />
      <p className="results-sentence" role="status">
        Figures for {describeQuery(results.length, query, facts)}. <Link href={filtersHref("/")}>Change the filters in the explorer</Link>
      </p>
      {results.length === 0 ? (
        <p className="empty">
          No voices match these filters, so there is nothing to chart. <Link href="/insights">Show all voices</Link>
        </p>
      ) : (
        <>
          <section aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">Groups by stance</h2>
            <RowChoice>
              {hidden.map(([k, v], i) => (
                <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
              ))}
              <label htmlFor="row">Rows</label>
              <SelectField id="row" name="row" value={row}>
                {MATRIX_DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {facetLabel(d)}
                  </option>
                ))}
              </SelectField>
            </RowChoice>
            <div className="compare-scroll">
              <table className="matrix">
                <caption>
                  Voices by {facetLabel(row).toLowerCase()} (rows) and stance (columns).{" "}
                  {quotes ? "Open a number to read the quotes behind it." : "Each number opens its voices in the explorer."}
                  {row === "kind" && " A voice with both kinds of quote counts in both rows."}
                  {allRows.length > matrix.length && ` The ${matrix.length} largest of ${allRows.length} rows.`}
                </caption>
                <thead>
                  <StanceHeaderRow first={facetLabel(row)} />
                </thead>
                <tbody>
                  {quotes ? (
                    matrix.map((r) => (
                      <tr key={r.value}>
                        <th scope="row">{r.label}</th>
                        {STANCES.map((s: Stance) => (
                          <td key={s}>
                            {r.counts[s] === 0 ? (
                              <span className="zero-cell">0</span>
                            ) : (
                              <details className="cell">
                                <summary aria-label={cellLabel(r.counts[s], r.label, s)}>{r.counts[s]}</summary>
                                <ul>
                                  {r.voiceIds[s].flatMap((id) =>
                                    quotes
                                      .get(id)!
                                      .filter((q) => row !== "kind" || q.kind === r.value)
                                      .map((q) => (
                                        <li key={q.id}>
                                          {/* only a direct quotation stands in quotation marks; a paraphrase is the reporter's words */}
                                          {q.kind === "direct" ? (
                                            <q>{q.text}</q>
                                          ) : (
                                            <span className="paraphrase">{q.text} (paraphrase)</span>
                                          )}{" "}
                                          <Link href={buildVoiceQuoteHref(id, q.id)}>{names.get(id)}</Link>
                                        </li>
                                      )),
                                  )}
                                </ul>
                              </details>
                            )}
                          </td>
                        ))}
                        <td>{r.total}</td>
                      </tr>
                    ))
                  ) : (
                    <MatrixCountRows
                      rows={matrix.map((r) => ({
                        value: r.value,
                        label: r.label,
                        counts: r.counts,
                        total: r.total,
                        hrefs: Object.fromEntries(
                          STANCES.map((s) => [s, buildQueryHref("/", query, { [row]: [r.value], stance: [s] })]),
                        ) as Record<Stance, string>,
                      }))}
                    />
                  )}
                </tbody>
              </table>
            </div>
            {allRows.length > matrix.length && (
              <p>
                <Link href={buildQueryHref(`/facets/${row}`, query)}>
                  All {allRows.length} rows: every value of {facetLabel(row).toLowerCase()} with its count
                </Link>
              </p>
            )}
            <h3>How many voices each source contributes</h3>
            <p className="help">
              Most voices come from a handful of articles, chosen by their reporters: read every figure here as a description of these
              articles, not of Kazakhstan.
            </p>
            <ul className="source-share">{sourceShares.map(sourceShare)}</ul>
            {bySource.length > sourceShares.length && (
              <p>
                <Link href={buildQueryHref("/facets/source", query)}>
                  {bySource.length - sourceShares.length} more sources: every source with its count
                </Link>
              </p>
            )}
          </section>

          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading">Charts</h2>
            <StanceChart
              id="by-age"
              title="stance by age band"
              caption="Stance by age band. The openDemocracy article reports a generational divide (“a pro-Russian stance among the older generations”); these are the voices it and the other sources quote."
              rows={buildStanceMatrix(results, "ageBand").map((r) => ({ label: r.label, counts: r.counts }))}
            />
            <StanceChart
              id="by-region"
              title="stance by region"
              caption="Stance by region (current official names)."
              rows={buildStanceMatrix(results, "region").map((r) => ({ label: r.label, counts: r.counts }))}
            />
            <StanceChart
              id="by-source"
              title="stance by source"
              caption={
                bySource.length > CHART_ROWS_MAX
                  ? `Stance by source: the ${CHART_ROWS_MAX} sources with the most voices, of ${bySource.length}.`
                  : "Stance by source."
              }
              rows={bySource.slice(0, CHART_ROWS_MAX).map((r) => ({ label: r.label, counts: r.counts }))}
            />
            <StanceChart
              id="vs-survey"
              title="shares of stance beside the survey"
              unit="%"
              caption={`Shares of stance: the ${voices(results.length)} in this selection beside the ${DEMOSCOPE_NOVEMBER_2022.label}. Different populations: the corpus holds people reporters chose to quote; the survey asked ${DEMOSCOPE_NOVEMBER_2022.population}. Source of the survey figures: ${DEMOSCOPE_NOVEMBER_2022.citation}. ${DEMOSCOPE_NOVEMBER_2022.unclearNote}`}
              rows={[
                { label: "Voices in the corpus", counts: corpusShares },
                { label: "Demoscope, Nov 2022", counts: DEMOSCOPE_NOVEMBER_2022.shares },
              ]}
            />
            {results.length < SURVEY_COMPARISON_MIN && (
              <p className="notice" role="note">
                Only {voices(results.length)} in this selection: too few to set beside a national survey. Each voice moves its share by{" "}
                {Math.round(100 / results.length)} percentage points, more than the survey&rsquo;s own margin of error; read the bars above
                as a description of these {results.length === 1 ? "words" : "people"}, not as a finding. Widen the filters for a steadier
                comparison.
              </p>
            )}
          </section>

          <section aria-labelledby="map-heading">
            <h2 id="map-heading">Map</h2>
            <VoiceMap points={map.points} offMap={map.offMap} cityHref={(placeSlug) => buildQueryHref("/", query, { city: [placeSlug] })} />
          </section>
        </>
      )}
    </article>
  );
}
