/**
 * The analyzer's per-file results, as the last project analysis left them in the store's cache, turned into the
 * dashboard's hotspots: files by size and complexity, and the most complex functions.
 */
import type { CachedAnalysis } from '../../store/analysisCacheRepo';
import { ANALYZER_VERSION, analyzerVersionOf, readCachedResult } from '../cachedResult';
import type { AnalyzerFinding, FileMetrics, FunctionMetrics } from '../types';
import { compareText, isFinding, relativeFile } from './detailFindings';
import { MAX_DETAIL_FILES, MAX_DETAIL_FUNCTIONS, type DetailFile, type DetailFunction } from './projectDetailTypes';

export interface CachedFiles {
  metrics: FileMetrics[];
  findings: AnalyzerFinding[];
  notes: string[];
}

/**
 * Every readable entry. A damaged one is left out with a note (the next analysis makes it again); one written
 * by another analyzer version is shown, and a note says so.
 */
export function readCachedFiles(cache: ReadonlyMap<string, CachedAnalysis>): CachedFiles {
  const metrics: FileMetrics[] = [];
  const findings: AnalyzerFinding[] = [];
  let damaged = 0;
  let older = 0;
  for (const entry of cache.values()) {
    const result = readCachedResult(entry);
    if (!result) {
      damaged++;
      continue;
    }
    if (analyzerVersionOf(entry.analyzer) !== ANALYZER_VERSION) older++;
    // The entry's key is the file it was made for, whatever the result claims.
    metrics.push({ ...result.metrics, path: entry.file });
    findings.push(...result.findings.filter(isFinding));
  }
  const notes: string[] = [];
  if (damaged > 0) notes.push(`${files(damaged)} in the analysis cache could not be read and ${damaged === 1 ? 'is' : 'are'} left out; the next analysis reads ${damaged === 1 ? 'it' : 'them'} again.`);
  if (older > 0) notes.push(`${files(older)} ${older === 1 ? 'is' : 'are'} shown from an older analysis (another analyzer version): analyze the project again to bring ${older === 1 ? 'it' : 'them'} up to date.`);
  return { metrics, findings, notes };
}

/** The largest files first, at most MAX_DETAIL_FILES; `findingsPerFile` is keyed by the relative path. */
export function detailFiles(projectDir: string, metrics: readonly FileMetrics[], findingsPerFile: ReadonlyMap<string, number>): { files: DetailFile[]; notes: string[] } {
  const rows = metrics.map((m): DetailFile => {
    const cyclomatic = functionsOf(m).map((f) => f.cyclomatic);
    const file = relativeFile(projectDir, m.path);
    return { file, loc: m.loc, complexity: sum(cyclomatic), maxComplexity: cyclomatic.reduce((max, c) => Math.max(max, c), 0), findings: findingsPerFile.get(file) ?? 0 };
  });
  rows.sort((a, b) => b.loc - a.loc || compareText(a.file, b.file));
  const notes = rows.length > MAX_DETAIL_FILES ? [`The ${MAX_DETAIL_FILES} largest of ${rows.length} analyzed files are shown.`] : [];
  return { files: rows.slice(0, MAX_DETAIL_FILES), notes };
}

/** The most complex functions first (cyclomatic, then cognitive), at most MAX_DETAIL_FUNCTIONS. */
export function detailFunctions(projectDir: string, metrics: readonly FileMetrics[]): DetailFunction[] {
  const rows = metrics.flatMap((m) => {
    const file = relativeFile(projectDir, m.path);
    return functionsOf(m).map(({ name, line, cyclomatic, cognitive, loc }): DetailFunction => ({ file, name, line, cyclomatic, cognitive, loc }));
  });
  rows.sort((a, b) => b.cyclomatic - a.cyclomatic || b.cognitive - a.cognitive || compareText(a.file, b.file) || a.line - b.line);
  return rows.slice(0, MAX_DETAIL_FUNCTIONS);
}

/** Functions with the numbers the dashboard uses; a malformed one in a cache row is skipped. */
function functionsOf(m: FileMetrics): FunctionMetrics[] {
  return m.functions.filter((f) => typeof f === 'object' && f !== null && typeof f.name === 'string' && [f.line, f.cyclomatic, f.cognitive, f.loc].every(Number.isFinite));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}
