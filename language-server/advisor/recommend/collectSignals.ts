import { checkProject } from '../../analyzer/debt/projectChecks';
import type { Project, ProjectRuntime } from '../../model';
import { listBackups } from '../../orchestrator/backup/catalog';
import { loadBestOpportunities } from '../../store/monetizationRepo';
import { loadLatestScores, type ProjectMetricsRow } from '../../store/projectMetricsRepo';
import type { Store } from '../../store/store';
import type { ProjectSignals } from './signals';

export interface SignalSources {
  store: Store | null;
  /** Where backups go (the backup service's folder). */
  backupDir: string;
  runtime?: (path: string) => ProjectRuntime | null;
}

interface CachedChecks {
  key: string;
  at: number;
  checks: ReadonlySet<string>;
}

/** The project checks walk the folder (tests, CI): kept while the project's git state is the same, for a while. */
const CHECKS_TTL_MS = 10 * 60_000;
const MAX_CACHED = 2000;
const cache = new Map<string, CachedChecks>();

/** Everything the rules read, for each project; the store, the backup folder and each project are read once. */
export async function collectSignals(projects: readonly Project[], sources: SignalSources, now = Date.now()): Promise<ProjectSignals[]> {
  const [scores, backups, opportunities] = await Promise.all([scoresByPath(sources.store), newestBackups(sources.backupDir), bestOpportunities(sources.store)]);
  return Promise.all(projects.map(async (project) => {
    const gaps = opportunities.get(project.path);
    return {
      project,
      scores: scores.get(project.path) ?? null,
      lastBackupAt: backups.get(project.path) ?? null,
      checks: await cachedChecks(project, now),
      runtime: sources.runtime?.(project.path) ?? null,
      ...(gaps ? { monetizationGaps: gaps } : {}),
    };
  }));
}

/** Each project's best-fitting revenue model as last assessed (with its analysis), where it has gaps worth naming. */
async function bestOpportunities(store: Store | null): Promise<Map<string, NonNullable<ProjectSignals['monetizationGaps']>>> {
  const out = new Map<string, NonNullable<ProjectSignals['monetizationGaps']>>();
  if (!store) return out;
  for (const [path, best] of await loadBestOpportunities(store).catch(() => new Map())) {
    if (best.confidence >= MIN_OPPORTUNITY_CONFIDENCE) out.set(path, { model: best.model, gaps: best.gaps });
  }
  return out;
}

/** Below this, a revenue model fits too loosely to send anyone off closing its gaps. */
const MIN_OPPORTUNITY_CONFIDENCE = 0.4;

async function scoresByPath(store: Store | null): Promise<Map<string, ProjectMetricsRow>> {
  if (!store) return new Map();
  const rows = await loadLatestScores(store).catch(() => []);
  return new Map(rows.map((r) => [r.path, r]));
}

async function newestBackups(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const b of await listBackups(dir).catch(() => [])) {
    const path = b.manifest?.projectPath;
    if (path && (out.get(path) ?? '') < b.createdAt) out.set(path, b.createdAt);
  }
  return out;
}

async function cachedChecks(project: Project, now: number): Promise<ReadonlySet<string>> {
  const key = JSON.stringify([project.git?.head ?? null, project.git?.dirty ?? null, project.git?.changedFiles ?? 0, project.dependencies.count]);
  const hit = cache.get(project.path);
  if (hit && hit.key === key && now - hit.at < CHECKS_TTL_MS) return hit.checks;
  const result = await checkProject(project).catch(() => ({ findings: [] }));
  const checks = new Set(result.findings.map((f) => f.ruleId));
  cache.delete(project.path);
  cache.set(project.path, { key, at: now, checks });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return checks;
}
