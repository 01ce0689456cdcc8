import type { MonthHours } from '../moneyInfo';

/** Bars the chart draws at most: past that the last ones are drawn and the table lists them all. */
export const CHART_MONTHS = 36;

export interface MonthSeries {
  /** Every month from the first with commits to the last, those without a commit at 0 hours. */
  months: MonthHours[];
  /** The last CHART_MONTHS of them. */
  drawn: MonthHours[];
  total: number;
  busiest: MonthHours | null;
}

/**
 * The server lists only months with commits; a month between them had none, so its estimate is 0 hours, not
 * unknown. Filling them keeps the bars on a true time axis.
 */
export function monthSeries(byMonth: readonly MonthHours[]): MonthSeries {
  const first = byMonth[0];
  const last = byMonth[byMonth.length - 1];
  if (!first || !last) return { months: [], drawn: [], total: 0, busiest: null };
  const known = new Map(byMonth.map((m) => [m.month, m.hours]));
  const months: MonthHours[] = [];
  for (let month = first.month; month <= last.month; month = nextMonth(month)) months.push({ month, hours: known.get(month) ?? 0 });
  const total = byMonth.reduce((sum, m) => sum + m.hours, 0);
  const busiest = byMonth.reduce((b, m) => (m.hours > b.hours ? m : b), first);
  return { months, drawn: months.slice(-CHART_MONTHS), total, busiest };
}

export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}
