import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import type { UsageSample } from '../protocol';

export interface ChartBox {
  width: number;
  height: number;
}

/** One measure of one project over the window, ready to draw. */
export interface UsageSeries {
  /** SVG path data; empty without samples. */
  area: string;
  line: string;
  /** The latest value, the highest in the window; null without samples. */
  now: number | null;
  peak: number | null;
  /** The value at the top of the chart. */
  top: number;
}

type Point = [at: number, value: number];

/**
 * A measure drawn as steps: the server sends a figure only when it moved enough to be news, so each one holds
 * until the next (a slope between them would invent readings). The last value is drawn on to `end`, the
 * newest sample of any project, so every chart ends at the same time. `floor` keeps a near-idle project from
 * filling the height with noise.
 */
export function usageSeries(samples: readonly UsageSample[], value: (s: UsageSample) => number, end: number, windowMs: number, box: ChartBox, floor: number): UsageSeries {
  const start = end - windowMs;
  const points = windowPoints(samples, value, start, end);
  const last = points[points.length - 1];
  if (!last) return { area: '', line: '', now: null, peak: null, top: floor };
  let peak = last[1];
  for (const p of points) if (p[1] > peak) peak = p[1];
  const top = Math.max(floor, peak * 1.1);
  const x = scaleLinear().domain([start, end]).range([0, box.width]).clamp(true);
  // A pixel kept at the top and bottom: a line at 0 or at the peak stays visible inside the box.
  const y = scaleLinear().domain([0, top]).range([box.height - 1, 1]).clamp(true);
  // A tenth of a unit is finer than a pixel once the box is stretched to a row: shorter data, drawn sooner.
  const path = line<Point>().curve(curveStepAfter).digits(1).x((p) => x(p[0])).y((p) => y(p[1]))(points) ?? '';
  // The area is the line closed along the bottom: the same steps, not drawn twice.
  const first = points[0] as Point;
  const area = `${path}V${box.height}H${round(x(first[0]))}Z`;
  return { area, line: path, now: last[1], peak, top };
}

/** The samples in the window, the one before it moved to its left edge, and the last value held to `end`. */
function windowPoints(samples: readonly UsageSample[], value: (s: UsageSample) => number, start: number, end: number): Point[] {
  const points: Point[] = [];
  for (const s of samples) {
    if (s.at > end) break;
    if (s.at < start) points.length = 0; // only the last sample before the window counts
    const x = Math.max(start, s.at);
    if (points[points.length - 1]?.[0] === x) points.pop(); // a sample at the window's edge replaces the one held into it
    points.push([x, value(s)]);
  }
  const last = points[points.length - 1];
  if (last && last[0] < end) points.push([end, last[1]]);
  return points;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
