import path from 'node:path';
import type { DetailDependency, DetailFile, DetailFinding, DetailFunction, DetailTrendPoint, ProjectDetail } from '../../language-server/analyzer/detail/projectDetailTypes';
import type { Project, ProjectRuntime } from '../../language-server/model';
import type { ProjectScore } from '../../language-server/protocol';
import type { PortfolioActivity as ServerActivity } from '../../language-server/scanner/git/activityPortfolio';
import {
  CATEGORIES,
  DEBT_RATINGS,
  DETAIL_LIMITS,
  SEVERITIES,
  type DebtRating,
  type DependencyItem,
  type DetailView,
  type FileStat,
  type FindingItem,
  type FunctionStat,
  type TrendPoint,
} from '../../webviews/project/detailView';
import { LIMITS, type ActivityView, type OpenList, type ProjectChoice, type ProjectHeader, type UsageSample } from '../../webviews/project/protocol';
import { projectCard } from './portfolioModels';

/**
 * What the Project detail panel is sent, drawn from the client's models and the server's answers: only what
 * the page shows, cut to the protocol's bounds. An item the page would refuse (a number that is not one, a
 * path too long to be what the server means) is left out, so one odd row never costs the whole detail.
 */

/** The header: the portfolio card's view of the project (one wording of stack, git and run state), with the debt's size. */
export function projectHeader(p: Project, runtime: ProjectRuntime | undefined, score: ProjectScore | undefined): ProjectHeader {
  const card = projectCard(p, runtime, score);
  const analyzedAt = score && score.analyzedAt.length <= 40 && !Number.isNaN(Date.parse(score.analyzedAt)) ? score.analyzedAt : null;
  return {
    path: card.path,
    name: card.name,
    stack: card.stack,
    git: card.git,
    run: card.run,
    health: card.health,
    debt: card.debt,
    debtMinutes: score && card.health !== null ? whole(score.debtMinutes) : null,
    analyzedAt: card.health === null ? null : analyzedAt,
  };
}

export function projectChoices(projects: readonly Project[]): ProjectChoice[] {
  return projects
    .filter((p) => p.path.length <= LIMITS.path)
    .slice(0, LIMITS.projects)
    .map((p) => ({ path: p.path, name: text(p.name, LIMITS.text) }));
}

export function detailView(d: ProjectDetail): DetailView {
  return {
    analyzedAt: isTime(d.analyzedAt) ? d.analyzedAt : null,
    trend: keep(d.trend.slice(-DETAIL_LIMITS.trend), trendPoint),
    files: keep(d.files.slice(0, DETAIL_LIMITS.files), fileStat),
    functions: keep(d.functions.slice(0, DETAIL_LIMITS.functions), functionStat),
    findings: keep(d.findings.slice(0, DETAIL_LIMITS.findings), findingItem),
    findingCounts: { quality: whole(d.findingCounts.quality) ?? 0, security: whole(d.findingCounts.security) ?? 0, performance: whole(d.findingCounts.performance) ?? 0, debt: whole(d.findingCounts.debt) ?? 0 },
    dependencies: keep(d.dependencies.slice(0, DETAIL_LIMITS.dependencies), dependencyItem),
    notes: d.notes.slice(0, DETAIL_LIMITS.notes).map((n) => text(n, DETAIL_LIMITS.message)),
  };
}

function keep<T, U>(items: readonly T[], map: (item: T) => U | null): U[] {
  const out: U[] = [];
  for (const item of items) {
    const mapped = map(item);
    if (mapped !== null) out.push(mapped);
  }
  return out;
}

function trendPoint(p: DetailTrendPoint): TrendPoint | null {
  const health = whole(p.health);
  const debtMinutes = whole(p.debtMinutes);
  const loc = whole(p.loc);
  if (!isTime(p.at) || health === null || debtMinutes === null || loc === null || !isRating(p.debtRating)) return null;
  return { at: p.at, health: Math.min(100, health), debtMinutes, debtRating: p.debtRating, loc };
}

function fileStat(f: DetailFile): FileStat | null {
  const [loc, complexity, maxComplexity, findings] = [f.loc, f.complexity, f.maxComplexity, f.findings].map(whole);
  if (!isFile(f.file) || loc == null || complexity == null || maxComplexity == null || findings == null) return null;
  return { file: f.file, loc, complexity, maxComplexity, findings };
}

function functionStat(f: DetailFunction): FunctionStat | null {
  const [line, cyclomatic, cognitive, loc] = [f.line, f.cyclomatic, f.cognitive, f.loc].map(whole);
  if (!isFile(f.file) || line == null || cyclomatic == null || cognitive == null || loc == null) return null;
  return { file: f.file, name: text(f.name, DETAIL_LIMITS.text), line: Math.max(1, line), cyclomatic, cognitive, loc };
}

function findingItem(f: DetailFinding): FindingItem | null {
  const line = whole(f.line);
  const column = whole(f.column);
  if (!isFile(f.file) || line === null || column === null || !CATEGORIES.includes(f.category) || !SEVERITIES.includes(f.severity)) return null;
  return { ruleId: text(f.ruleId, DETAIL_LIMITS.text), category: f.category, severity: f.severity, message: text(f.message, DETAIL_LIMITS.message), file: f.file, line: Math.max(1, line), column: Math.max(1, column) };
}

