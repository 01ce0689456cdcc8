import type { PortfolioActivity } from '../protocol';

export interface HeatCell {
  date: string;
  /** Column: weeks since the one holding the first day. */
  week: number;
  /** Row: 0 is Sunday, as in the calendars the heatmap looks like. */
  weekday: number;
  commits: number;
}

export interface MonthRow {
  /** YYYY-MM */
  month: string;
  label: string;
  commits: number;
  activeDays: number;
  busiest: { date: string; commits: number } | null;
}

export interface HeatmapLayout {
  cells: HeatCell[];
  weeks: number;
  /** Where each month's label goes: the week holding its first day. */
  monthStarts: Array<{ label: string; week: number }>;
  months: MonthRow[];
  max: number;
  total: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Dates are calendar days, not instants: computed in UTC so no zone or daylight saving shifts a cell. */
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function dayMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "Tue, 4 March 2025", in the page's language. */
export function dayLabel(date: string): string {
  return longDay.format(dayMs(date));
}

/** Every day of the window as a cell of a weeks × weekdays grid, with the month summaries for the table. */
export function heatmapLayout(activity: PortfolioActivity): HeatmapLayout {
  const counts = new Map(activity.days.map((d) => [d.date, d.commits]));
  const start = dayMs(activity.from);
  // A hostile or broken window is cut to a year and a bit, so the grid stays bounded.
  const end = Math.min(dayMs(activity.to), start + 370 * DAY_MS);
  const offset = new Date(start).getUTCDay();
  const cells: HeatCell[] = [];
  const monthStarts: HeatmapLayout['monthStarts'] = [];
  const months = new Map<string, MonthRow>();
  for (let ms = start, i = 0; ms <= end; ms += DAY_MS, i++) {
    const date = dateOf(ms);
    const commits = counts.get(date) ?? 0;
    const week = Math.floor((i + offset) / 7);
    cells.push({ date, week, weekday: (i + offset) % 7, commits });
    if (date.endsWith('-01') || i === 0) monthStarts.push({ label: shortMonth.format(ms), week });
    const key = date.slice(0, 7);
    const row = months.get(key) ?? { month: key, label: longMonth.format(ms), commits: 0, activeDays: 0, busiest: null };
    row.commits += commits;
    if (commits > 0) row.activeDays++;
    if (commits > (row.busiest?.commits ?? 0)) row.busiest = { date, commits };
    months.set(key, row);
  }
  // The first label would crowd the second when the window starts late in a month.
  if (monthStarts.length > 1 && (monthStarts[1]?.week ?? 0) - (monthStarts[0]?.week ?? 0) < 3) monthStarts.shift();
  const max = cells.reduce((m, c) => Math.max(m, c.commits), 0);
  const total = cells.reduce((s, c) => s + c.commits, 0);
  return { cells, weeks: (cells.at(-1)?.week ?? 0) + 1, monthStarts, months: [...months.values()], max, total };
}
