/**
 * What the Project detail dashboard shows of one project's code (`optimus/projectDetail`): its health and debt
 * over time, where the complexity is, its findings and its dependencies. Read from what the last *Analyze
 * Project* stored and the analyzer's cache; nothing is analyzed to answer it.
 */
import type { AnalyzerCategory, AnalyzerSeverity } from '../types';

export interface DetailTrendPoint {
  /** ISO 8601 UTC. */
  at: string;
  health: number;
  debtMinutes: number;
  debtRating: string;
  loc: number;
}

/** One analyzed file, for the hotspot treemap (area = lines, colour = complexity). */
export interface DetailFile {
  /** Relative to the project folder, `/`-separated. */
  file: string;
  loc: number;
  /** Sum of its functions' cyclomatic complexity. */
  complexity: number;
  /** Its most complex function's cyclomatic complexity; 0 without functions. */
  maxComplexity: number;
  findings: number;
}

export interface DetailFunction {
  file: string;
  name: string;
  line: number;
  cyclomatic: number;
  cognitive: number;
  loc: number;
}

export interface DetailFinding {
  ruleId: string;
  category: AnalyzerCategory;
  severity: AnalyzerSeverity;
  /** Never holds a secret (the analyzer masks them). */
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface DetailDependency {
  name: string;
  /** As declared in the manifest (a range). */
  declared: string;
  /** From the lockfile; null when there is none or it does not list the package. */
  locked: string | null;
  /** From the registry, when `optimus.analysis.outdated` looked it up; null otherwise. */
  latest: string | null;
  dev: boolean;
  outdated: boolean;
  /** The worst known advisory, or null. */
  vulnerable: { severity: string; ids: string[] } | null;
}

export interface ProjectDetail {
  path: string;
  name: string;
  /** When the last analysis was stored; null when the project was never analyzed (the panel offers to). */
  analyzedAt: string | null;
  /** Oldest first. */
  trend: DetailTrendPoint[];
  /** The largest files first, at most MAX_DETAIL_FILES. */
  files: DetailFile[];
  /** The most complex functions first, at most MAX_DETAIL_FUNCTIONS. */
  functions: DetailFunction[];
  /** Errors first, at most MAX_DETAIL_FINDINGS; `findingCounts` counts them all. */
  findings: DetailFinding[];
  findingCounts: Record<AnalyzerCategory, number>;
  dependencies: DetailDependency[];
  /** What was not known, in plain words (never analyzed, cache from an older analyzer, no lockfile…). */
  notes: string[];
}

export const MAX_DETAIL_FILES = 2_000;
export const MAX_DETAIL_FUNCTIONS = 25;
export const MAX_DETAIL_FINDINGS = 500;
