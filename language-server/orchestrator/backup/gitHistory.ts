import path from 'node:path';
import { parseGitConfig } from '../../scanner/git/config';
import { readOptional, type GitDirs } from '../../scanner/git/refs';
import { runGit } from '../../scanner/git/run';
import type { GitSnapshot, StashEntry } from './types';

const QUICK_MS = 30_000;
/** Bundling or fetching a large history takes minutes; the caller's signal is how a user stops it sooner. */
export const LONG_MS = 2 * 60 * 60_000;

export const quick = (signal?: AbortSignal) => ({ deadline: Date.now() + QUICK_MS, signal });

export async function gitSnapshot(dirs: GitDirs, signal?: AbortSignal): Promise<GitSnapshot> {
  const [head, ref, config, stashes] = await Promise.all([
    runGit(['rev-parse', '--verify', '-q', 'HEAD'], { dirs, ...quick(signal) }),
    runGit(['symbolic-ref', '-q', 'HEAD'], { dirs, ...quick(signal) }),
    readOptional(path.join(dirs.commonDir, 'config')).catch(() => null),
    stashesOf(dirs, signal),
  ]);
  const refName = ref.ok ? ref.stdout.toString('utf8').trim() : '';
  return {
    head: head.ok ? head.stdout.toString('utf8').trim() || null : null,
    branch: refName.startsWith('refs/heads/') ? refName.slice('refs/heads/'.length) : null,
    remotes: remotesOf(config ?? ''),
    ...(stashes.length ? { stashes } : {}),
  };
}

/**
 * Every stash entry, newest first. Only the newest is a ref; the rest live in the reflog, which a bundle does
 * not carry, so without this list a restore would silently drop all stashes but one.
 */
async function stashesOf(dirs: GitDirs, signal?: AbortSignal): Promise<StashEntry[]> {
  const log = await runGit(['log', '-g', '-z', '--format=%H %gs', 'refs/stash', '--'], { dirs, ...quick(signal) });
  if (!log.ok) return [];
  return log.stdout
    .toString('utf8')
    .split('\0')
    .map((line) => /^([0-9a-f]{40,64}) (.*)$/s.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sha: m[1] as string, message: m[2] as string }));
}

function remotesOf(configText: string): GitSnapshot['remotes'] {
  return parseGitConfig(configText)
    .filter((e) => e.section === 'remote' && e.key === 'url' && e.subsection && e.value)
    .map((e) => ({ name: e.subsection as string, url: withoutCredentials(e.value as string) }));
}

/**
 * `https://user:token@host/x` keeps a secret in a URL; the backup must not carry it around. Everything up to
 * the authority's LAST `@` goes: a password with a raw `@` in it (`user:p@ss@host`) must not leave `ss` behind.
 */
export const withoutCredentials = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');

export type BundleOutcome = { created: true } | { created: false; note: string };

/** `git bundle create --all`; a repository without any ref has nothing to bundle, which is not an error. */
export async function createBundle(dirs: GitDirs, snap: GitSnapshot, file: string, signal?: AbortSignal): Promise<BundleOutcome> {
  const refs = await runGit(['for-each-ref', '--count=1', '--format=%(refname)'], { dirs, ...quick(signal) });
  if (!refs.ok) throw new Error(`Cannot read the refs of ${dirs.workTree}: ${refs.error}`);
  if (refs.stdout.toString('utf8').trim() === '') return { created: false, note: 'the repository has no commits yet, so there is no history to bundle' };
  // Older stash entries are no ref's ancestors; naming them puts their objects in the pack, unlisted.
  const stashes = (snap.stashes ?? []).slice(1).map((s) => s.sha);
  const made = await runGit(['bundle', 'create', '-q', file, '--all', ...stashes], { dirs, deadline: Date.now() + LONG_MS, signal });
  if (!made.ok) throw new Error(`Cannot bundle the history of ${dirs.workTree}: ${made.error}`);
  return { created: true };
}
