import path from 'node:path';
import type { GitState } from '../../model';
import { parseGitConfig, remoteUrl, upstreamOf } from './config';
import { REFTABLE_HEAD, locateRepo, readOptional, resolveRef } from './refs';
import type { GitDirs, HeadRef } from './refs';

export const emptyGitState = (): GitState => ({
  branch: null,
  head: null,
  detached: false,
  dirty: false,
  changedFiles: 0,
  untrackedFiles: 0,
  upstream: null,
  ahead: null,
  behind: null,
  lastCommit: null,
  commitsLast30Days: 0,
  remoteUrl: null,
  complete: false,
});

export interface RepoHead {
  state: GitState;
  /** null when the repository is broken (state.error says why). */
  dirs: GitDirs | null;
}

/** readHead plus the dirs it found, so the full read does not locate the repository twice. */
export async function inspectRepo(projectDir: string): Promise<RepoHead | null> {
  const found = await locateRepo(projectDir);
  if (!found) return null;
  if ('error' in found) return { state: { ...emptyGitState(), error: found.error }, dirs: null };
  return { state: await headState(found.dirs, found.head), dirs: found.dirs };
}

/** Branch, head, remote and upstream from the ref files and the config. */
export async function headState(dirs: GitDirs, head: HeadRef): Promise<GitState> {
  const [config, oid] = await Promise.all([
    readOptional(path.join(dirs.commonDir, 'config')).catch(() => null),
    'oid' in head ? head.oid : resolveRef(dirs, head.ref).catch(() => null),
  ]);
  const entries = parseGitConfig(config ?? '');
  const state: GitState = { ...emptyGitState(), head: oid, remoteUrl: remoteUrl(entries), detached: 'oid' in head };
  // A reftable repo's branch and head cannot be read from files; they stay unknown until git status runs.
  if ('ref' in head && head.ref !== REFTABLE_HEAD) {
    state.branch = head.ref.startsWith('refs/heads/') ? head.ref.slice('refs/heads/'.length) : head.ref;
    state.upstream = upstreamOf(entries, state.branch);
  }
  return state;
}

/**
 * The fast part of a project's git state, from files under `.git` only (no git process): branch, head,
 * remote URL, configured upstream. `complete` is false. null when `projectDir` has no `.git`; a state with
 * `error` when it has one that cannot be read.
 */
export async function readHead(projectDir: string): Promise<GitState | null> {
  return (await inspectRepo(projectDir))?.state ?? null;
}

/**
 * What a watcher should watch to notice branch switches (HEAD), commits (refs/heads, packed-refs), a fetch
 * or push moving the upstream (refs/remotes) and staging (index). HEAD and index are per worktree, refs
 * shared. Some of these may not exist yet (packed-refs); a broken repository gets its `.git` entry, so that
 * repairing it is noticed. Empty when there is no `.git`.
 */
export async function gitWatchPaths(projectDir: string): Promise<string[]> {
  const found = await locateRepo(projectDir);
  if (!found) return [];
  if ('error' in found) return [path.join(projectDir, '.git')];
  const { gitDir, commonDir } = found.dirs;
  return [
    path.join(gitDir, 'HEAD'),
    path.join(gitDir, 'index'),
    path.join(commonDir, 'refs', 'heads'),
    path.join(commonDir, 'packed-refs'),
    path.join(commonDir, 'refs', 'remotes'),
  ];
}
