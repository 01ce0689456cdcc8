import type { FiguresInfo } from './moneyInfo';

/**
 * Numbers as the dashboard words them. Amounts carry no currency sign: the server keeps them "in the currency
 * of the entries", which the page does not know.
 */
const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const amount = (n: number): string => amountFormat.format(n);
export const count = (n: number): string => countFormat.format(n);
export const hours = (n: number): string => `${hoursFormat.format(n)} h`;

/** "+25%", "−40%"; null when nothing was invested, where a ratio means nothing. */
export function roiText(roi: number | null): string {
  return roi === null ? 'not known: nothing invested yet' : percentFormat.format(roi);
}

/** When revenue covers what was put in, in words. */
export function paybackText(f: FiguresInfo): string {
  if (f.invested === 0) return 'Nothing to pay back';
  if (f.paybackMonths === 0) return 'Paid back';
  if (f.paybackMonths === null) return 'Never, at the current monthly costs and revenue';
  if (f.paybackMonths <= 1) return 'Within a month, at the current monthly net';
  const months = Math.ceil(f.paybackMonths);
  if (months < 24) return `In about ${months} months, at the current monthly net`;
  return `In about ${count(Math.round(months / 12))} years (${count(months)} months), at the current monthly net`;
}

/** `2024-03` as "Mar 2024". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return monthFormat.format(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1));
}

/** `2024-03-15` as "15 Mar 2024"; the text as given when it does not parse. */
export function dayLabel(day: string): string {
  const at = Date.parse(day.length === 10 ? `${day}T00:00:00Z` : day);
  return Number.isNaN(at) ? day : dayFormat.format(at);
}

const TYPE_WORDS: Record<string, string> = {
  cli: 'command-line tool',
  'web-app': 'web app',
  'api-service': 'API service',
  'mobile-app': 'mobile app',
  'browser-extension': 'browser extension',
  'editor-extension': 'editor extension',
  'desktop-app': 'desktop app',
  'data-ml': 'data or machine-learning project',
  'static-site': 'static site',
};

export function typeLabel(type: string): string {
  return TYPE_WORDS[type] ?? type.replace(/-/g, ' ');
}

/** Today in the user's time zone, YYYY-MM-DD: what "since" means to the person typing it. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
