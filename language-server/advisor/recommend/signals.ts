import type { Project, ProjectRuntime } from '../../model';
import type { ProjectMetricsRow } from '../../store/projectMetricsRepo';

/** What the rules know of one project: its scan, its last analysis, its last backup, what runs. */
export interface ProjectSignals {
  project: Project;
  /** The last analysis, if any (health, debt, findings by category in `metrics`). */
  scores: ProjectMetricsRow | null;
  /** ISO 8601 of the newest backup; null when none was made (or the folder is unknown). */
  lastBackupAt: string | null;
  /** Kinds of project-level problems the analyzer's checks found (`debt/missing-readme`, ...). */
  checks: ReadonlySet<string>;
  runtime: ProjectRuntime | null;
  /** Monetization gaps of the best-fitting revenue model, when the advisor has one. */
  monetizationGaps?: { model: string; gaps: string[] };
}

export interface AdviseOptions {
  now?: Date;
  /** Uncommitted changes with no commit for this long are work at risk. Default 3. */
  uncommittedDays?: number;
  /** No backup for this long (of a project with recent work). Default 14. */
  backupDays?: number;
  /** No commit for this long: decide what to do with the project. Default 180. */
  staleDays?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function daysSince(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor((now.getTime() - t) / DAY_MS);
}
