import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import { scaleSqrt } from "d3-scale";

// Where each city's pie and its label go on the map, for one drawing size. Pies that
// would overlap are pushed apart by d3-force's collision force (each keeps a line to its
// true place); labels are then placed where they cover no pie and no other label
// (docs/decisions/011-map-label-placement.md).

export type MapSize = {
  width: number;
  height: number;
  /** Label text size, in the drawing's units. */
  fontSize: number;
  /** The smallest and largest pie radius: the smallest stays large enough to tap or click. */
  radius: readonly [number, number];
};

export type Box = { x: number; y: number; width: number; height: number };

export type PlacedCity<T> = {
  point: T;
  /** The true place. */
  x: number;
  y: number;
  /** The pie's centre: the true place unless pushed aside to keep pies apart. */
  cx: number;
  cy: number;
  r: number;
  label: { text: string; x: number; y: number; anchor: "start" | "middle" | "end"; box: Box };
};

/** Width of a label in the drawing's units: a generous average glyph width, so that real text fits. */
export const estimateTextWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

const GAP = 2;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a circle and a box share any point. */
export function circleMeetsBox(cx: number, cy: number, r: number, box: Box): boolean {
  const nx = Math.max(box.x, Math.min(cx, box.x + box.width));
  const ny = Math.max(box.y, Math.min(cy, box.y + box.height));
  return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r;
}

/** Pie radii by voice count (area proportional to count), for the map and its size key. */
export function buildRadiusScale(size: MapSize, maxTotal: number) {
  return scaleSqrt()
    .domain([0, Math.max(1, maxTotal)])
    .range([0, size.radius[1]]);
}

export function pieRadius(size: MapSize, radius: (n: number) => number, total: number) {
  return Math.max(size.radius[0], radius(total));
}

type Node = SimulationNodeDatum & { x: number; y: number; r: number; homeX: number; homeY: number };

/** Moves overlapping circles apart, each as little as it can, inside the drawing. */
function separate(circles: { x: number; y: number; r: number }[], size: MapSize): { x: number; y: number }[] {
  const nodes: Node[] = circles.map((c) => ({ ...c, homeX: c.x, homeY: c.y }));
  const simulation = forceSimulation(nodes)
    .force("collide", forceCollide<Node>((n) => n.r + GAP).strength(1))
    .force("x", forceX<Node>((n) => n.homeX).strength(0.2))
    .force("y", forceY<Node>((n) => n.homeY).strength(0.2))
    .stop();
  // steps run here, no timer: the same input always gives the same map; most maps are
  // apart after a few steps (or from the start), a crowded one takes up to 300
  const apart = () => nodes.every((a, i) => nodes.slice(i + 1).every((b) => Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r + GAP / 2));
  for (let i = 0; i < 300 && !apart(); i += 5) for (let j = 0; j < 5; j++) simulation.tick();
  // a last pass without the pull home, so no pair is left touching
  simulation.force("x", null).force("y", null);
  for (let i = 0; i < 50 && !apart(); i++) simulation.tick();
  return nodes.map((n) => ({
    x: Math.min(size.width - n.r, Math.max(n.r, n.x)),
    y: Math.min(size.height - n.r, Math.max(n.r, n.y)),
  }));
}

/** Candidate label boxes around a pie, nearest first: beside, above, below, at the corners, then further out. */
function candidates(cx: number, cy: number, r: number, width: number, height: number) {
  const list: { box: Box; x: number; y: number; anchor: "start" | "middle" | "end" }[] = [];
  for (let ring = 0; ring < 8; ring++) {
    const d = r + GAP + ring * height * 0.6;
    const diagonal = d * Math.SQRT1_2;
    const spots: [number, number, "start" | "middle" | "end"][] = [
      [cx + d, cy, "start"],
      [cx - d, cy, "end"],
      [cx, cy - d - height / 2, "middle"],
      [cx, cy + d + height / 2, "middle"],
      [cx + diagonal, cy - diagonal - height / 2, "start"],
      [cx + diagonal, cy + diagonal + height / 2, "start"],
      [cx - diagonal, cy - diagonal - height / 2, "end"],
      [cx - diagonal, cy + diagonal + height / 2, "end"],
    ];
    for (const [x, y, anchor] of spots) {
      const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
      list.push({ x, y, anchor, box: { x: left, y: y - height / 2, width, height } });
    }
  }
  return list;
}

/**
 * Lays out a pie and a label per city: pies sized by voice count and kept apart, labels
 * ("Almaty (8)") each placed clear of every pie, every other label and the drawing's edge.
 * Cities with more voices are labelled first, so they get the nearest places.
 */
export function layoutMap<T extends { total: number }>(
  points: { point: T; x: number; y: number; label: string }[],
  size: MapSize,
): PlacedCity<T>[] {
  const radius = buildRadiusScale(size, Math.max(0, ...points.map((p) => p.point.total)));
  const radii = points.map((p) => pieRadius(size, radius, p.point.total));
  const centres = separate(
    points.map((p, i) => ({ x: p.x, y: p.y, r: radii[i]! })),
    size,
  );
  const pies = points.map((p, i) => ({ cx: centres[i]!.x, cy: centres[i]!.y, r: radii[i]! }));
  const bounds: Box = { x: 0, y: 0, width: size.width, height: size.height };
  const inside = (b: Box) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= bounds.width && b.y + b.height <= bounds.height;
  const height = size.fontSize * 1.25;
  const placed: Box[] = [];
  const labels = new Map<number, PlacedCity<T>["label"]>();
  const order = points.map((_, i) => i).sort((a, b) => points[b]!.point.total - points[a]!.point.total || a - b);
  const crowding = (b: Box) => placed.filter((p) => overlaps(p, b)).length + pies.filter((p) => circleMeetsBox(p.cx, p.cy, p.r, b)).length;
  const leastCrowded = <O extends { box: Box }>(options: O[]) =>
    options.reduce<{ option?: O; count: number }>(
      (best, option) => {
        const count = crowding(option.box);
        return count < best.count ? { option, count } : best;
      },
      { count: Infinity },
    ).option;
  for (const i of order) {
    const { cx, cy, r } = pies[i]!;
    const text = points[i]!.label;
    const options = candidates(cx, cy, r, estimateTextWidth(text, size.fontSize), height);
    const clear = (b: Box) => inside(b) && !placed.some((p) => overlaps(p, b)) && !pies.some((p) => circleMeetsBox(p.cx, p.cy, p.r, b));
    // with no clear spot (a crowded map), the one inside the drawing that covers the fewest labels and pies
    const spot = options.find((o) => clear(o.box)) ?? leastCrowded(options.filter((o) => inside(o.box))) ?? options[0]!;
    placed.push(spot.box);
    labels.set(i, { text, x: spot.x, y: spot.y, anchor: spot.anchor, box: spot.box });
  }
  return points.map((p, i) => ({ point: p.point, x: p.x, y: p.y, ...pies[i]!, label: labels.get(i)! }));
}
