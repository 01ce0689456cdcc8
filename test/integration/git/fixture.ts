import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Fixed dates so hashes and `lastCommit.date` are predictable. */
export const FIXED_DATE = '2024-01-02T03:04:05Z';

const DAY = 24 * 60 * 60 * 1000;
/** A date `n` days before now, in the `@<unix> +0000` form git accepts for GIT_*_DATE. */
export const daysAgo = (n: number): string => `@${Math.floor((Date.now() - n * DAY) / 1000)} +0000`;

/** Variables that would point git at another repository or config than the one a test builds. */
const LEAKY = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES'];

/**
 * A temp folder with its own HOME and global git config, so neither the user's config nor the machine's can
 * change what git does in a test. `enter()` in `before`, `leave()` in `after`.
 */
export class Sandbox {
  readonly root = realpathSync(mkdtempSync(path.join(tmpdir(), 'optimus-git-')));
  private readonly saved = new Map<string, string | undefined>();

  enter(): void {
    const home = path.join(this.root, 'home');
    mkdirSync(home, { recursive: true });
    const globalConfig = path.join(home, '.gitconfig');
    writeFileSync(globalConfig, '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n');
    this.setEnv('HOME', home);
    this.setEnv('GIT_CONFIG_GLOBAL', globalConfig);
    this.setEnv('GIT_CONFIG_NOSYSTEM', '1');
    for (const name of LEAKY) this.setEnv(name, undefined);
  }

  leave(): void {
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  setEnv(name: string, value: string | undefined): void {
    if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }

  path(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** A fresh repository with an identity set per repo (not globally, as users have it). */
  repo(name: string, ...initArgs: string[]): string {
    const dir = this.path(name);
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q', ...initArgs);
    git(dir, 'config', 'user.name', 'Ada Lovelace');
    git(dir, 'config', 'user.email', 'ada@example.com');
    return dir;
  }
}

export function git(cwd: string, ...args: string[]): string {
  return gitAt(cwd, FIXED_DATE, ...args);
}

/** Runs git with both author and committer date fixed to `date`. */
export function gitAt(cwd: string, date: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Writes `file` (relative to `dir`) and commits everything with the given message and date. */
export function commitFile(dir: string, file: string, content: string, message: string, date = FIXED_DATE): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  gitAt(dir, date, 'add', '-A');
  gitAt(dir, date, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}
