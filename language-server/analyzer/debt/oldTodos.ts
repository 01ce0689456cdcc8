import path from 'node:path';
import { mapLimit } from '../../util/limit';
import { locateRepo } from '../../scanner/git/refs';
import type { GitDirs } from '../../scanner/git/refs';
import { runGit } from '../../scanner/git/run';
import type { AnalyzerFinding, SourceInput } from '../types';
import { blameTimes, lineRanges } from './blamePorcelain';
import { DEBT_RULES } from './rules';
import { todoMarkers } from './todoMarkers';
import type { TodoMarker } from './todoMarkers';

export interface OldTodoOptions {
  /** Markers at least this old are reported. Default 180 days. */
  minAgeDays?: number;
  /** Blame at most this many files (those with the most markers first). Default 50. */
  maxFiles?: number;
  /** Give up on what has not been blamed by then. Default 5,000 ms for the whole pass. */
  timeBudgetMs?: number;
  concurrency?: number;
  /** "Now", for tests. */
  now?: Date;
  signal?: AbortSignal;
}

export interface OldTodoResult {
  findings: AnalyzerFinding[];
  /** What was not looked at, and why (not a repository, file cap, time limit, blame errors). */
  notes: string[];
}

const DAY_MS = 86_400_000;
const MAX_RANGES_PER_FILE = 200;

/**
 * `debt/old-todo` findings for TODO/FIXME/HACK/XXX comments older than `minAgeDays`, dated by `git blame`
 * (author time, ignoring whitespace changes). Bounded so it stays cheap: only files with markers, at most
 * `maxFiles` of them, only the marker lines, a total time budget; skipped when the project is not in a git
 * repository. Never throws; what it skipped is in `notes`.
 */
export async function findOldTodos(projectDir: string, sources: readonly SourceInput[], options: OldTodoOptions = {}): Promise<OldTodoResult> {
  const notes: string[] = [];
  const withMarkers = sources.map((s) => ({ source: s, markers: todoMarkers(s.text) })).filter((f) => f.markers.length > 0);
  if (withMarkers.length === 0) return { findings: [], notes };
  const dirs = await repoOf(projectDir);
  if (!dirs) return { findings: [], notes: [`TODO ages were not read: ${projectDir} is not in a git repository.`] };
  const maxFiles = options.maxFiles ?? 50;
  withMarkers.sort((a, b) => b.markers.length - a.markers.length);
  if (withMarkers.length > maxFiles) notes.push(`TODO ages were read for ${maxFiles} of ${withMarkers.length} files with markers (the ones with the most).`);
  const deadline = Date.now() + (options.timeBudgetMs ?? 5000);
  const chosen = withMarkers.slice(0, maxFiles);
  const results = await mapLimit(chosen, options.concurrency ?? 4, (f) => blameFile(dirs, f.source.path, f.markers, deadline, options.signal));
  const findings: AnalyzerFinding[] = [];
  const now = (options.now ?? new Date()).getTime();
  const minAge = options.minAgeDays ?? 180;
  results.forEach((r, i) => {
    const file = chosen[i];
    if (!file) return;
    if (typeof r === 'string') return void notes.push(r);
    findings.push(...oldOnes(file.source.path, file.markers, r, now, minAge));
  });
  return { findings, notes };
}

/** The repository holding `dir`: itself or the nearest ancestor with a `.git` (null when that one is broken). */
async function repoOf(dir: string): Promise<GitDirs | null> {
  let current = path.resolve(dir);
  for (let depth = 0; depth < 40; depth++) {
    const found = await locateRepo(current).catch(() => null);
    if (found) return 'dirs' in found ? found.dirs : null;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

async function blameFile(dirs: GitDirs, file: string, markers: readonly TodoMarker[], deadline: number, signal?: AbortSignal): Promise<Map<number, number> | string> {
  if (Date.now() >= deadline) return `TODO ages in ${file} were not read: the time limit was reached.`;
  const rel = path.relative(dirs.workTree, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return `TODO ages in ${file} were not read: it is outside ${dirs.workTree}.`;
  const ranges = lineRanges(markers.map((m) => m.line), MAX_RANGES_PER_FILE).flatMap(([a, b]) => ['-L', `${a},${b}`]);
  try {
    const result = await runGit(['blame', '--porcelain', '-w', ...ranges, '--', rel], { dirs, deadline, ...(signal ? { signal } : {}) });
    if (!result.ok) return `TODO ages in ${file} were not read: ${result.error}`;
    return blameTimes(result.stdout.toString('utf8'));
  } catch (e) {
    return `TODO ages in ${file} were not read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function oldOnes(file: string, markers: readonly TodoMarker[], times: Map<number, number>, now: number, minAgeDays: number): AnalyzerFinding[] {
  const out: AnalyzerFinding[] = [];
  for (const m of markers) {
    const time = times.get(m.line);
    if (time === undefined) continue;
    const days = Math.floor((now - time * 1000) / DAY_MS);
    if (days < minAgeDays) continue;
    const date = new Date(time * 1000).toISOString().slice(0, 10);
    out.push({
      ruleId: 'debt/old-todo', category: 'debt', severity: DEBT_RULES['debt/old-todo'].severity, path: file,
      line: m.line, column: m.column, endLine: m.line, endColumn: m.column + m.marker.length,
      message: `This ${m.marker} was written ${days} days ago (${date}) and is still here: do it, turn it into an issue, or delete it.`,
      data: { marker: m.marker, days, date },
    });
  }
  return out;
}
