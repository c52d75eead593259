import { describe, expect, it } from "vitest";
import { circleMeetsBox, estimateTextWidth, layoutMap, overlaps, type Box, type MapSize } from "@/lib/insights/layout-map";
import { getKazakhstanMap, MAP_SIZES } from "@/lib/insights/kazakhstan-map";

// The gazetteer's cities in Kazakhstan (data/places.yaml), where the map once covered
// "Karaganda" with Astana's pie and drew Aktau over Zhanaozen.
const CITIES = [
  { name: "Aktau", lon: 51.1722, lat: 43.6481, total: 1 },
  { name: "Almaty", lon: 76.8512, lat: 43.222, total: 5 },
  { name: "Astana", lon: 71.4491, lat: 51.1694, total: 2 },
  { name: "Karaganda", lon: 73.1094, lat: 49.8047, total: 3 },
  { name: "Kostanay", lon: 63.6354, lat: 53.2198, total: 1 },
  { name: "Oskemen", lon: 82.6275, lat: 49.9483, total: 1 },
  { name: "Pavlodar", lon: 76.9674, lat: 52.2873, total: 1 },
  { name: "Shymkent", lon: 69.5901, lat: 42.3417, total: 1 },
  { name: "Zhanaozen", lon: 52.8619, lat: 43.3412, total: 1 },
];

function lay(size: MapSize, cities = CITIES) {
  const map = getKazakhstanMap(size);
  return layoutMap(
    cities.map((c) => {
      const [x, y] = map.project(c.lon, c.lat);
      return { point: c, x, y, label: `${c.name} (${c.total})` };
    }),
    size,
  );
}

const inside = (b: Box, size: MapSize) => b.x >= 0 && b.y >= 0 && b.x + b.width <= size.width && b.y + b.height <= size.height;

describe("overlaps and circleMeetsBox", () => {
  it.each([
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }, true],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }, false],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 11, width: 10, height: 10 }, false],
  ])("boxes %o and %o overlap: %s", (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });

  it.each([
    [0, 0, 5, { x: 3, y: -1, width: 4, height: 2 }, true],
    [0, 0, 5, { x: 4, y: 4, width: 4, height: 4 }, false], // the box's corner is outside the circle
    [0, 0, 5, { x: -10, y: -10, width: 20, height: 20 }, true], // the circle inside the box
  ])("circle (%d, %d, r %d) meets %o: %s", (cx, cy, r, box, expected) => {
    expect(circleMeetsBox(cx, cy, r, box)).toBe(expected);
  });
});

describe.each(Object.entries(MAP_SIZES))("layoutMap, %s drawing", (_, size) => {
  const cities = lay(size);

  it("labels every city with its name and count", () => {
    expect(cities.map((c) => c.label.text)).toEqual(CITIES.map((c) => `${c.name} (${c.total})`));
  });

  it("keeps every label clear of the other labels", () => {
    for (const a of cities)
      for (const b of cities) if (a !== b) expect(overlaps(a.label.box, b.label.box), `${a.label.text} / ${b.label.text}`).toBe(false);
  });

  it("keeps every label clear of every pie, its own included", () => {
    for (const c of cities)
      for (const pie of cities)
        expect(circleMeetsBox(pie.cx, pie.cy, pie.r, c.label.box), `${c.label.text} / ${pie.point.name}`).toBe(false);
  });

  it("keeps pies apart and inside the drawing, each no smaller than a fingertip's minimum", () => {
    for (const a of cities) {
      expect(a.r).toBeGreaterThanOrEqual(size.radius[0]);
      expect(inside({ x: a.cx - a.r, y: a.cy - a.r, width: 2 * a.r, height: 2 * a.r }, size)).toBe(true);
      for (const b of cities) if (a !== b) expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThanOrEqual(a.r + b.r);
    }
  });

  it("keeps every label inside the drawing, with room for its text", () => {
    for (const c of cities) {
      expect(inside(c.label.box, size)).toBe(true);
      expect(c.label.box.width).toBeGreaterThanOrEqual(estimateTextWidth(c.label.text, size.fontSize));
    }
  });

  it("sizes pies by count: more voices, a larger pie", () => {
    const byName = new Map(cities.map((c) => [c.point.name, c.r]));
    expect(byName.get("Almaty")!).toBeGreaterThan(byName.get("Karaganda")!);
    expect(byName.get("Karaganda")!).toBeGreaterThan(byName.get("Aktau")!);
  });

  it("gives the same layout for the same input", () => {
    expect(lay(size)).toEqual(cities);
  });
});
