import path from 'node:path';
import type { GitDirs } from '../../scanner/git/refs';
import { runGit } from '../../scanner/git/run';
import { LONG_MS, quick } from './gitHistory';
import type { GitSnapshot, StashEntry } from './types';

/**
 * Makes `dest` (already holding the restored files) a repository with every ref of the bundle, HEAD where it
 * was, the remotes back, and an index matching HEAD, so `git status` shows the same changes the original had.
 * Without a bundle (no commits yet) it is an empty repository on the same branch.
 */
export async function restoreHistory(dest: string, bundle: string | null, snap: GitSnapshot | null, signal?: AbortSignal): Promise<void> {
  const dirs: GitDirs = { workTree: dest, gitDir: path.join(dest, '.git'), commonDir: path.join(dest, '.git') };
  const step = async (args: string[], deadline = quick().deadline): Promise<void> => {
    const r = await runGit(args, { dirs, deadline, signal });
    if (!r.ok) throw new Error(`Cannot restore the history into ${dest}: ${r.error}`);
  };
  await step(['init', '-q']);
  // A detached HEAD may point at a commit no ref reaches; fetching HEAD too keeps it (in FETCH_HEAD).
  const detached = snap?.head && !snap.branch ? ['HEAD'] : [];
  if (bundle) await step(['fetch', '-q', '--update-head-ok', bundle, 'refs/*:refs/*', ...detached], Date.now() + LONG_MS);
  if (snap?.branch) await step(['symbolic-ref', 'HEAD', `refs/heads/${snap.branch}`]);
  else if (snap?.head) await step(['update-ref', '--no-deref', 'HEAD', snap.head]);
  for (const remote of snap?.remotes ?? []) {
    // A remote that cannot be added (an odd name) costs the user one `git remote add`, not the restore.
    await runGit(['remote', 'add', remote.name, remote.url], { dirs, ...quick(signal) });
  }
  if (bundle && snap?.stashes?.length) await restoreStashes(snap.stashes, step);
  if (bundle && snap?.head) await step(['reset', '-q']);
}

/** Rebuilds the stash reflog oldest first, so `git stash list` shows what the original showed. */
async function restoreStashes(stashes: readonly StashEntry[], step: (args: string[]) => Promise<void>): Promise<void> {
  await step(['update-ref', '-d', 'refs/stash']);
  for (const s of [...stashes].reverse()) await step(['update-ref', '--create-reflog', '-m', s.message, 'refs/stash', s.sha]);
}
