import Link from "next/link";
import { arc, pie } from "d3-shape";
import { STANCE_LABELS, STANCES, type Stance } from "@/lib/vocabulary";
import type { MapPoint, OffMapGroup } from "@/lib/insights/build-insights";
import { getKazakhstanMap, MAP_SIZES } from "@/lib/insights/kazakhstan-map";
import { buildRadiusScale, layoutMap, pieRadius, type MapSize } from "@/lib/insights/layout-map";
import { MoreInExplorer } from "../../_components/more-in-explorer";
import { ScrollBox } from "../../_components/scroll-box";
import { StanceLegend } from "./stance-legend";
import { StanceHeaderRow } from "./stance-header-row";

const voices = (n: number) => `${n} ${n === 1 ? "voice" : "voices"}`;
/** The strip under the map that holds the size key: a line of text, then the largest circle. */
const keyHeight = (size: MapSize) => size.fontSize * 1.5 + size.radius[1] * 2 + 8;
/** A coordinate to a tenth of a unit, finer than a pixel: the layout's sixteen digits were written twice (HTML and React payload). */
const tenth = (n: number) => Math.round(n * 10) / 10;

/** Kazakhstan with a pie per city (size: voices, slices: stances); each links to the explorer filtered by that city. */
export function VoiceMap({ points, offMap, cityHref }: { points: MapPoint[]; offMap: OffMapGroup[]; cityHref(placeSlug: string): string }) {
  const total = points.reduce((n, p) => n + p.total, 0);
  return (
    <div className="map-layout">
      {points.length === 0 ? (
        <p className="empty">No voice in this selection is placed in a city in Kazakhstan, so the map has nothing to show.</p>
      ) : (
        <figure className="map" aria-labelledby="map-caption">
          <figcaption id="map-caption">
            Where the {voices(total)} placed in Kazakhstan are: one circle per city, sized by its number of voices (in brackets), its slices
            coloured by stance. A circle moved aside to keep it clear of another keeps a line to its true place. Select a city to see its
            voices in the explorer.
          </figcaption>
          {/* two drawings, one shown: labels and pies keep a readable, tappable size on a phone */}
          <MapDrawing points={points} cityHref={cityHref} size={MAP_SIZES.wide} className="map-svg map-wide" />
          <MapDrawing points={points} cityHref={cityHref} size={MAP_SIZES.narrow} className="map-svg map-narrow" />
          <StanceLegend />
          <details className="chart-data">
            <summary>Data table</summary>
            <ScrollBox label="Data table: voices per city, by stance">
              <table>
                <caption className="visually-hidden">Voices per city in Kazakhstan, by stance</caption>
                <thead>
                  <StanceHeaderRow first="City" />
                </thead>
                <tbody>
                  {[...points]
                    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
                    .map((p) => (
                      <tr key={p.placeSlug}>
                        <th scope="row">
                          <Link href={cityHref(p.placeSlug)}>{p.name}</Link>
                        </th>
                        {STANCES.map((s) => (
                          <td key={s}>{p.counts[s]}</td>
                        ))}
                        <td>{p.total}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollBox>
          </details>
        </figure>
      )}
      <aside className="off-map" aria-labelledby="off-map-heading">
        <h3 id="off-map-heading">Not on this map</h3>
        {offMap.length === 0 ? (
          <p className="help">Every voice in this selection is placed in Kazakhstan.</p>
        ) : (
          offMap.map((group) => (
            <div key={group.label}>
              <h4>
                {group.label} ({group.total})
              </h4>
              <ul>
                {group.voices.map((v) => (
                  <li key={v.slug}>
                    <Link href={`/voices/${v.slug}`}>{v.name}</Link>
                  </li>
                ))}
              </ul>
              <MoreInExplorer
                total={group.total}
                shown={group.voices.length}
                href={cityHref(group.placeSlug)}
                label="See them all in the explorer"
              />
            </div>
          ))
        )}
      </aside>
    </div>
  );
}

function MapDrawing({
  points,
  cityHref,
  size,
  className,
}: {
  points: MapPoint[];
  cityHref(placeSlug: string): string;
  size: MapSize;
  className: string;
}) {
  const map = getKazakhstanMap(size);
  const cities = layoutMap(
    points.map((p) => {
      const [x, y] = map.project(p.longitude, p.latitude);
      return { point: p, x, y, label: `${p.name} (${p.total})` };
    }),
    size,
  );
  const slices = pie<[Stance, number]>()
    .value(([, n]) => n)
    .sort(null);
  return (
    <svg
      viewBox={`0 0 ${size.width} ${size.height + keyHeight(size)}`}
      className={className}
      role="group"
      aria-label="Map of Kazakhstan with the cities voices come from"
    >
      <path d={map.outline} className="country" />
      {cities.map(({ point: p, x, y, cx, cy, r, label }) => {
        const name = `${p.name}: ${voices(p.total)} (${STANCES.filter((s) => p.counts[s])
          .map((s) => `${STANCE_LABELS[s]} ${p.counts[s]}`)
          .join(", ")})`;
        const moved = Math.hypot(cx - x, cy - y) > 1;
        return (
          <Link key={p.placeSlug} href={cityHref(p.placeSlug)} aria-label={name} className="map-city">
            <title>{name}</title>
            {moved && (
              <>
                <line x1={tenth(x)} y1={tenth(y)} x2={tenth(cx)} y2={tenth(cy)} className="city-leader" />
                <circle cx={tenth(x)} cy={tenth(y)} r={2} className="city-dot" />
              </>
            )}
            <g transform={`translate(${tenth(cx)} ${tenth(cy)})`} className="city-pie">
              {slices(STANCES.map((s): [Stance, number] => [s, p.counts[s]])).map((slice) => (
                <path
                  key={slice.data[0]}
                  d={arc<typeof slice>().innerRadius(0).outerRadius(r).digits(1)(slice) ?? ""}
                  className={`fill-${slice.data[0]}`}
                />
              ))}
              <circle r={tenth(r)} className="city-ring" />
            </g>
            <text
              x={tenth(label.x)}
              y={tenth(label.y)}
              dy="0.35em"
              textAnchor={label.anchor}
              className="city-name"
              fontSize={size.fontSize}
            >
              {label.text}
            </text>
          </Link>
        );
      })}
      <SizeKey size={size} maxTotal={Math.max(0, ...points.map((p) => p.total))} />
    </svg>
  );
}

/** Circles for a few counts, drawn at the map's own scale under it. */
function SizeKey({ size, maxTotal }: { size: MapSize; maxTotal: number }) {
  const radius = buildRadiusScale(size, maxTotal);
  const values = [...new Set([1, Math.round(maxTotal / 2), maxTotal])].filter((n) => n >= 1);
  const top = size.height + 4;
  const baseline = size.height + keyHeight(size) - 4;
  let x = 10;
  return (
    <g className="size-key" aria-hidden="true">
      <text x={x} y={top + size.fontSize} fontSize={size.fontSize} className="size-key-title">
        Circle size: voices per city
      </text>
      {values.map((n) => {
        const r = pieRadius(size, radius, n);
        const cx = x + r;
        x = cx + r + size.fontSize * 2.2;
        return (
          <g key={n}>
            <circle cx={tenth(cx)} cy={tenth(baseline - r)} r={tenth(r)} className="size-key-circle" />
            <text x={tenth(cx + r + 3)} y={tenth(baseline - 2)} fontSize={size.fontSize} className="size-key-value">
              {n}
            </text>
          </g>
        );
      })}
    </g>
  );
}
