import { scaleLinear } from "d3-scale";
import { Fragment } from "react";
import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import type { StanceCounts } from "@/lib/insights/build-insights";
import { ScrollBox } from "../../_components/scroll-box";
import { StanceLegend } from "./stance-legend";
import { StanceHeaderRow } from "./stance-header-row";

export type ChartRow = { label: string; counts: StanceCounts };

/** Below this share of the axis a segment is too narrow to print its number inside. */
const INSIDE_MIN = { voices: 6, "%": 9 };
/**
 * The share of the axis each character of a number takes on a phone's bar (12 px digits on
 * about 290 px): a segment shows its number only when all of it fits. A corpus of thousands
 * prints five digits, which the narrowest segments that fit one would let spill onto the next.
 */
const CHARACTER_SHARE = 2.8;
const fitsInside = (width: number, label: string, unit: "voices" | "%") =>
  width >= Math.max(INSIDE_MIN[unit], CHARACTER_SHARE * label.length);
const BAR_HEIGHT = 22;
/** A position on the axis, to a hundredth of a percent: finer than a pixel, and 16 digits shorter. */
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

/**
 * Horizontal stacked bars of stance, with the caption, a labelled axis and the numbers:
 * inside each wide enough segment, after each bar (counts) or under it (shares). Labels are
 * HTML, so they wrap instead of being cut; the bars are SVG laid out in percentages, so
 * text keeps its size on any screen. The same numbers are in a table, for screen readers
 * and copying. `unit` is "voices" (counts) or "%" (shares).
 */
export function StanceChart({
  id,
  title,
  caption,
  rows,
  unit = "voices",
}: {
  id: string;
  /** A few words naming the chart, for its data table. */
  title: string;
  caption: string;
  rows: ChartRow[];
  unit?: "voices" | "%";
}) {
  const totals = rows.map((r) => STANCES.reduce((n, s) => n + r.counts[s], 0));
  const max = unit === "%" ? 100 : Math.max(1, ...totals);
  const x = scaleLinear().domain([0, max]).range([0, 100]).nice();
  const ticks = x.ticks(Math.min(5, unit === "%" ? 5 : max)).filter((t) => Number.isInteger(t));
  const suffix = unit === "%" ? "%" : "";
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart-plot" aria-hidden="true">
        {/* the gridlines, drawn once and shown in every bar: forty bars carried six lines each */}
        <svg className="chart-defs" width="0" height="0">
          <defs>
            <g id={`${id}-grid`}>
              {ticks.map((t) => (
                <line key={t} x1={pct(x(t))} x2={pct(x(t))} y1={0} y2={BAR_HEIGHT} />
              ))}
            </g>
          </defs>
        </svg>
        {rows.map((row, i) => {
          let start = 0;
          return (
            <div key={row.label} className="bar-row">
              <span className="bar-label">{row.label}</span>
              <svg className="bar" width="100%" height={BAR_HEIGHT}>
                <use href={`#${id}-grid`} className="gridline" />
                {STANCES.map((stance) => {
                  const value = row.counts[stance];
                  const from = start;
                  start += x(value);
                  if (value === 0) return null;
                  return (
                    <Fragment key={stance}>
                      <rect x={pct(from)} width={pct(x(value))} height={BAR_HEIGHT} className={`fill-${stance}`} />
                      {fitsInside(x(value), `${value}${suffix}`, unit) && (
                        <text x={pct(from + x(value) / 2)} y={BAR_HEIGHT / 2} dy="0.35em" textAnchor="middle" className="bar-value">
                          {value}
                          {suffix}
                        </text>
                      )}
                    </Fragment>
                  );
                })}
              </svg>
              <span className="bar-total">{unit === "voices" ? totals[i] : ""}</span>
              {unit === "%" && (
                <span className="bar-shares">{STANCES.map((s) => `${STANCE_LABELS[s]} ${row.counts[s]}%`).join(" · ")}</span>
              )}
            </div>
          );
        })}
        <div className="bar-row axis-row">
          <svg className="axis" width="100%" height={18}>
            {ticks.map((t, i) => (
              <text
                key={t}
                x={pct(x(t))}
                y={13}
                textAnchor={i === 0 ? "start" : i === ticks.length - 1 && x(t) > 95 ? "end" : "middle"}
                className="axis-tick"
              >
                {t}
                {suffix}
              </text>
            ))}
          </svg>
          <span className="axis-title">{unit === "%" ? "Share of voices or respondents" : "Number of voices"}</span>
        </div>
      </div>
      <StanceLegend />
      <details className="chart-data">
        <summary>Data table</summary>
        <ScrollBox label={`Data table: ${title}`}>
          <table>
            <thead>
              <StanceHeaderRow first="Group" all={unit === "voices"} />
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {STANCES.map((s) => (
                    <td key={s}>
                      {row.counts[s]}
                      {suffix}
                    </td>
                  ))}
                  {unit === "voices" && <td>{totals[i]}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </figure>
  );
}
