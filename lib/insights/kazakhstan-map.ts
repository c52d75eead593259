import { readFileSync } from "node:fs";
import path from "node:path";
import { geoConicEqualArea, geoPath, type GeoProjection, type GeoStreamWrapper } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MapSize } from "./layout-map";

// Kazakhstan's outline from Natural Earth (world-atlas, 1:50m), drawn offline with d3-geo:
// no tile server, nothing fetched at run time.

const KAZAKHSTAN = "398"; // ISO 3166-1 numeric

/**
 * Two drawings: a wide one for a desk, and a narrow one shown at about its own size on a
 * phone, where the wide one would shrink its labels to 6 px and its pies below a fingertip.
 */
export const MAP_SIZES = {
  wide: { width: 640, height: 340, fontSize: 12, radius: [12, 26] },
  narrow: { width: 360, height: 210, fontSize: 12, radius: [13, 20] },
} as const satisfies Record<string, MapSize>;

type KazakhstanMap = { outline: string; project(lon: number, lat: number): [number, number] };
const cached = new Map<string, KazakhstanMap>();

/** Points closer than this to the last one drawn are left out, in the drawing's units (about pixels). */
const OUTLINE_STEP = 1.5;

/**
 * The projection, dropping each point of a line that lies within OUTLINE_STEP of the last one
 * kept: at 1:50m the outline has many more points than a 640-unit drawing can show, and its
 * path is written twice per drawing (HTML and React payload). A line's first point is always kept.
 */
function thinned(projection: GeoProjection): GeoStreamWrapper {
  return {
    stream(output) {
      let last: [number, number] | undefined;
      return projection.stream({
        point(x, y) {
          if (last && Math.hypot(x - last[0], y - last[1]) < OUTLINE_STEP) return;
          last = [x, y];
          output.point(x, y);
        },
        lineStart() {
          last = undefined;
          output.lineStart();
        },
        lineEnd: () => output.lineEnd(),
        polygonStart: () => output.polygonStart(),
        polygonEnd: () => output.polygonEnd(),
        sphere: () => output.sphere?.(),
      });
    },
  };
}

export function getKazakhstanMap(size: { width: number; height: number }): KazakhstanMap {
  const key = `${size.width}x${size.height}`;
  if (!cached.has(key)) {
    const file = path.join(process.cwd(), "node_modules/world-atlas/countries-50m.json");
    const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry>[] };
    const kazakhstan = countries.features.find((f) => String(f.id) === KAZAKHSTAN);
    if (!kazakhstan) throw new Error("world-atlas has no Kazakhstan (id 398)");
    // an equal-area conic centred on the country keeps its shape and areas honest
    const projection = geoConicEqualArea()
      .parallels([43, 52])
      .rotate([-67, 0])
      .fitExtent(
        [
          [10, 10],
          [size.width - 10, size.height - 10],
        ],
        kazakhstan,
      );
    cached.set(key, {
      // a tenth of a unit is finer than a pixel at either size; d3's default of three decimals
      // made the outline 17 KB a drawing, written twice per drawing (HTML and React payload)
      outline: geoPath(thinned(projection)).digits(1)(kazakhstan) ?? "",
      project: (lon, lat) => projection([lon, lat]) ?? [0, 0],
    });
  }
  return cached.get(key)!;
}
