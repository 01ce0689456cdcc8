/** Calendar days in UTC, for money that is charged or paid once a month. */
export interface Day {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
}

/** `YYYY-MM-DD`, or the date part of a longer ISO 8601 timestamp; null for anything else or an impossible date. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
  if (!m) return null;
  const day: Day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return null;
  return day;
}

export function dayOf(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function formatDay(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole months from `from` to `to` (`from` not after `to`). A month has passed on the same day of
 * the month, or on the month's last day when it is shorter: from Jan 31, Feb 28 is one month on.
 */
export function monthsElapsed(from: Day, to: Day): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  const anniversary = Math.min(from.day, daysInMonth(to.year, to.month));
  return to.day >= anniversary ? months : months - 1;
}
