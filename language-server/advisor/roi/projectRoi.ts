/** Hours from git history and the user's money entries, put together for one project. */
import type { CommitHistory, HistoryOptions } from './gitHistory';
import { readCommitHistory } from './gitHistory';
import { estimateHours, toHours } from './gitHours';
import type { HoursEstimate, HoursOptions } from './gitHours';
import { roiFigures } from './roiFormulas';
import type { MoneyItem, RoiFigures } from './roiFormulas';

export interface RoiEntries {
  costs: readonly MoneyItem[];
  revenue: readonly MoneyItem[];
  /** Per hour, in the same currency as the entries. */
  hourlyRate: number;
}

export interface ProjectRoi {
  estimate: HoursEstimate;
  figures: RoiFigures;
  /** Why figures may be zero or partial (not a repository, history cut), for the user. */
  notes: string[];
}

export async function projectRoi(dir: string, entries: RoiEntries, options: HoursOptions & { history?: HistoryOptions; now?: Date } = {}): Promise<ProjectRoi> {
  const history: CommitHistory = await readCommitHistory(dir, options.history);
  return roiOf(history, entries, options, options.now ?? new Date());
}

/** The figures price the hours as shown (to the tenth), so that hours × rate can be checked by hand. */
export function roiOf(history: CommitHistory, entries: RoiEntries, hours: HoursOptions, now: Date): ProjectRoi {
  const estimate = estimateHours(history.commits, hours);
  const figures = roiFigures({ hours: toHours(estimate.seconds), hourlyRate: entries.hourlyRate, costs: entries.costs, revenue: entries.revenue, now });
  return { estimate, figures, notes: history.notes };
}
