import Link from "next/link";
import { MoreInExplorer } from "../../_components/more-in-explorer";
import { arc, pie } from "d3-shape";
import { scaleSqrt } from "d3-scale";
import { STANCE_LABELS, STANCES, type Stance } from "@/lib/vocabulary";
import type { MapPoint, OffMapGroup } from "@/lib/insights/build-insights";
import { getKazakhstanMap, MAP_SIZE } from "@/lib/insights/kazakhstan-map";

/** Kazakhstan with a pie per city (size: voices, slices: stances); each links to the explorer filtered by that city. */
export function VoiceMap({ points, offMap, cityHref }: { points: MapPoint[]; offMap: OffMapGroup[]; cityHref(placeSlug: string): string }) {
  const map = getKazakhstanMap();
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...points.map((p) => p.total))])
    .range([0, 22]);
  const slices = pie<[Stance, number]>()
    .value(([, n]) => n)
    .sort(null);
  return (
    <div className="map-layout">
      <figure className="map" aria-labelledby="map-caption">
        <figcaption id="map-caption">
          Where the voices in Kazakhstan are: one circle per city, sized by the number of voices, its slices coloured by stance. Select a
          city to see its voices in the explorer.
        </figcaption>
        <svg
          viewBox={`0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`}
          className="map-svg"
          role="group"
          aria-label="Map of Kazakhstan with the cities voices come from"
        >
          <path d={map.outline} className="country" />
          {points.map((p) => {
            const [x, y] = map.project(p.longitude, p.latitude);
            const r = Math.max(6, radius(p.total));
            const label = `${p.name}: ${p.total} ${p.total === 1 ? "voice" : "voices"} (${STANCES.filter((s) => p.counts[s])
              .map((s) => `${STANCE_LABELS[s]} ${p.counts[s]}`)
              .join(", ")})`;
            return (
              <Link key={p.placeSlug} href={cityHref(p.placeSlug)} aria-label={label} className="map-city">
                <g transform={`translate(${x}, ${y})`}>
                  <title>{label}</title>
                  {slices(STANCES.map((s): [Stance, number] => [s, p.counts[s]])).map((slice) => (
                    <path
                      key={slice.data[0]}
                      d={arc<typeof slice>().innerRadius(0).outerRadius(r)(slice) ?? ""}
                      className={`fill-${slice.data[0]}`}
                    />
                  ))}
                  <circle r={r} className="city-ring" />
                  <text y={-r - 3} textAnchor="middle" className="city-name">
                    {p.name}
                  </text>
                </g>
              </Link>
            );
          })}
        </svg>
      </figure>
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
