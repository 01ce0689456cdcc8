import { bin } from 'd3-array';
import type { ProjectCard } from '../protocol';

export type HealthBand = 'poor' | 'fair' | 'good';

export interface HealthBin {
  /** Lower bound, included. */
  from: number;
  /** Upper bound, excluded but for the last bin, which holds 100. */
  to: number;
  count: number;
  band: HealthBand;
}

/** The bands the bars are coloured by, and the words the table and summary use for them. */
export function bandOf(health: number): HealthBand {
  return health < 50 ? 'poor' : health < 80 ? 'fair' : 'good';
}

const binner = bin<number, number>()
  .domain([0, 100])
  .thresholds([10, 20, 30, 40, 50, 60, 70, 80, 90]);

/** Projects per ten points of health; the not yet analyzed are counted apart, not as 0. */
export function healthBins(cards: readonly ProjectCard[]): { bins: HealthBin[]; unknown: number; median: number | null } {
  const scores = cards.flatMap((c) => (c.health === null ? [] : [c.health]));
  const bins = binner(scores).map((b) => ({ from: b.x0 ?? 0, to: b.x1 ?? 100, count: b.length, band: bandOf(b.x0 ?? 0) }));
  const sorted = [...scores].sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
  return { bins, unknown: cards.length - scores.length, median };
}
