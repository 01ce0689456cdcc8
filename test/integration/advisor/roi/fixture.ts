import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { git } from '../../helpers/git';

const exec = promisify(execFile);

export interface DatedCommit {
  /** `Name <email>` as git writes it. */
  author: string;
  /** Any date git accepts, e.g. `2024-01-10T09:00:00+02:00`. */
  at: string;
  /** The committer date; a rebase would move it, the author date stays. Default: `at`. */
  committedAt?: string;
  file?: string;
}

/** A repository whose commits have exactly these authors and dates, in this order, on `main`. */
export async function datedRepo(dir: string, commits: readonly DatedCommit[], mailmap?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  if (mailmap !== undefined) await writeFile(path.join(dir, '.mailmap'), mailmap);
  for (const [i, commit] of commits.entries()) await commitAt(dir, commit, i);
}

export async function commitAt(dir: string, commit: DatedCommit, n: number): Promise<void> {
  await writeFile(path.join(dir, commit.file ?? 'work.txt'), `change ${n}\n`);
  await git(dir, 'add', '-A');
  const m = /^(.*?)\s*<(.*)>$/.exec(commit.author);
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: m?.[1] ?? commit.author,
    GIT_AUTHOR_EMAIL: m?.[2] ?? '',
    GIT_AUTHOR_DATE: commit.at,
    GIT_COMMITTER_NAME: 'Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_COMMITTER_DATE: commit.committedAt ?? commit.at,
  };
  await exec('git', ['commit', '-q', '--allow-empty', '-m', `commit ${n}`], { cwd: dir, env });
}

export interface IndependentAuthor {
  name: string;
  email: string;
  commits: number;
  sessions: number;
  seconds: number;
  gitHoursUnrounded: number;
  gitHours: number;
}

export interface IndependentHours {
  commits: number;
  sessions: number;
  seconds: number;
  gitHours: number;
  authors: Record<string, IndependentAuthor>;
  byMonth: Record<string, number>;
}

/** The figures of independent_git_hours.py (python3, its own `git log`) for `repo`. */
export async function independentHours(repo: string, gapMinutes = 120, firstCommitMinutes = 120): Promise<IndependentHours> {
  const script = path.join(__dirname, 'independent_git_hours.py');
  const { stdout } = await exec('python3', [script, repo, String(gapMinutes), String(firstCommitMinutes)], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as IndependentHours;
}
