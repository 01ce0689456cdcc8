/**
 * Commits per day of one repository over the last 12 months, for the portfolio's activity heatmap: one
 * `git log` printing only each commit's author date, so even a busy repository costs a few bytes per commit.
 */
import path from 'node:path';
import { locateRepo } from './refs';
import { runGit, settleBy } from './run';

export interface ActivityDay {
  /** The author's calendar date, YYYY-MM-DD. */
  date: string;
  commits: number;
}

/** The days a heatmap covers, both ends included, as local calendar dates (YYYY-MM-DD). */
export interface ActivityWindow {
  from: string;
  to: string;
}

export interface RepoActivity {
  path: string;
  /** Days with at least one commit, oldest first. */
  days: ActivityDay[];
  commits: number;
  /** Set when git could not be read; `days` then holds nothing. */
  error?: string;
}

export interface ReadActivityOptions {
  signal?: AbortSignal;
  /** Budget for the repository's git process; when it runs out the result carries an error. */
  timeoutMs?: number;
}

export const DEFAULT_ACTIVITY_TIMEOUT_MS = 15_000;
/** 200 000 commits a year is beyond the busiest repositories (Linux has ~80 000); 11 bytes each stays far below run.ts's output cap. */
export const MAX_COMMITS = 200_000;
/** Past the git deadline, so that a git timeout (which names git) wins over the backstop. */
const BACKSTOP_GRACE_MS = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The 12 months up to and including `now`'s day: a year ago tomorrow through today, in local time. */
export function activityWindow(now: Date = new Date()): ActivityWindow {
  // Tomorrow a year back, not a year back plus a day: after 29 February that is 1 March, not 2 March.
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(tomorrow.getFullYear() - 1, tomorrow.getMonth(), tomorrow.getDate());
  return { from: localDate(from), to: localDate(now) };
}

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Counts the commits of `projectDir`'s repository per author date within `window`. Never throws: a missing or
 * broken repository, a failing or slow git, and an abort all give a result with `error` and no days.
 */
export async function readRepoActivity(projectDir: string, window: ActivityWindow, opts: ReadActivityOptions = {}): Promise<RepoActivity> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_ACTIVITY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const failed = (error: string): RepoActivity => ({ path: projectDir, days: [], commits: 0, error });
  try {
    // git is killed at the deadline; this backstop covers locating .git on a hung disk or share.
    return await settleBy(readActivity(projectDir, window, deadline, opts.signal), deadline + BACKSTOP_GRACE_MS, opts.signal, () =>
      failed(`reading the history of ${projectDir} did not finish within ${timeoutMs} ms`),
    );
  } catch (error) {
    return failed(error instanceof Error && error.name === 'AbortError' ? 'the read was cancelled' : String(error));
  }
}

async function readActivity(projectDir: string, window: ActivityWindow, deadline: number, signal: AbortSignal | undefined): Promise<RepoActivity> {
  const found = await locateRepo(projectDir);
  if (!found) return { path: projectDir, days: [], commits: 0, error: `not a git repository: ${path.join(projectDir, '.git')} does not exist` };
  if ('error' in found) return { path: projectDir, days: [], commits: 0, error: found.error };
  const args = [
    '-c',
    'log.showSignature=false',
    'log',
    // Local branches, so work on a branch not merged yet counts; HEAD for a detached checkout. Remote-tracking
    // refs are left out: a fetch is not activity here. --ignore-missing makes an unborn HEAD an empty log.
    '--ignore-missing',
    '--branches',
    'HEAD',
    // A date alone would mean that date at the current time of day to git; midnight starts the window's first day.
    // git stops walking a line of history at its first commit committed before this: a year of commits costs a
    // year of walking, whatever the repository's age (commits behind a badly skewed clock are missed, as in git).
    `--since=${window.from} 00:00:00`,
    `--max-count=${MAX_COMMITS}`,
    '--format=%ad',
    '--date=short',
    '--',
  ];
  const result = await runGit(args, { dirs: found.dirs, deadline, signal });
  if (!result.ok) return { path: projectDir, days: [], commits: 0, error: result.error };
  return { path: projectDir, ...countDays(result.stdout.toString('utf8'), window) };
}

/**
 * Commits per date from `git log --format=%ad --date=short` output. `--since` goes by committer date, so a
 * rebased or cherry-picked commit may carry an older author date: only dates inside the window count.
 */
export function countDays(text: string, window: ActivityWindow): { days: ActivityDay[]; commits: number } {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const date = line.trim();
    if (!DATE.test(date) || date < window.from || date > window.to) continue;
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  const days = [...counts].map(([date, commits]) => ({ date, commits })).sort((a, b) => (a.date < b.date ? -1 : 1));
  return { days, commits: days.reduce((sum, d) => sum + d.commits, 0) };
}
