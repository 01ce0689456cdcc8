/**
 * The commits the hours estimate counts: `git log` of HEAD, the current branch's history, as the git-hours
 * tool counts by default. Not all branches: remote-tracking branches hold other people's copies of the same
 * work and abandoned local experiments would count twice what was merged; what HEAD reached is the project.
 * Merge commits count (git-hours includes them too): resolving a merge is work, and its author made it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { locateRepo } from '../../scanner/git/refs';
import { runGit } from '../../scanner/git/run';
import type { AuthoredCommit } from './commitRecords';
import { LOG_FORMAT, RecordSplitter } from './commitRecords';

export interface HistoryOptions {
  /** The newest this many commits are read; older ones are left out with a note. */
  maxCommits?: number;
  timeoutMs?: number;
  /** Aborting kills git and rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface CommitHistory {
  /** Newest first, as git prints them. Empty when the folder is not a repository or git failed. */
  commits: AuthoredCommit[];
  /** What the figures leave out and why, for the user: not a repository, no commits yet, cut at the limit. */
  notes: string[];
}

export const DEFAULT_MAX_COMMITS = 200_000;
/** A cold `git log` of a 1M-commit repository on a slow disk takes seconds; this leaves plenty. */
export const DEFAULT_HISTORY_TIMEOUT_MS = 60_000;

/** What git says for an unborn branch (a corrupt one says "bad object HEAD" instead). */
const NO_COMMITS = /bad revision 'HEAD'|does not have any commits yet|bad default revision/;

/**
 * Reads author name, email (both after .mailmap) and author date of the commits HEAD reaches in `projectDir`
 * (which must itself hold `.git`). Never throws for a missing or broken repository or a failing git: the
 * notes say what happened. Rejects only with an AbortError.
 */
export async function readCommitHistory(projectDir: string, opts: HistoryOptions = {}): Promise<CommitHistory> {
  const found = await locateRepo(projectDir);
  if (!found) return empty(`${projectDir} is not a git repository (no .git): no hours to count.`);
  if ('error' in found) return empty(`${found.error}: no hours counted.`);
  const max = opts.maxCommits ?? DEFAULT_MAX_COMMITS;
  const commits: AuthoredCommit[] = [];
  const splitter = new RecordSplitter((c) => commits.push(c));
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS);
  // One more than the limit tells "exactly the limit" from "cut at the limit".
  const args = ['log', '--no-show-signature', '--use-mailmap', '-z', `--max-count=${max + 1}`, LOG_FORMAT, 'HEAD', '--'];
  const result = await runGit(args, { dirs: found.dirs, deadline, signal: opts.signal, onStdout: (chunk) => splitter.push(chunk) });
  splitter.finish();
  if (!result.ok) return NO_COMMITS.test(result.error) ? empty(`${projectDir} has no commits yet: no hours to count.`) : empty(`${result.error}: no hours counted.`);
  return { commits: commits.slice(0, max), notes: await notesFor(commits.length > max, max, splitter.skipped, found.dirs.commonDir) };
}

function empty(note: string): CommitHistory {
  return { commits: [], notes: [note] };
}

async function notesFor(cut: boolean, max: number, skipped: number, commonDir: string): Promise<string[]> {
  const notes: string[] = [];
  if (cut) notes.push(`Only the newest ${max} commits were counted; older history is left out.`);
  if (skipped > 0) notes.push(`${skipped} commit${skipped === 1 ? '' : 's'} without a readable author or date ${skipped === 1 ? 'was' : 'were'} left out.`);
  // git-hours refuses shallow clones; counting what is there with a note is more useful than nothing.
  if (await exists(path.join(commonDir, 'shallow'))) notes.push('This is a shallow clone: commits before its cut-off are missing, so the hours are a lower bound.');
  return notes;
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
