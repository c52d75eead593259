import { readFileSync } from "node:fs";
import path from "node:path";
import { geoConicEqualArea, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

// Kazakhstan's outline from Natural Earth (world-atlas, 1:50m), drawn offline with d3-geo:
// no tile server, nothing fetched at run time.

const KAZAKHSTAN = "398"; // ISO 3166-1 numeric
export const MAP_SIZE = { width: 640, height: 340 };

let cached: { outline: string; project(lon: number, lat: number): [number, number] } | undefined;

export function getKazakhstanMap() {
  if (!cached) {
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
          [MAP_SIZE.width - 10, MAP_SIZE.height - 10],
        ],
        kazakhstan,
      );
    cached = {
      outline: geoPath(projection)(kazakhstan) ?? "",
      project: (lon, lat) => projection([lon, lat]) ?? [0, 0],
    };
  }
  return cached;
}
