/**
 * The full git state of a project, for one `git status --porcelain=v2 --branch -z` process per repository in
 * the common case: branch, head, upstream and ahead/behind come from status's `--branch` headers; the last
 * commit and the 30-day count are read in-process from the object store while status runs (objects.ts,
 * pack.ts). Only a repository with more than 100 recent commits, delta-compressed commits or borrowed
 * (alternate) objects costs a `git log` more (history.ts).
 *
 * Measured on 2 cores, 200 small repos (5 recent commits each), node spawning git, median of 5 runs:
 *   plain sequential `git status --porcelain=v2` loop (execFile)   598 ms wall, 640 ms CPU
 *   readGitStates, concurrency 1 / 2 / 4 / 8                        732 / 649 / 623 / 632 ms (x1.22 / 1.09 / 1.04 / 1.06)
 *   status + concurrent `git log -n 100`, concurrency 4              740 ms wall (x1.24), 1240 ms CPU (x1.94)
 *   status + `git log -1` + `git rev-list --count --since`, c=4       1103 ms wall (x1.84)
 * readGitStates itself costs 870 ms CPU (x1.36): the in-process reads are cheap but not free.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { GitState } from '../../model';
import { mapLimit } from '../../util/limit';
import { emptyGitState, headState } from './head';
import { gitHistory } from './history';
import { readHistory } from './objects';
import type { History } from './objects';
import { StatusParser, changedFiles } from './porcelain';
import type { StatusSummary } from './porcelain';
import { locateRepo } from './refs';
import type { GitDirs } from './refs';
import { abortError, runGit, settleBy } from './run';
import type { RunOptions } from './run';

export interface ReadGitStateOptions {
  /** Aborting rejects with an AbortError and kills the git processes of the read. */
  signal?: AbortSignal;
  /** Budget for all git processes of one repository; when it runs out the state carries an error. */
  timeoutMs?: number;
}

export interface ReadGitStatesOptions extends ReadGitStateOptions {
  concurrency?: number;
  /** Called as each repository completes, in completion order; must not throw. */
  onState?: (projectDir: string, state: GitState) => void;
}

/** Generous: a cold `git status` of a very large repository on a slow disk takes seconds. */
export const DEFAULT_GIT_TIMEOUT_MS = 15_000;
/** Twice the cores: git waits on the disk as well as the CPU. On 2 cores, 4 was within noise of 8 (above). */
export const DEFAULT_GIT_CONCURRENCY = Math.max(2, Math.min(8, availableParallelism() * 2));

const THIRTY_DAYS_S = 30 * 24 * 60 * 60;
/** Past the git deadline, so that a git timeout (which keeps what was read) wins over the backstop. */
const BACKSTOP_GRACE_MS = 1000;

/**
 * Reads the full git state of `projectDir` (which must itself hold `.git`). Never throws for a broken or
 * missing repository or a failing git: the state carries `error` and whatever could be read. Rejects only
 * with an AbortError when `signal` aborts.
 */
export async function readGitState(projectDir: string, opts: ReadGitStateOptions = {}): Promise<GitState> {
  if (opts.signal?.aborted) throw abortError(opts.signal);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  // git processes are killed at the deadline; this backstop covers file reads stuck on a hung disk or share.
  return settleBy(readFull(projectDir, deadline, opts.signal), deadline + BACKSTOP_GRACE_MS, opts.signal, () => ({
    ...emptyGitState(),
    complete: true,
    error: `reading ${path.join(projectDir, '.git')} did not finish within ${timeoutMs} ms`,
  }));
}

async function readFull(projectDir: string, deadline: number, signal: AbortSignal | undefined): Promise<GitState> {
  const found = await locateRepo(projectDir);
  if (!found) return { ...emptyGitState(), complete: true, error: `not a git repository: ${path.join(projectDir, '.git')} does not exist` };
  if ('error' in found) return { ...emptyGitState(), complete: true, error: found.error };
  const { dirs } = found;
  const run: RunOptions = { dirs, deadline, signal };
  const cutoff = Math.floor(Date.now() / 1000) - THIRTY_DAYS_S;
  const objects = path.join(dirs.commonDir, 'objects');
  // git status starts as soon as the git dir is known; refs, config and commits are read meanwhile.
  const fastRead = headState(dirs, found.head);
  const historyRead = fastRead.then((fast) => (fast.head ? readHistory(objects, fast.head, cutoff) : null));
  const [fast, status, early] = await Promise.all([fastRead, readStatus(run), historyRead]);
  if ('error' in status) return { ...fast, ...early, complete: true, error: await explain(status.error, dirs) };
  const state = withStatus(fast, status);
  if (!status.oid) return state;
  // HEAD may have moved between reading the ref and running status; status's commit is the one reported.
  const history: History | { error: string } =
    (status.oid === fast.head ? early : await readHistory(objects, status.oid, cutoff)) ?? (await gitHistory(status.oid, cutoff, run));
  return 'error' in history ? { ...state, error: history.error } : { ...state, ...history };
}

async function readStatus(run: RunOptions): Promise<StatusSummary | { error: string }> {
  const parser = new StatusParser();
  const result = await runGit(['status', '--porcelain=v2', '--branch', '-z'], { ...run, onStdout: (chunk) => parser.push(chunk) });
  return result.ok ? parser.finish() : { error: result.error };
}

function withStatus(fast: GitState, s: StatusSummary): GitState {
  const changed = changedFiles(s);
  return {
    ...fast,
    branch: s.branch,
    head: s.oid,
    detached: s.detached,
    upstream: s.upstream,
    ahead: s.ahead,
    behind: s.behind,
    changedFiles: changed,
    untrackedFiles: s.untracked,
    dirty: changed > 0,
    complete: true,
  };
}

/** "not a git repository" is all git says about a broken git dir; name the part that is missing. */
async function explain(error: string, dirs: GitDirs): Promise<string> {
  if (!/not a git repository/.test(error)) return error;
  for (const [dir, part] of [[dirs.commonDir, 'objects'], [dirs.commonDir, 'refs'], [dirs.gitDir, 'HEAD']] as const) {
    const exists = await stat(path.join(dir, part)).then(
      () => true,
      () => false,
    );
    if (!exists) return `${error} (${path.join(dir, part)} is missing)`;
  }
  return error;
}

/** Reads many repositories with bounded concurrency; results in input order, `onState` as each completes. */
export async function readGitStates(projectDirs: readonly string[], opts: ReadGitStatesOptions = {}): Promise<GitState[]> {
  const { concurrency = DEFAULT_GIT_CONCURRENCY, onState, ...one } = opts;
  return mapLimit(projectDirs, concurrency, async (dir) => {
    const state = await readGitState(dir, one);
    if (one.signal?.aborted) throw abortError(one.signal);
    onState?.(dir, state);
    return state;
  });
}
