/**
 * Real processes for the runtime tests: spawned in temp project folders, tracked, and killed in afterEach
 * whatever happened (with every descendant they forked), so a failing test leaves nothing behind.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ancestorsOf } from '../../../language-server/scanner/runtime/guard';
import { listPids, readStat } from '../../../language-server/scanner/runtime/procfs';

/** Prints `READY <pid> <ppid> <port>` once listening on a free port. `IGNORE_TERM=1` makes it ignore SIGTERM. */
export const SERVER_JS = `
const http = require('http');
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => {});
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('READY ' + process.pid + ' ' + process.ppid + ' ' + server.address().port));
`;

/** Prints `READY <pid>` and spins. */
export const BUSY_JS = `console.log('READY ' + process.pid); for (;;) {}`;

/**
 * Starts SERVER_JS as a child whose working folder is CHILD_CWD (default: the file system root, outside any
 * project), and prints `READY <pid> <childPid> <childPort>` once the child listens.
 */
export const PARENT_JS = `
const { spawn } = require('child_process');
const path = require('path');
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => {});
const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], { cwd: process.env.CHILD_CWD || '/', stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (d) => {
  const words = d.toString().trim().split(/\\s+/);
  if (words[0] === 'READY') console.log('READY ' + process.pid + ' ' + words[1] + ' ' + words[3]);
});
setInterval(() => {}, 1 << 30);
`;

export function makeProject(root: string, name: string, files: Record<string, string> = { 'server.js': SERVER_JS }): string {
  const dir = path.join(realpathSync(root), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(name) }));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

/** A process that is gone or a zombie (exited, waiting to be reaped) counts as not running. */
export function isRunning(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Every live descendant of the given pids, from one pass over /proc. */
export function descendantsOf(roots: Iterable<number>): number[] {
  const children = new Map<number, number[]>();
  for (const pid of listPids()) {
    const stat = readStat(pid);
    if (stat) (children.get(stat.ppid) ?? children.set(stat.ppid, []).get(stat.ppid)!).push(pid);
  }
  const out: number[] = [];
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] as number) ?? []) {
      if (!out.includes(child) && !queue.includes(child)) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

export interface Spawned {
  child: ChildProcess;
  /** Whitespace-separated words of the first output line that matches `ready` (default: starts with READY). */
  ready: Promise<string[]>;
  output: () => string;
}

export interface SpawnWith extends SpawnOptions {
  /** The output line that says the process is ready. */
  ready?: RegExp;
}

/** Spawns and tracks processes; every tracked pid and its descendants are SIGKILLed after each test. */
export function useProcesses(): { spawn: (command: string, args: string[], options?: SpawnWith) => Spawned; track: (pid: number) => void } {
  const pids = new Set<number>();
  const mine = new Set([process.pid, ...ancestorsOf(process.pid, (pid) => readStat(pid)?.ppid)]);
  const groups = new Set<number>();
  afterEach(async function () {
    this.timeout(20000);
    // Descendants first: once a parent dies its children move to init and can no longer be found by ancestry.
    const all = [...descendantsOf([...pids, ...groups]), ...pids].filter((pid) => !mine.has(pid));
    for (const group of groups) tryKill(-group);
    for (const pid of all) tryKill(pid);
    await waitFor('test processes to be gone', () => all.every((pid) => !isRunning(pid)));
    pids.clear();
    groups.clear();
  });
  return {
    track: (pid) => pids.add(pid),
    spawn: (command, args, options = {}) => {
      const { ready: readyLine = /^READY\b/, ...spawnOptions } = options;
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...spawnOptions });
      if (child.pid) pids.add(child.pid);
      if (child.pid && spawnOptions.detached) groups.add(child.pid);
      let out = '';
      const ready = new Promise<string[]>((resolve, reject) => {
        const look = (d: Buffer): void => {
          out += d.toString('utf8');
          const line = out.split('\n').find((l) => readyLine.test(l));
          if (line) {
            const words = line.trim().split(/\s+/);
            // SERVER_JS prints its parent's pid, which may be this very process: that one is never tracked.
            if (words[0] === 'READY') for (const w of words.slice(1, 3)) if (/^\d+$/.test(w) && !mine.has(Number(w))) pids.add(Number(w));
            resolve(words);
          }
        };
        child.stdout?.on('data', look);
        child.stderr?.on('data', look);
        child.on('error', reject);
        child.on('exit', (code, signal) => reject(new Error(`${command} exited (${code ?? signal}) before it was ready: ${out}`)));
      });
      ready.catch(() => undefined);
      return { child, ready, output: () => out };
    },
  };
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
