/**
 * Starting a project so that it outlives the process that started it (the CLI): its own process group and
 * session (spawn `detached`), no handle kept by the parent (`unref`), and its output appended to a log file
 * instead of a pipe that would close — or block — when the parent exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/** A log past this is moved to `<name>.log.1` (replacing the older one) before the next start appends. */
const ROTATE_BYTES = 10 * 1024 * 1024;
/** How long a start waits to see whether the command fails at once (a typo, a missing tool, a taken port). */
const DEFAULT_SETTLE_MS = 500;

export interface DetachedPlan {
  /** A shell command line, run by the platform shell in `cwd`. */
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Absolute path of the log; its folder is made when missing. */
  logFile: string;
  settleMs?: number;
}

export interface DetachedRun {
  pid: number;
  logFile: string;
  /** Null while it runs; the exit code when it ended cleanly before `settleMs`. */
  exitCode: number | null;
}

/** The command could not be started, or failed before `settleMs`. The message holds no output: see the log. */
export class DetachedStartFailed extends Error {
  constructor(message: string, readonly logFile: string) {
    super(message);
    this.name = 'DetachedStartFailed';
  }
}

/** `$OPTIMUS_HOME/logs/<name>.log`, with the name reduced to characters that are safe in a file name anywhere. */
export function projectLogFile(optimusHome: string, projectName: string): string {
  const safe = projectName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100) || 'project';
  return path.join(optimusHome, 'logs', `${safe}.log`);
}

export async function startDetached(plan: DetachedPlan): Promise<DetachedRun> {
  await mkdir(path.dirname(plan.logFile), { recursive: true, mode: 0o700 });
  await rotate(plan.logFile);
  // 0600: a project's output may hold what its .env holds.
  const log = await open(plan.logFile, 'a', 0o600);
  try {
    await log.write(`\n=== ${new Date().toISOString()} optimus start in ${plan.cwd}: ${plan.command}\n`);
    const child = spawn(plan.command, { cwd: plan.cwd, env: plan.env, shell: true, detached: true, stdio: ['ignore', log.fd, log.fd], windowsHide: true });
    const pid = await spawned(child, plan);
    const exit = await exitWithin(child, plan.settleMs ?? DEFAULT_SETTLE_MS);
    child.unref();
    if (exit && exit.code !== 0) {
      const how = exit.code === null ? `was killed by ${exit.signal ?? 'a signal'}` : `exited with code ${exit.code}`;
      throw new DetachedStartFailed(`\`${plan.command}\` ${how} right after it started; its output is in ${plan.logFile}`, plan.logFile);
    }
    return { pid, logFile: plan.logFile, exitCode: exit ? 0 : null };
  } finally {
    // The child has its own copy of the descriptor; closing ours leaves its output going to the file.
    await log.close();
  }
}

async function rotate(logFile: string): Promise<void> {
  const size = (await stat(logFile).catch(() => null))?.size ?? 0;
  if (size > ROTATE_BYTES) await rename(logFile, `${logFile}.1`);
}

function spawned(child: ChildProcess, plan: DetachedPlan): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new DetachedStartFailed(`Cannot start \`${plan.command}\` in ${plan.cwd}: ${error.message}`, plan.logFile)));
    child.once('spawn', () => (child.pid === undefined ? reject(new DetachedStartFailed(`\`${plan.command}\` got no process id`, plan.logFile)) : resolve(child.pid)));
  });
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitWithin(child: ChildProcess, ms: number): Promise<Exit | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}
