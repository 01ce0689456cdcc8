import type { ActivityView } from '../protocol';

export interface WeekBar {
  /** The Monday the week starts on, YYYY-MM-DD. */
  start: string;
  commits: number;
}

export interface MonthTotal {
  /** YYYY-MM */
  month: string;
  commits: number;
}

export interface ActivityWeeks {
  weeks: WeekBar[];
  months: MonthTotal[];
  total: number;
  busiest: WeekBar | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A year and a bit: a hostile or broken window still draws a bounded chart. */
const MAX_WEEKS = 54;

/** Calendar days as UTC midnights, so no zone or daylight saving moves a commit to another week. */
export function dayMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Commits per week (weeks start on Monday) and per month over the window, every week present, oldest first. */
export function activityWeeks(activity: ActivityView): ActivityWeeks {
  const from = dayMs(activity.from);
  const firstMonday = from - ((new Date(from).getUTCDay() + 6) % 7) * DAY_MS;
  const to = Math.min(dayMs(activity.to), firstMonday + MAX_WEEKS * 7 * DAY_MS - DAY_MS);
  const weeks: WeekBar[] = [];
  for (let ms = firstMonday; ms <= to; ms += 7 * DAY_MS) weeks.push({ start: dateOf(ms), commits: 0 });
  const months = new Map<string, number>();
  for (const d of activity.days) {
    const at = dayMs(d.date);
    const week = weeks[Math.floor((at - firstMonday) / (7 * DAY_MS))];
    if (at < from || at > to || !week) continue;
    week.commits += d.commits;
    months.set(d.date.slice(0, 7), (months.get(d.date.slice(0, 7)) ?? 0) + d.commits);
  }
  const total = weeks.reduce((s, w) => s + w.commits, 0);
  const busiest = weeks.reduce<WeekBar | null>((b, w) => (w.commits > (b?.commits ?? 0) ? w : b), null);
  return { weeks, months: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, commits]) => ({ month, commits })), total, busiest };
}
