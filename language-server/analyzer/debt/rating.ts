import type { AnalyzerFinding, FileMetrics } from '../types';
import { remediationMinutes } from './remediation';

export type DebtRating = 'A' | 'B' | 'C' | 'D' | 'E';

export interface DebtSummary {
  /** Remediation minutes of all findings, rounded. */
  minutes: number;
  /** minutes / (source lines × DEV_MINUTES_PER_LINE); 0 when there is no code. */
  ratio: number;
  rating: DebtRating;
}

/**
 * The cost of writing one line of code, SonarQube's default development cost (SQALE's 0.06 days a line is
 * 28.8 minutes at 8 hours a day; Sonar rounds it to 30).
 */
export const DEV_MINUTES_PER_LINE = 30;

/** Upper bounds of the debt ratio for each rating, SonarQube's defaults; anything above the last is E. */
export const RATING_BOUNDS: ReadonlyArray<readonly [DebtRating, number]> = [
  ['A', 0.05],
  ['B', 0.1],
  ['C', 0.2],
  ['D', 0.5],
];

export function ratingOf(ratio: number): DebtRating {
  for (const [rating, bound] of RATING_BOUNDS) if (ratio <= bound) return rating;
  return 'E';
}

/** Lines of code of all files; a broken record (negative, NaN) counts as none. */
export function totalSloc(metrics: readonly FileMetrics[]): number {
  return metrics.reduce((sum, m) => sum + (Number.isFinite(m.sloc) ? Math.max(0, m.sloc) : 0), 0);
}

/** Technical debt of a project: the findings' remediation minutes against the cost of writing its code. */
export function debtSummary(findings: readonly AnalyzerFinding[], metrics: readonly FileMetrics[]): DebtSummary {
  const minutes = Math.round(findings.reduce((sum, f) => sum + remediationMinutes(f), 0));
  const sloc = totalSloc(metrics);
  // With no code there is nothing to weigh the debt against; project-level findings still show in minutes.
  const ratio = sloc === 0 ? 0 : minutes / (sloc * DEV_MINUTES_PER_LINE);
  return { minutes, ratio: Math.round(ratio * 10_000) / 10_000, rating: ratingOf(ratio) };
}
