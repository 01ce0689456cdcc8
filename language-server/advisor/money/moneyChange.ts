/**
 * A money change as it arrives from a client (a webview form, in the end): every field checked before anything
 * is stored, with a message that says what to type instead.
 */
import { formatDay, parseDay } from '../roi/calendar';
import { MAX_ENTRY_NAME, MAX_RATE } from '../roi/entryText';
import type { MoneyChange } from './moneyTypes';

/** Far past any real cost or revenue of a side project; larger is a typo or a hostile message. */
export const MAX_AMOUNT = 1_000_000_000;

export function validMoneyChange(value: unknown): MoneyChange {
  if (typeof value !== 'object' || value === null) throw new Error('A money change must be an object.');
  const change = value as Record<string, unknown>;
  switch (change.kind) {
    case 'rate':
      return { kind: 'rate', rate: amount(change.rate, 'The hourly rate', MAX_RATE) };
    case 'remove':
      if (!Number.isSafeInteger(change.id) || (change.id as number) < 1) throw new Error('Removing needs the id of a cost or revenue.');
      return { kind: 'remove', id: change.id as number };
    case 'add':
      return validAdd(change);
    default:
      throw new Error(`Unknown money change: ${JSON.stringify(String(change.kind)).slice(0, 40)}.`);
  }
}

function validAdd(change: Record<string, unknown>): MoneyChange {
  if (change.direction !== 'cost' && change.direction !== 'revenue') throw new Error('An entry is a cost or a revenue.');
  const item = typeof change.item === 'object' && change.item !== null ? (change.item as Record<string, unknown>) : {};
  const name = typeof item.name === 'string' ? item.name.trim() : '';
  if (name === '' || name.length > MAX_ENTRY_NAME) throw new Error(`The name must be 1 to ${MAX_ENTRY_NAME} characters.`);
  if (item.kind !== 'monthly' && item.kind !== 'one-off') throw new Error('An entry is monthly or one-off.');
  const since = typeof item.since === 'string' && item.since.length <= 10 ? parseDay(item.since) : null;
  if (since === null) throw new Error('The date must be a day, YYYY-MM-DD.');
  return { kind: 'add', direction: change.direction, item: { name, amount: amount(item.amount, 'The amount', MAX_AMOUNT), kind: item.kind, since: formatDay(since) } };
}

function amount(value: unknown, what: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) throw new Error(`${what} must be a number from 0 to ${max}.`);
  return value;
}
