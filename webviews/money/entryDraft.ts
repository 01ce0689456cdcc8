import { DIRECTIONS, isDay, LIMITS, RECURRENCES, type Direction, type EntryItem, type Recurrence } from './moneyInfo';
import { isOneOf, isRecord, isText } from '../shared/guards';

/** The add form as typed, kept in the page's state so a hidden panel keeps it. */
export interface EntryDraft {
  direction: Direction;
  name: string;
  amount: string;
  kind: Recurrence;
  /** null: today, whatever day the form is shown on. */
  since: string | null;
}

export type DraftField = 'name' | 'amount' | 'since';

export const EMPTY_DRAFT: EntryDraft = { direction: 'cost', name: '', amount: '', kind: 'monthly', since: null };

export function isEntryDraft(v: unknown): v is EntryDraft {
  return (
    isRecord(v) && isOneOf(v.direction, DIRECTIONS) && isText(v.name, LIMITS.entryName * 2) && isText(v.amount, 100) &&
    isOneOf(v.kind, RECURRENCES) && (v.since === null || isText(v.since, 100))
  );
}

/**
 * What the user typed as a number: digits with one optional decimal point (a comma is taken as one), from 0 to
 * `max`. A message saying what to type otherwise. "1e3", "-5" and "12abc" are refused rather than guessed at.
 */
export function parseAmount(text: string, max: number, what: string): number | string {
  const t = text.trim();
  const wanted = `${what} must be a number from 0 to ${max}, like 12 or 12.50.`;
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return wanted;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) && n <= max ? n : wanted;
}

/** The entry to add, or what is wrong and in which field. */
export function draftItem(draft: EntryDraft, todayIs: string): { item: EntryItem } | { error: string; field: DraftField } {
  const name = draft.name.trim();
  if (name === '') return { error: 'Name the cost or revenue, e.g. Hosting.', field: 'name' };
  if (name.length > LIMITS.entryName) return { error: `The name is too long: ${LIMITS.entryName} characters at most.`, field: 'name' };
  const amount = parseAmount(draft.amount, LIMITS.amount, 'The amount');
  if (typeof amount === 'string') return { error: amount, field: 'amount' };
  const since = draft.since ?? todayIs;
  if (!isDay(since)) return { error: 'The date must be a day, YYYY-MM-DD.', field: 'since' };
  return { item: { name, amount, kind: draft.kind, since } };
}