function dependencyItem(d: DetailDependency): DependencyItem | null {
  if (d.name === '' || d.name.length > DETAIL_LIMITS.text) return null;
  const version = (v: string | null) => (v === null ? null : text(v, DETAIL_LIMITS.text));
  const vulnerable = d.vulnerable ? { severity: text(d.vulnerable.severity, DETAIL_LIMITS.text), ids: d.vulnerable.ids.slice(0, DETAIL_LIMITS.advisories).map((id) => text(id, DETAIL_LIMITS.text)) } : null;
  return { name: d.name, declared: text(d.declared, DETAIL_LIMITS.text), locked: version(d.locked), latest: version(d.latest), dev: d.dev === true, outdated: d.outdated === true, vulnerable };
}

/** The server's activity of this one project, as the page takes it. */
export function activityView(a: ServerActivity): ActivityView {
  return {
    from: a.from,
    to: a.to,
    days: a.days
      .filter((d) => Number.isSafeInteger(d.commits) && d.commits > 0)
      .slice(-LIMITS.days)
      .map((d) => ({ date: d.date, commits: Math.min(LIMITS.commits, d.commits) })),
  };
}

/** The file and position a list item of a detail names; null when the index is outside the list. */
export function itemLocation(view: DetailView, list: OpenList, index: number): { file: string; line: number; column: number } | null {
  if (list === 'files') {
    const f = view.files[index];
    return f ? { file: f.file, line: 1, column: 1 } : null;
  }
  const item = list === 'functions' ? view.functions[index] : view.findings[index];
  if (!item) return null;
  return { file: item.file, line: item.line, column: 'column' in item ? item.column : 1 };
}

/** The detail the page was last sent, which its `open` commands name items of. */
export interface SentDetail {
  ref: number;
  project: string;
  view: DetailView;
}

export type OpenDecision = { file: string; line: number; column: number } | { refused: string };

/**
 * What an `open` command from the page opens: the item at `index` of the detail it names by `ref`, when that is
 * the detail last sent for the project shown and the item's file lies inside the project folder. Anything else
 * is refused with the words the page shows.
 */
export function openDecision(
  sent: SentDetail | undefined,
  current: string | null,
  command: { project: string; ref: number; list: OpenList; index: number },
  paths: path.PlatformPath = path,
): OpenDecision {
  if (!sent || sent.ref !== command.ref || sent.project !== command.project || command.project !== current) {
    return { refused: 'That list has changed since it was shown: try again on the one shown now.' };
  }
  const at = itemLocation(sent.view, command.list, command.index);
  if (!at) return { refused: 'That item is no longer in the list: try again on the one shown now.' };
  const file = fileInProject(sent.project, at.file, paths);
  if (!file) return { refused: `Optimus opens only files inside the project folder, and ${at.file === '.' ? 'this finding is about the project as a whole' : `${at.file} is not one`}.` };
  return { file, line: at.line, column: at.column };
}

/**
 * The absolute path of `file` when it lies inside the project folder; null otherwise. `file` is relative, as the
 * server makes them: an absolute path, the folder itself (`.`), anything that climbs out with `..`, and a
 * sibling folder whose name starts with the project's (`/p/shop-old` beside `/p/shop`) are refused. Checked on
 * the path alone: a symbolic link inside the project that points out of it is followed as the editor would.
 */
export function fileInProject(projectPath: string, file: string, paths: path.PlatformPath = path): string | null {
  if (file === '' || file.includes('\0') || paths.isAbsolute(file)) return null;
  const root = paths.resolve(projectPath);
  const full = paths.resolve(root, file);
  const rel = paths.relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${paths.sep}`) || paths.isAbsolute(rel)) return null;
  return full;
}

/**
 * The last samples of what each running project uses, for the sparkline: the client's runtime model keeps
 * only the latest. Samples closer together than `minGapMs` (a model change that was not a new sample) replace
 * the one before; a project that stops loses its samples.
 */
export class UsageHistory {
  private readonly byPath = new Map<string, UsageSample[]>();

  constructor(
    private readonly max: number = LIMITS.samples,
    private readonly minGapMs = 500,
  ) {}

  record(runtimes: readonly ProjectRuntime[], now: number): void {
    const running = new Set<string>();
    for (const r of runtimes) {
      if (!r.running) continue;
      running.add(r.path);
      const samples = this.byPath.get(r.path) ?? [];
      const sample = usageSample(r, now);
      const last = samples.at(-1);
      if (last && now - last.at < this.minGapMs) samples[samples.length - 1] = sample;
      else samples.push(sample);
      if (samples.length > this.max) samples.splice(0, samples.length - this.max);
      this.byPath.set(r.path, samples);
    }
    for (const p of [...this.byPath.keys()]) if (!running.has(p)) this.byPath.delete(p);
  }

  samples(projectPath: string): UsageSample[] {
    return [...(this.byPath.get(projectPath) ?? [])];
  }
}

function usageSample(r: ProjectRuntime, now: number): UsageSample {
  const cpu = Number.isFinite(r.cpuPercent) ? Math.min(LIMITS.cpuPercent, Math.max(0, Math.round(r.cpuPercent * 10) / 10)) : 0;
  return { at: Math.max(0, Math.round(now)), cpuPercent: cpu, memoryBytes: Number.isSafeInteger(r.memoryBytes) && r.memoryBytes > 0 ? r.memoryBytes : 0 };
}

/** A count the page takes: a finite number rounded and within bounds; null for NaN, infinities and negatives. */
function whole(n: number): number | null {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null;
  return Math.min(DETAIL_LIMITS.count, Math.round(n));
}

function isTime(v: string | null): v is string {
  return typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
}

function isRating(v: string): v is DebtRating {
  return (DEBT_RATINGS as readonly string[]).includes(v);
}

/** A path is sent whole or not at all: a path cut short would name another file. */
function isFile(v: string): boolean {
  return typeof v === 'string' && v !== '' && v.length <= DETAIL_LIMITS.path;
}

function text(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
