/**
 * Runs the npm CLI for `npm audit`: in the project folder, bounded by a timeout and an AbortSignal, with stdout
 * collected up to a cap. Injected into npmAuditFindings so tests can hand it recorded outputs instead.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface NpmRunOptions {
  cwd: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface NpmRunResult {
  stdout: string;
  /** npm's exit code; null when it was killed by a signal. npm audit exits 1 when it found vulnerabilities. */
  code: number | null;
}

/** Resolves with what npm printed, or rejects with an Error whose message fits a note (timeout, abort, no npm). */
export type NpmRunner = (args: readonly string[], options: NpmRunOptions) => Promise<NpmRunResult>;

/** An audit report of a big monorepo is a few MB; past this something is wrong and the run is stopped. */
const MAX_STDOUT = 64 << 20;

export const runNpm: NpmRunner = (args, options) => {
  if (options.signal?.aborted) return Promise.reject(new Error('npm audit was cancelled before it started.'));
  return new Promise((resolve, reject) => {
    const isWindows = process.platform === 'win32';
    // npm is npm.cmd on Windows, which Node only starts through a shell; the arguments are fixed, never user text.
    const child = spawn(isWindows ? 'npm.cmd' : 'npm', [...args], {
      cwd: options.cwd,
      env: npmEnv(),
      stdio: ['ignore', 'pipe', 'ignore'],
      shell: isWindows,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (outcome: { error: Error } | { code: number | null }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if ('error' in outcome) {
        stop(child);
        reject(outcome.error);
      } else resolve({ stdout: Buffer.concat(chunks).toString('utf8'), code: outcome.code });
    };
    const onAbort = (): void => finish({ error: new Error('npm audit was cancelled.') });
    const timer = setTimeout(() => finish({ error: new Error(`npm audit did not finish within ${duration(options.timeoutMs)} and was stopped.`) }), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDOUT) finish({ error: new Error(`npm audit printed more than ${MAX_STDOUT >> 20} MB and was stopped.`) });
      else chunks.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => finish({ error: startError(error) }));
    child.on('close', (code) => finish({ code }));
  });
};

function startError(error: NodeJS.ErrnoException): Error {
  return new Error(error.code === 'ENOENT' ? 'npm was not found on the PATH.' : `npm could not be started: ${error.message}`);
}

/** On Windows npm runs under cmd.exe, and killing the shell would leave node running: end the whole tree. */
function stop(child: ChildProcess): void {
  if (process.platform === 'win32' && child.pid !== undefined) {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill());
  } else child.kill();
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // cmd.exe would otherwise look for npm.cmd in the project folder first: a cloned repo could plant one.
    NoDefaultCurrentDirectoryInExePath: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    // Nothing in an audit runs package scripts, but a user's npmrc can set odd defaults; keep it inert anyway.
    npm_config_ignore_scripts: 'true',
  };
}
