import { scaleQuantize } from 'd3-scale';

export const LEVELS = ['heat-1', 'heat-2', 'heat-3', 'heat-4'] as const;

/**
 * The class (and so the theme colour) of a day's cell: none for a day without commits, then four even steps up
 * to the busiest day. Even steps, not quantiles: one very busy day should stand out, not flatten the rest.
 */
export function levelScale(max: number): (commits: number) => string {
  const scale = scaleQuantize<string>().domain([1, Math.max(2, max)]).range([...LEVELS]);
  return (commits) => (commits <= 0 ? 'heat-0' : scale(commits));
}
