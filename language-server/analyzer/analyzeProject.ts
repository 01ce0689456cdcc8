import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Project } from '../model';
import { loadAnalysisCache, saveAnalysisCache, type CachedAnalysis } from '../store/analysisCacheRepo';
import { recordProjectMetrics } from '../store/projectMetricsRepo';
import { syncProjectIssues } from '../store/issuesRepo';
import type { Store } from '../store/store';
import { analyzeSource, type AnalyzeSourceOptions, type SourceAnalysis } from './analyzeSource';
import { analyzerKey, cachedResultText, readCachedResult } from './cachedResult';
import { duplicateFindings } from './debt/duplicateFindings';
import { findDuplicates } from './debt/duplicates';
import { healthScore, type HealthScore } from './debt/health';
import { findOldTodos } from './debt/oldTodos';
import { checkProject } from './debt/projectChecks';
import { debtSummary, type DebtSummary } from './debt/rating';
import { readSources } from './debt/readSources';
import { projectFiles } from './projectFiles';
import { loadSecretsBaseline } from './security/secrets/secretsBaseline';
import { isScript } from './source';
import { inProcessLintRunner, type LintRunner } from './lint/lintRunner';
import type { AnalyzerFinding, FileMetrics, SourceInput } from './types';

export { ANALYZER_VERSION } from './cachedResult';

