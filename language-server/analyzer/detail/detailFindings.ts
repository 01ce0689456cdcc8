/**
 * Findings for the Project detail dashboard: checked one by one (they come from a database file and an earlier
 * process), placed relative to the project, errors first and bounded, and counted by category.
 */
import path from 'node:path';
import type { AnalyzerCategory, AnalyzerFinding, AnalyzerSeverity } from '../types';
import { MAX_DETAIL_FINDINGS, type DetailFinding } from './projectDetailTypes';

const CATEGORIES: readonly AnalyzerCategory[] = ['quality', 'security', 'performance', 'debt'];
const SEVERITY_RANK: Readonly<Record<AnalyzerSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** Relative to the project folder and `/`-separated; `.` for the folder itself (project-level findings). */
export function relativeFile(projectDir: string, file: string): string {
  return path.relative(projectDir, file).split(path.sep).join('/') || '.';
}

/** A finding as the analyzer makes them; anything else in a cache row is left out rather than shown half. */
export function isFinding(value: unknown): value is AnalyzerFinding {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f.ruleId === 'string' && typeof f.path === 'string' && typeof f.message === 'string' &&
    CATEGORIES.includes(f.category as AnalyzerCategory) && Object.hasOwn(SEVERITY_RANK, String(f.severity)) &&
    Number.isFinite(f.line) && Number.isFinite(f.column);
}

export function emptyCounts(): Record<AnalyzerCategory, number> {
  return { quality: 0, security: 0, performance: 0, debt: 0 };
}

export interface DetailFindings {
  findings: DetailFinding[];
  counts: Record<AnalyzerCategory, number>;
  /** Findings per file, relative as in DetailFinding.file, over all of them (not only the listed ones). */
  perFile: Map<string, number>;
  notes: string[];
}

/** Errors first, then by file and position; at most MAX_DETAIL_FINDINGS, `counts` and `perFile` over all. */
export function detailFindings(projectDir: string, all: readonly AnalyzerFinding[]): DetailFindings {
  const counts = emptyCounts();
  const perFile = new Map<string, number>();
  const rows: DetailFinding[] = all.map((f) => {
    const file = relativeFile(projectDir, f.path);
    counts[f.category]++;
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
    return { ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, file, line: f.line, column: f.column };
  });
  rows.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
  const notes = rows.length > MAX_DETAIL_FINDINGS ? [`The first ${MAX_DETAIL_FINDINGS} of ${rows.length} findings are listed, errors first; the counts cover all of them.`] : [];
  return { findings: rows.slice(0, MAX_DETAIL_FINDINGS), counts, perFile, notes };
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
