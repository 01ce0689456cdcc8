/** Return on the time and money put into a project: the formulas, documented with examples in ROI.md. */
import { compareDays, dayOf, monthsElapsed, parseDay } from './calendar';
import type { Day } from './calendar';

export type Recurrence = 'monthly' | 'one-off';

/** A cost or a revenue the user entered. */
export interface MoneyItem {
  name: string;
  /** Not negative: a refund is a smaller entry, not a negative one (the store refuses negatives). */
  amount: number;
  kind: Recurrence;
  /** ISO date (`YYYY-MM-DD`) of the first charge or payment. */
  since: string;
}

export interface RoiInput {
  hours: number;
  hourlyRate: number;
  costs: readonly MoneyItem[];
  revenue: readonly MoneyItem[];
  now: Date;
}

export interface RoiFigures {
  /** hours × hourly rate. */
  labour: number;
  costsToDate: number;
  revenueToDate: number;
  /** labour + costs to date. */
  invested: number;
  /** (revenue − invested) / invested; null when nothing is invested, where a ratio means nothing. */
  roi: number | null;
  /** What the monthly costs that have started add up to, each month from now on. */
  costPerMonth: number;
  revenuePerMonth: number;
  /** Months from now until revenue covers what was invested at the current monthly net; 0 when it already has, null when it never will. */
  paybackMonths: number | null;
}

export function roiFigures(input: RoiInput): RoiFigures {
  const today = dayOf(input.now);
  const labour = input.hours * input.hourlyRate;
  const costsToDate = totalToDate(input.costs, today);
  const revenueToDate = totalToDate(input.revenue, today);
  const invested = labour + costsToDate;
  const costPerMonth = monthlyRate(input.costs, today);
  const revenuePerMonth = monthlyRate(input.revenue, today);
  return {
    labour,
    costsToDate,
    revenueToDate,
    invested,
    roi: invested > 0 ? (revenueToDate - invested) / invested : null,
    costPerMonth,
    revenuePerMonth,
    paybackMonths: paybackMonths(invested - revenueToDate, revenuePerMonth - costPerMonth),
  };
}

/** What `item` has cost (or brought) up to and including `today`: a monthly item once per month begun. */
export function amountToDate(item: MoneyItem, today: Day): number {
  const since = parseDay(item.since);
  if (!since || compareDays(since, today) > 0) return 0;
  return item.kind === 'one-off' ? item.amount : item.amount * (monthsElapsed(since, today) + 1);
}

export function totalToDate(items: readonly MoneyItem[], today: Day): number {
  return items.reduce((sum, item) => sum + amountToDate(item, today), 0);
}

/** The monthly items that have started; one-off items and those starting later are not part of it. */
export function monthlyRate(items: readonly MoneyItem[], today: Day): number {
  return items.filter((item) => item.kind === 'monthly' && isStarted(item, today)).reduce((sum, item) => sum + item.amount, 0);
}

/** Hours stop growing here: the payback assumes no more work is put in, only the current monthly flows. */
export function paybackMonths(outstanding: number, monthlyNet: number): number | null {
  if (outstanding <= 0) return 0;
  return monthlyNet > 0 ? outstanding / monthlyNet : null;
}

function isStarted(item: MoneyItem, today: Day): boolean {
  const since = parseDay(item.since);
  return since !== null && compareDays(since, today) <= 0;
}