export interface ProjectAnalysisOptions extends AnalyzeSourceOptions {
  store: Store | null;
  /** The project as the scanner knows it, for the project checks; without it they are skipped. */
  project?: Project;
  /** Vulnerable dependencies: `npm audit` (network) and an offline OSV database; off when absent. */
  dependencies?: { npmAudit: boolean; osvDbPath?: string };
  /** Asks the npm registry for latest versions (`debt/outdated-dependency`), caching answers in `cacheFile`. */
  outdated?: { cacheFile?: string };
  /** Runs ESLint and type checks too (slower; loads them). `trusted` lets ESLint load the project's own config. */
  /** `runner`: where ESLint and the type checks run; in this process when not given. */
  lint?: { trusted: boolean; cacheDir?: string; types: boolean; runner?: LintRunner };
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ProjectAnalysis {
  path: string;
  files: FileMetrics[];
  findings: AnalyzerFinding[];
  /** Those of `findings` that are not of one file's own analysis (duplicates, old TODOs, project checks, ESLint, types, dependencies): the per-file cache does not hold them. */
  projectWide: AnalyzerFinding[];
  debt: DebtSummary;
  health: HealthScore;
  notes: string[];
  /** Files analyzed now, and files whose cached result still held. */
  analyzed: number;
  cached: number;
}

/**
 * A whole project, in the background: every file's metrics and findings (from the cache when its content is
 * unchanged), duplicated blocks, old TODOs, project checks, optionally ESLint and type checks; then debt,
 * health, and a point in the project's history.
 */
export async function analyzeProject(projectDir: string, options: ProjectAnalysisOptions): Promise<ProjectAnalysis> {
  const listed = await projectFiles(projectDir, options.signal);
  const read = await readSources(listed.files);
  const baseline = await loadSecretsBaseline(projectDir);
  if (baseline.problem) listed.notes.push(baseline.problem);
  options = { ...options, secrets: { projectDir, baseline } };
  const notes = [...listed.notes, ...read.notes];
  const perFile = await analyzeFiles(projectDir, read.sources, options, notes);
  const wide = await projectWide(projectDir, read.sources, options, notes);
  const findings = [...perFile.results.flatMap((r) => r.findings), ...wide];
  const metrics = perFile.results.map((r) => r.metrics);
  const debt = debtSummary(findings, metrics);
  const health = healthScore({ metrics, findings, projectChecked: options.project !== undefined, debt });
  if (options.store) await record(options.store, projectDir, metrics, findings, debt, health);
  // The per-file findings live in the analysis cache; these are the rest, kept for the next server's Project detail.
  if (options.store) await syncProjectIssues(options.store, projectDir, wide);
  return { path: projectDir, files: metrics, findings, projectWide: wide, debt, health, notes, analyzed: perFile.analyzed, cached: perFile.cached };
}

async function analyzeFiles(projectDir: string, sources: readonly SourceInput[], options: ProjectAnalysisOptions, notes: string[]) {
  const key = cacheKey(options);
  const cache = options.store ? await loadAnalysisCache(options.store, projectDir) : new Map<string, CachedAnalysis>();
  const results: SourceAnalysis[] = [];
  const entries: CachedAnalysis[] = [];
  let analyzed = 0;
  for (const [i, source] of sources.entries()) {
    if (i % 16 === 0) await checkpoint(i, sources.length, options);
    const one = analyzeOne(source, cache.get(source.path), key, options);
    if (!one.cached) analyzed++;
    notes.push(...one.analysis.notes);
    results.push(one.analysis);
    entries.push(one.entry);
  }
  options.onProgress?.(sources.length, sources.length);
  if (options.store) await saveAnalysisCache(options.store, projectDir, entries);
  return { results, analyzed, cached: sources.length - analyzed };
}

// A changed threshold or secrets baseline changes what a file's findings are: cached results then do not hold.
function cacheKey(options: ProjectAnalysisOptions): string {
  const fingerprints = [...(options.secrets?.baseline?.fingerprints ?? [])].sort().join(',');
  const baseline = createHash('sha1').update(fingerprints).digest('hex').slice(0, 12);
  return analyzerKey(options.complexityThreshold, options.cognitiveThreshold, baseline);
}

/** Cancellation, progress, and a turn for the server's other work while a large project is analyzed. */
async function checkpoint(done: number, total: number, options: ProjectAnalysisOptions): Promise<void> {
  options.signal?.throwIfAborted();
  options.onProgress?.(done, total);
  await yieldToEvents();
}

function analyzeOne(source: SourceInput, hit: CachedAnalysis | undefined, key: string, options: ProjectAnalysisOptions) {
  const contentHash = createHash('sha1').update(source.text).digest('hex');
  const cached = hit && hit.contentHash === contentHash && hit.analyzer === key ? readCachedResult(hit) : null;
  const analysis = cached ?? analyzeSource(source, options);
  const entry = { file: source.path, contentHash, analyzer: key, result: cachedResultText(analysis) };
  return { analysis, cached: cached !== null, entry };
}

async function projectWide(projectDir: string, sources: readonly SourceInput[], options: ProjectAnalysisOptions, notes: string[]): Promise<AnalyzerFinding[]> {
  const found: AnalyzerFinding[] = duplicateFindings(findDuplicates(sources), projectDir);
  const todos = await findOldTodos(projectDir, sources, options.signal ? { signal: options.signal } : {});
  found.push(...todos.findings);
  notes.push(...todos.notes);
  if (options.project) {
    const latest = options.outdated ? await latestVersions(options.project, options.outdated, options.signal) : undefined;
    notes.push(...(latest?.notes ?? []));
    const checked = await checkProject(options.project, latest ? { latestVersions: latest.versions } : {});
    found.push(...checked.findings);
    notes.push(...checked.notes);
  }
  if (options.lint) found.push(...(await lintAndTypes(projectDir, sources, options.lint, options.signal, notes)));
  if (options.dependencies && (options.dependencies.npmAudit || options.dependencies.osvDbPath)) {
    const { dependencyVulnerabilityFindings } = await import('./dependencies/dependencyVulnerabilities');
    const scan = await dependencyVulnerabilityFindings(projectDir, { ...options.dependencies, ...(options.signal ? { signal: options.signal } : {}) });
    found.push(...scan.findings);
    notes.push(...scan.notes);
  }
  return found;
}

/** Loaded on the first analysis that asks: most runs never touch the network code. */
async function latestVersions(project: Project, outdated: NonNullable<ProjectAnalysisOptions['outdated']>, signal: AbortSignal | undefined): Promise<{ versions: Record<string, string>; notes: string[] }> {
  const [{ latestNpmVersions }, { npmPackageNames }, { registryOf }] = await Promise.all([import('./dependencies/npmLatest'), import('./dependencies/npmPackageName'), import('./dependencies/npmrcRegistry')]);
  const registry = registryOf(project.path);
  return latestNpmVersions(npmPackageNames(project), { ...(registry ? { registry } : {}), ...(outdated.cacheFile ? { cacheFile: outdated.cacheFile } : {}), ...(signal ? { signal } : {}) });
}

/**
 * ESLint, then the type checks. A runner that fails (the lint host died, ran out of memory) costs its findings
 * and says so in a note; the rest of the analysis stands.
 */
async function lintAndTypes(projectDir: string, sources: readonly SourceInput[], lint: NonNullable<ProjectAnalysisOptions['lint']>, signal: AbortSignal | undefined, notes: string[]): Promise<AnalyzerFinding[]> {
  const runner = lint.runner ?? inProcessLintRunner;
  const scripts = sources.filter((s) => isScript(s.language)).map((s) => s.path);
  const found: AnalyzerFinding[] = [];
  const take = (report: { findings: AnalyzerFinding[]; notes: string[] }): void => {
    notes.push(...report.notes);
    found.push(...report.findings);
  };
  const failed = (what: string) => (error: unknown): void => {
    if (signal?.aborted) throw error;
    notes.push(`${what} did not run: ${error instanceof Error ? error.message : String(error)}`);
  };
  await runner.lint(projectDir, scripts, { trusted: lint.trusted, ...(lint.cacheDir ? { cacheDir: lint.cacheDir } : {}), ...(signal ? { signal } : {}) }).then(take, failed('ESLint'));
  const tsconfig = path.join(projectDir, 'tsconfig.json');
  if (lint.types && existsSync(tsconfig)) await runner.types(tsconfig, undefined, signal ? { signal } : {}).then(take, failed('The type check'));
  return found;
}

async function record(store: Store, projectDir: string, metrics: FileMetrics[], findings: AnalyzerFinding[], debt: DebtSummary, health: HealthScore): Promise<void> {
  const byCategory: Record<string, number> = {};
  for (const f of findings) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  const loc = metrics.reduce((sum, m) => sum + m.loc, 0);
  await recordProjectMetrics(store, projectDir, { healthScore: health.score, debtMinutes: debt.minutes, debtRating: debt.rating, loc, metrics: { ...byCategory, files: metrics.length } });
}
