/**
 * The portfolio's commit activity: every repository's commits per day over the last 12 months, summed per day
 * across projects, and each project's total. What the Portfolio panel's heatmap and its table are drawn from.
 */
import { mapLimit } from '../../util/limit';
import { activityWindow, readRepoActivity, type ActivityDay, type ActivityWindow, type RepoActivity } from './activity';
import { DEFAULT_GIT_CONCURRENCY } from './state';

export interface ActivityRepo {
  path: string;
  /** The commit HEAD is at, as the index knows it: a repository whose HEAD has not moved today is not read again. */
  head: string | null;
}

export interface PortfolioActivity extends ActivityWindow {
  /** Days with at least one commit in any repository, oldest first. */
  days: ActivityDay[];
  /** Every repository read, busiest first. */
  byProject: Array<{ path: string; commits: number }>;
  /** Repositories git could not read (their commits are missing from `days`), at most MAX_FAILURES of them. */
  failed: Array<{ path: string; error: string }>;
}

export interface PortfolioActivityOptions {
  now?: Date;
  signal?: AbortSignal;
  concurrency?: number;
  timeoutMs?: number;
}

/** More repositories than anyone keeps; past it the rest are left out rather than the request taking minutes. */
export const MAX_REPOS = 5_000;
const MAX_FAILURES = 50;

/**
 * Results by repository, valid while HEAD and the calendar day stay the same. Commits made on another local
 * branch without moving HEAD show the next day, or when HEAD next moves: the price of not running git for
 * every repository each time the panel opens.
 */
const cache = new Map<string, { key: string; activity: RepoActivity }>();

/** Reads every repository's activity (bounded concurrency, each bounded in time); never throws. */
export async function portfolioActivity(repos: readonly ActivityRepo[], opts: PortfolioActivityOptions = {}): Promise<PortfolioActivity> {
  const window = activityWindow(opts.now);
  const unique = [...new Map(repos.map((r) => [r.path, r])).values()].slice(0, MAX_REPOS);
  const read = await mapLimit(unique, opts.concurrency ?? DEFAULT_GIT_CONCURRENCY, (repo) => cachedActivity(repo, window, opts));
  return aggregate(read, window);
}

async function cachedActivity(repo: ActivityRepo, window: ActivityWindow, opts: PortfolioActivityOptions): Promise<RepoActivity> {
  const key = `${repo.head ?? ''}@${window.to}`;
  const held = cache.get(repo.path);
  if (held && held.key === key && repo.head !== null) return held.activity;
  const activity = await readRepoActivity(repo.path, window, { signal: opts.signal, timeoutMs: opts.timeoutMs });
  // A failure is not kept: the next request tries again.
  if (activity.error === undefined) remember(repo.path, key, activity);
  return activity;
}

function remember(path: string, key: string, activity: RepoActivity): void {
  cache.delete(path);
  cache.set(path, { key, activity });
  if (cache.size > MAX_REPOS) cache.delete(cache.keys().next().value as string);
}

/** Sums repositories per day; pure, for tests. */
export function aggregate(read: readonly RepoActivity[], window: ActivityWindow): PortfolioActivity {
  const perDay = new Map<string, number>();
  for (const repo of read) for (const d of repo.days) perDay.set(d.date, (perDay.get(d.date) ?? 0) + d.commits);
  const days = [...perDay].map(([date, commits]) => ({ date, commits })).sort((a, b) => (a.date < b.date ? -1 : 1));
  const ok = read.filter((r) => r.error === undefined);
  const byProject = ok.map((r) => ({ path: r.path, commits: r.commits })).sort((a, b) => b.commits - a.commits || a.path.localeCompare(b.path));
  const failed = read.flatMap((r) => (r.error === undefined ? [] : [{ path: r.path, error: r.error }])).slice(0, MAX_FAILURES);
  return { ...window, days, byProject, failed };
}

/** For tests: forget what was read. */
export function clearActivityCache(): void {
  cache.clear();
}
