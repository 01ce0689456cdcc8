/**
 * The one-line form a person types for a cost or a revenue, `NAME=AMOUNT[/month][@YYYY-MM-DD]`:
 * `Hosting=5/month`, `Domain=12@2024-01-15`, `Launch sale=250`. Shared by the CLI and anything else that
 * takes entries as text.
 */
import { dayOf, formatDay, parseDay } from './calendar';
import type { MoneyItem } from './roiFormulas';

export const ENTRY_SYNTAX = 'NAME=AMOUNT[/month][@YYYY-MM-DD]';
/** Longest name of an entry. */
export const MAX_ENTRY_NAME = 200;
/** Highest hourly rate taken: anything above is a typo. */
export const MAX_RATE = 1_000_000;
const SHAPE = /^(.+)=\s*(\d+(?:\.\d+)?)\s*(\/\s*month)?\s*(?:@\s*(\S+))?$/;

/** The entry, dated today when no date is given; a string saying what is wrong otherwise. */
export function parseEntryText(text: string, now: Date = new Date()): MoneyItem | string {
  const m = SHAPE.exec(text.trim());
  if (!m) return `"${text}" is not ${ENTRY_SYNTAX} (e.g. Hosting=5/month or Domain=12@2024-01-15)`;
  const name = (m[1] ?? '').trim();
  if (name === '' || name.length > MAX_ENTRY_NAME) return `"${text}": the name must be 1 to ${MAX_ENTRY_NAME} characters`;
  const amount = Number(m[2]);
  if (!Number.isFinite(amount)) return `"${text}": ${m[2]} is not an amount`;
  const since = m[4] === undefined ? dayOf(now) : parseDay(m[4]);
  if (!since) return `"${text}": ${m[4]} is not a date (YYYY-MM-DD)`;
  return { name, amount, kind: m[3] ? 'monthly' : 'one-off', since: formatDay(since) };
}
