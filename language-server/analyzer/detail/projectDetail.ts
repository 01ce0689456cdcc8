/**
 * `optimus/projectDetail`: one project's code as the last analyses left it. The trend comes from the store's
 * project_metrics, files, functions and their findings from the analysis cache, project-wide findings (duplicates,
 * old TODOs, project checks, ESLint, types, vulnerable dependencies) from the store's issues, which each Analyze
 * Project brings up to date, dependencies from the scanned manifests. Nothing is analyzed; nothing throws on bad stored data.
 */
import type { Project } from '../../model';
import { loadAnalysisCache, type CachedAnalysis } from '../../store/analysisCacheRepo';
import { openProjectIssues } from '../../store/issuesRepo';
import { loadProjectMetrics, type ProjectMetricsRow } from '../../store/projectMetricsRepo';
import type { Store } from '../../store/store';
import type { AnalyzerFinding } from '../types';
import { detailDependencies } from './detailDependencies';
import { detailFiles, detailFunctions, readCachedFiles } from './detailFiles';
import { detailFindings, isFinding } from './detailFindings';
import type { DetailTrendPoint, ProjectDetail } from './projectDetailTypes';

/** What the last Analyze Project found beyond single files; kept in memory by the AnalyzerService. */
export interface LastRunFindings {
  /** ISO 8601 UTC, when that analysis ended. */
  at: string;
  findings: readonly AnalyzerFinding[];
}

export interface DetailSources {
  /** null when the database could not be opened. */
  store: Store | null;
  /** undefined when this server process has not analyzed the project (it started after the last analysis). */
  lastRun: LastRunFindings | undefined;
  npmLatestCacheFile: string;
  now?: number;
}

export async function projectDetail(project: Project, sources: DetailSources): Promise<ProjectDetail> {
  const notes: string[] = [];
  const { trend, cache } = await stored(project.path, sources.store, notes);
  const cached = readCachedFiles(cache);
  const wide = (await wideFindings(project.path, sources, notes)).filter(isFinding);
  const latest = trend.at(-1) ?? null;
  notes.push(...cached.notes, ...runNotes(sources, latest, trend.length > 0 || cache.size > 0));
  const found = detailFindings(project.path, [...cached.findings, ...wide]);
  const files = detailFiles(project.path, cached.metrics, found.perFile);
  const deps = await detailDependencies(project, { findings: wide, npmLatestCacheFile: sources.npmLatestCacheFile, ...(sources.now === undefined ? {} : { now: sources.now }) });
  return {
    path: project.path,
    name: project.name,
    analyzedAt: latest?.at ?? null,
    trend,
    files: files.files,
    functions: detailFunctions(project.path, cached.metrics),
    findings: found.findings,
    findingCounts: found.counts,
    dependencies: deps.dependencies,
    notes: [...notes, ...files.notes, ...found.notes, ...deps.notes],
  };
}

/** The history and the cache; a store that cannot be read costs those parts and says so. */
async function stored(projectPath: string, store: Store | null, notes: string[]): Promise<{ trend: DetailTrendPoint[]; cache: ReadonlyMap<string, CachedAnalysis> }> {
  if (!store) {
    notes.push('The Optimus database is not available: no history or earlier analysis can be shown.');
    return { trend: [], cache: new Map() };
  }
  const [trend, cache] = await Promise.all([
    loadProjectMetrics(store, projectPath).then((rows) => rows.map(trendPoint), (error: unknown) => failed(notes, 'The health history', error, [])),
    loadAnalysisCache(store, projectPath).catch((error: unknown) => failed(notes, 'The analysis cache', error, new Map<string, CachedAnalysis>())),
  ]);
  return { trend, cache };
}

function trendPoint(row: ProjectMetricsRow): DetailTrendPoint {
  return { at: row.recordedAt, health: row.healthScore, debtMinutes: row.debtMinutes, debtRating: row.debtRating, loc: row.loc };
}

function failed<T>(notes: string[], what: string, error: unknown, fallback: T): T {
  notes.push(`${what} could not be read (${error instanceof Error ? error.message : String(error)}).`);
  return fallback;
}

/**
 * Findings of the project as a whole: from the store, where each analysis leaves them (issues table); from this
 * process's last analysis only when there is no store to read.
 */
async function wideFindings(projectPath: string, { store, lastRun }: DetailSources, notes: string[]): Promise<readonly AnalyzerFinding[]> {
  if (!store) return lastRun?.findings ?? [];
  return openProjectIssues(store, projectPath).catch((error: unknown) => failed(notes, 'The project-wide findings', error, []));
}

function runNotes({ lastRun, store }: DetailSources, latest: DetailTrendPoint | null, storedAnything: boolean): string[] {
  if (!lastRun && !storedAnything) return ['This project has not been analyzed yet: run Analyze Project to see its health, hotspots and findings.'];
  if (!store && !lastRun) return ['Findings of the project as a whole (vulnerable dependencies, duplicated code, old TODOs, project checks, ESLint and type checks) are kept in the Optimus database, which is not available: analyze the project again to see them.'];
  if (!latest && store) return ['No health history is stored for this project (it is not in the saved project list).'];
  return [];
}
