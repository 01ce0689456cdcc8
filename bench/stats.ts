/** Small measuring helpers shared by the benchmark's parts. */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const REPO = path.resolve(__dirname, '..');

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** CPU time (ms) of this process plus its waited-for children, from /proc: user+system, 10 ms ticks. */
export function cpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // After the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based).
  const ticks = (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0);
  return ticks * 10;
}

/** VmRSS and VmHWM of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), hwmMb: round(kb('VmHWM') / 1024) };
}

/** Runs a TypeScript probe in a fresh Node process and returns the JSON it prints last on stdout. */
export function runProbe<T>(probe: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  return runJsonProcess<T>([...nodeFlags, '--import', 'tsx', path.join(__dirname, 'probes', probe), ...args], `probe ${probe}`);
}

/** Runs `node ...argv` from the repository and returns the JSON document it prints last on stdout. */
export function runJsonProcess<T>(argv: readonly string[], label: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`${label} failed (${code}): ${err.trim() || out.trim()}`));
    });
  });
}

export function run(file: string, args: readonly string[], cwd = REPO): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** Drops the page cache (needs root); false when the system does not allow it. */
export async function dropCaches(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'sync && echo 3 > /proc/sys/vm/drop_caches']);
    return true;
  } catch {
    return false;
  }
}
