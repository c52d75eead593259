import { scaleBand, scaleLinear } from "d3-scale";
import { STANCE_LABELS, STANCES, type Stance } from "@/lib/vocabulary";
import type { StanceCounts } from "@/lib/insights/build-insights";

export type ChartRow = { label: string; counts: StanceCounts };

const WIDTH = 560;
const LABEL_WIDTH = 150;
const BAR = 22;

/**
 * Horizontal stacked bars of stance, drawn as SVG on the server with d3-scale, with its
 * caption and the same numbers as a table for screen readers and copying.
 * `unit` is "voices" (counts) or "%" (shares).
 */
export function StanceChart({
  id,
  caption,
  rows,
  unit = "voices",
}: {
  id: string;
  caption: string;
  rows: ChartRow[];
  unit?: "voices" | "%";
}) {
  const totals = rows.map((r) => STANCES.reduce((n, s) => n + r.counts[s], 0));
  const max = unit === "%" ? 100 : Math.max(1, ...totals);
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL_WIDTH - 40]);
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([0, rows.length * (BAR + 8)])
    .padding(0.2);
  const height = rows.length * (BAR + 8) + 4;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-caption`} className="chart-svg">
        {rows.map((row, i) => {
          let offset = 0;
          return (
            <g key={row.label} transform={`translate(0, ${y(i)})`}>
              <text x={LABEL_WIDTH - 6} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
                {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
              </text>
              {STANCES.map((stance: Stance) => {
                const width = x(row.counts[stance]);
                const rect = (
                  <rect key={stance} x={LABEL_WIDTH + offset} width={width} height={y.bandwidth()} className={`fill-${stance}`}>
                    <title>{`${row.label}: ${STANCE_LABELS[stance]} ${row.counts[stance]}${unit === "%" ? "%" : ""}`}</title>
                  </rect>
                );
                offset += width;
                return rect;
              })}
              <text x={LABEL_WIDTH + offset + 4} y={y.bandwidth() / 2} dy="0.35em" className="chart-value">
                {unit === "%" ? "" : totals[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-hidden="true">
        {STANCES.map((s) => (
          <li key={s}>
            <span className={`swatch fill-${s}`} /> {STANCE_LABELS[s]}
          </li>
        ))}
      </ul>
      <details className="chart-data">
        <summary>Data table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {STANCES.map((s) => (
                <th scope="col" key={s}>
                  {STANCE_LABELS[s]}
                </th>
              ))}
              {unit === "voices" && <th scope="col">All</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {STANCES.map((s) => (
                  <td key={s}>
                    {row.counts[s]}
                    {unit === "%" ? "%" : ""}
                  </td>
                ))}
                {unit === "voices" && <td>{totals[i]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
