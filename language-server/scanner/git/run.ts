/**
 * Runs one git command for the scanner: never prompts, never takes optional locks, never finds another
 * repository than the one it is given, and never outlives its deadline or an abort.
 *
 * Plain `spawn`, not simple-git: measured on 200 small repos, simple-git's `raw()` added 12-25% to each
 * status call (its task queue, plugins, and a completion wait), a third of the whole budget for the extra
 * work of a full state; it also strips the ambient GIT_* environment and refuses `-c` without opt-ins, and
 * does not stream stdout. The safety it offers (argument vetting) does not apply: arguments here are fixed.
 */
import { spawn } from 'node:child_process';
import type { GitDirs } from './refs';

export interface RunOptions {
  dirs: GitDirs;
  /** Absolute time (ms since the epoch) by which git must have finished. */
  deadline: number;
  signal?: AbortSignal;
  /** Receives stdout as it arrives instead of collecting it. */
  onStdout?: (chunk: Buffer) => void;
}

export type RunResult = { ok: true; stdout: Buffer } | { ok: false; error: string };

/** Variables that point git elsewhere (set when the server is started from a git hook, say). */
const LOCATING_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_PREFIX',
];
const MAX_STDOUT = 8 << 20;
const MAX_STDERR = 4096;

function gitEnv(dirs: GitDirs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LOCATING_VARS) delete env[name];
  return {
    ...env,
    // Explicit dirs: a broken .git must give an error, not git's discovery walking up to a parent repository.
    GIT_DIR: dirs.gitDir,
    GIT_WORK_TREE: dirs.workTree,
    // Status would otherwise refresh and rewrite the index: it would fight the user's git for index.lock
    // and fire our own watcher on .git/index, which would start another status.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

export const abortError = (signal: AbortSignal): unknown =>
  signal.reason instanceof Error && signal.reason.name === 'AbortError' ? signal.reason : new DOMException('The git read was aborted', 'AbortError');

/** Resolves with git's output or a one-line error; rejects only with an AbortError. */
export function runGit(args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const command = args[0] ?? 'git';
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-optional-locks', '-c', 'core.quotePath=false', ...args], {
      cwd: opts.dirs.workTree,
      env: gitEnv(opts.dirs),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let settled = false;
    // Settles without waiting for 'close': a killed git whose helper still holds the pipe must not hang us.
    // Only git itself is killed; a helper it started (an fsmonitor hook) ends when its pipe closes.
    const settle = (result: RunResult | { abort: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if ('abort' in result) reject(result.abort);
      else resolve(result);
    };
    const onAbort = (): void => settle({ abort: abortError(signal as AbortSignal) });
    const budget = Math.max(0, opts.deadline - Date.now());
    const timer = setTimeout(() => settle({ ok: false, error: `git ${command} timed out after ${budget} ms` }), budget);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (opts.onStdout) return opts.onStdout(chunk);
      outBytes += chunk.length;
      if (outBytes > MAX_STDOUT) settle({ ok: false, error: `git ${command} printed more than ${MAX_STDOUT} bytes` });
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => settle({ ok: false, error: `cannot run git in ${opts.dirs.workTree} (${err.message}); is git installed and on PATH?` }));
    child.on('close', (code) => {
      if (code === 0) settle({ ok: true, stdout: Buffer.concat(stdout) });
      else settle({ ok: false, error: failureText(command, code, stderr) });
    });
  });
}

/** git's own first fatal/error line is the clearest message; the exit code is the fallback. */
function failureText(command: string, code: number | null, stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0];
  return line ? `git ${command}: ${line.replace(/^(fatal|error):\s*/, '')}` : `git ${command} exited with code ${code ?? 'null (killed)'}`;
}

/**
 * `work`'s result, or `onTimeout()` at `deadline`, or an AbortError on abort, whichever comes first. For work
 * that cannot be cancelled (a file read on a hung share): it is left to finish, and its result ignored.
 */
export function settleBy<T>(work: Promise<T>, deadline: number, signal: AbortSignal | undefined, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      done();
      resolve(onTimeout());
    }, Math.max(0, deadline - Date.now()));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        done();
        resolve(value);
      },
      (err: unknown) => {
        done();
        reject(err);
      },
    );
  });
}
