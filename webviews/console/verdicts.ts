import { isInt, isNullOr, isRecord, isText } from '../shared/guards';
import type { HistoryEntry } from './protocol';

/** What the user said about one remembered diagnosis. */
export interface Verdict {
  historyId: number;
  helpful: boolean;
  correctId: string | null;
}

/** Verdicts given in this panel, newest last; enough to show a recent answer whatever history is listed. */
const KEEP = 100;

export function isVerdict(v: unknown): v is Verdict {
  return isRecord(v) && isInt(v.historyId, 1) && typeof v.helpful === 'boolean' && isNullOr(v.correctId, (c): c is string => isText(c, 100));
}

export function withVerdict(list: readonly Verdict[], verdict: Verdict): Verdict[] {
  return [...list.filter((v) => v.historyId !== verdict.historyId), verdict].slice(-KEEP);
}

/** The verdict on a row: the one given here, else the one the history remembers. */
export function verdictOf(historyId: number, given: readonly Verdict[], rows: readonly HistoryEntry[]): Verdict | null {
  const here = given.find((v) => v.historyId === historyId);
  if (here) return here;
  const row = rows.find((r) => r.id === historyId);
  if (!row || row.feedback === null) return null;
  return { historyId, helpful: row.feedback === 1, correctId: row.confirmed };
}
