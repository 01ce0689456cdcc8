/**
 * The runtime monitor's figures against the targets, on a machine brought to ~300 processes: many
 * `sleep 600` outside any project and 20 listening node servers, one per temp project folder. Every time is
 * printed beside a floor measured in the same run (a readdir of /proc and a read of each /proc/<pid>/stat, which
 * any process table must do), because absolute times drift on a small noisy machine. Nothing fails on timing.
 * Linux only (the other platforms read the table through ps/lsof/PowerShell, untested here).
 *
 *   npx tsx bench/runtime.bench.ts                      the table
 *   npx tsx bench/runtime.bench.ts --processes 500      another machine size
 *   npx tsx bench/runtime.bench.ts --idle-seconds 5     a shorter idle measure
 *   npx tsx bench/runtime.bench.ts --json               one JSON document
 *
 * Fresh-process measures run this very file, bundled by esbuild as the server is, with `--probe <name>` under
 * plain node: tsx's loader thread alone burns 2–8 ms of CPU a second in an idle process, more than the monitor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_INTERVAL_MS, RuntimeMonitor } from '../language-server/scanner/runtime/monitor';
import { takeSnapshot, type ProcessSample } from '../language-server/scanner/runtime/snapshot';
import { evaluate, table, type Row } from './report';
import { median, round, runJsonProcess } from './stats';

const SERVERS = 20;
const MONITORED = 10;
const WARM_RUNS = 7;
const INCREMENTAL_RUNS = 25;

const SERVER_JS = `
const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('READY ' + process.pid + ' ' + server.address().port));
`;

/** The floor: what any reader of the process table does, nothing more (one readdir, one stat read per pid). */
function procFloor(): number {
  let bytes = 0;
  for (const name of readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    try {
      bytes += readFileSync(`/proc/${name}/stat`).length;
    } catch {
      // Gone meanwhile.
    }
  }
  return bytes;
}

function timeSync(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------- probes

interface ColdProbe {
  floorMs: number;
  snapshotMs: number;
  processes: number;
  inProjects: number;
  withPorts: number;
  fdScans: number;
  listeningSockets: number;
}

/** First calls in a fresh process: the floor, then a cold takeSnapshot (nothing cached, nothing compiled). */
async function probeCold(projects: string[]): Promise<ColdProbe> {
  const floorMs = timeSync(procFloor);
  let sample: ProcessSample | null = null;
  const snapshotMs = await timeAsync(async () => (sample = await takeSnapshot(projects)));
  const s = sample as unknown as ProcessSample;
  return {
    floorMs,
    snapshotMs,
    processes: s.processes.length,
    inProjects: s.processes.filter((p) => p.projectPath !== null).length,
    withPorts: s.processes.filter((p) => p.projectPath !== null && p.ports.length > 0).length,
    fdScans: s.state.stats.fdScans,
    listeningSockets: s.state.stats.listeningSockets,
  };
}

interface IdleProbe {
  cpuPercent: number;
  cpuMs: number;
  /** CPU spent inside the samples themselves; the rest is timers, GC and the runtime between them. */
  inSamplesMs: number;
  wallMs: number;
  samples: number;
  intervalMs: number;
}

/** The monitor alone in a process, at its default interval, after its first samples: CPU over wall time. */
async function probeIdle(projects: string[], seconds: number): Promise<IdleProbe> {
  const monitor = new RuntimeMonitor({ projectPaths: projects });
  let samples = 0;
  let inSamplesMs = 0;
  const sample = monitor.sample.bind(monitor);
  monitor.sample = () => {
    samples++;
    const before = process.cpuUsage();
    return sample().finally(() => {
      const used = process.cpuUsage(before);
      inSamplesMs += (used.user + used.system) / 1000;
    });
  };
  const first = new Promise<void>((resolve) => monitor.onChange(() => resolve()));
  // The monitor's timer is unref'd (it never keeps a process alive): this one does, and wakes nobody.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  monitor.start();
  await first;
  // The second sample is the first with CPU shares (it reports them); idle starts after it.
  await new Promise((resolve) => setTimeout(resolve, DEFAULT_INTERVAL_MS + 500));
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const samples0 = samples;
  inSamplesMs = 0;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(cpu0);
  const wallMs = performance.now() - wall0;
  monitor.dispose();
  clearInterval(keepAlive);
  const cpuMs = (used.user + used.system) / 1000;
  return { cpuPercent: (100 * cpuMs) / wallMs, cpuMs, inSamplesMs, wallMs, samples: samples - samples0, intervalMs: DEFAULT_INTERVAL_MS };
}

/** This file as one plain JavaScript file, as esbuild bundles the server. */
async function bundleProbes(dir: string): Promise<string> {
  const outfile = path.join(dir, 'runtime-probes.js');
  // Imported here, not at the top: the bundle (in a temp folder) must not need esbuild to load.
  const { build } = await import('esbuild');
  await build({ entryPoints: [__filename], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', external: ['esbuild'] });
  return outfile;
}

function runProbe<T>(probes: string, name: string, args: readonly string[]): Promise<T> {
  return runJsonProcess<T>([probes, '--probe', name, ...args], `probe ${name}`);
}

// ------------------------------------------------------------------------------------------- the load

/** Every process the bench started; killed on the way out, whatever happened (also on Ctrl-C). */
const started: ChildProcess[] = [];
/** The servers, which run under a shell: killing the shell would leave them behind. */
const serverPids: number[] = [];

function killAll(): void {
  // The shells first, so that none lives to print "Killed" for its server.
  for (const child of started) {
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    } catch {
      // Gone already.
    }
  }
  for (const pid of serverPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

const countPids = (): number => readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

async function startServers(root: string): Promise<string[]> {
  const projects: string[] = [];
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < SERVERS; i++) {
    const dir = path.join(root, 'projects', `app-${String(i).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `app-${i}` }));
    writeFileSync(path.join(dir, 'server.js'), SERVER_JS);
    // Under a shell, as `npm run dev` would start them: a node that is a direct child of this (node) process,
    // an ancestor of the probes, would look like one of the editor's own helpers to them (guard.ts).
    const child = spawn('sh', ['-c', `"${process.execPath}" server.js --token=bench${i}secret; exit`], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    started.push(child);
    projects.push(dir);
    ready.push(
      new Promise((resolve, reject) => {
        child.stdout?.once('data', (d: Buffer) => {
          serverPids.push(Number(d.toString().split(' ')[1]));
          resolve();
        });
        child.once('exit', (code) => reject(new Error(`server ${i} exited (${code})`)));
      }),
    );
  }
  await Promise.all(ready);
  return projects;
}

function startSleepers(root: string, target: number): number {
  const dir = path.join(root, 'elsewhere');
  mkdirSync(dir, { recursive: true });
  const wanted = Math.max(0, target - countPids());
  for (let i = 0; i < wanted; i++) started.push(spawn('sleep', ['600'], { cwd: dir, stdio: 'ignore' }));
  return wanted;
}

// -------------------------------------------------------------------------------------------- main

function parseArgs(argv: string[]): { json: boolean; processes: number; idleSeconds: number } {
  const num = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  return { json: argv.includes('--json'), processes: num('--processes', 300), idleSeconds: num('--idle-seconds', 20) };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('the runtime benchmark reads /proc: Linux only');
  const { json, processes: target, idleSeconds } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'optimus-runtime-bench-'));
  const loadStart = os.loadavg();
  try {
    log(`starting ${SERVERS} node servers in temp projects`);
    const projects = await startServers(root);
    const sleepers = startSleepers(root, target);
    const pids = countPids();
    log(`started ${sleepers} sleep processes: ${pids} processes on the machine`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const probes = await bundleProbes(root);
    log('cold takeSnapshot in fresh processes');
    const colds: ColdProbe[] = [];
    for (let i = 0; i < 3; i++) colds.push(await runProbe<ColdProbe>(probes, 'cold', [JSON.stringify(projects)]));
    const cold = { floorMs: median(colds.map((c) => c.floorMs)), snapshotMs: median(colds.map((c) => c.snapshotMs)) };
    const shape = colds.at(-1) as ColdProbe;

    log('cold (no state) and incremental takeSnapshot in this process');
    const warmFloor: number[] = [];
    const warmCold: number[] = [];
    let last: ProcessSample | null = null;
    for (let i = 0; i < WARM_RUNS; i++) {
      warmFloor.push(timeSync(procFloor));
      warmCold.push(await timeAsync(async () => (last = await takeSnapshot(projects))));
    }
    const incremental: number[] = [];
    const incFloor: number[] = [];
    let state = (last as unknown as ProcessSample).state;
    for (let i = 0; i < INCREMENTAL_RUNS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      incFloor.push(timeSync(procFloor));
      incremental.push(await timeAsync(async () => (state = (await takeSnapshot(projects, state)).state)));
    }

    log(`monitor idle with ${MONITORED} running projects for ${idleSeconds} s (fresh process)`);
    const idle = await runProbe<IdleProbe>(probes, 'idle', [JSON.stringify(projects.slice(0, MONITORED)), String(idleSeconds)]);
    const loadEnd = os.loadavg();

    const floorName = `readdir /proc + ${shape.processes}× stat`;
    const rows: Row[] = [
      { measure: 'takeSnapshot cold (fresh process, median of 3)', value: round(cold.snapshotMs), unit: 'ms', target: { max: 120, on: 'value' }, floor: { name: `${floorName}, fresh process`, value: round(cold.floorMs) } },
      { measure: `takeSnapshot cold (warm process, median of ${WARM_RUNS})`, value: round(median(warmCold)), unit: 'ms', target: { max: 120, on: 'value' }, floor: { name: floorName, value: round(median(warmFloor)) } },
      { measure: `takeSnapshot incremental (median of ${INCREMENTAL_RUNS})`, value: round(median(incremental), 2), unit: 'ms', floor: { name: floorName, value: round(median(incFloor), 2) } },
      { measure: `monitor idle CPU, % of one core (${MONITORED} projects running, every ${idle.intervalMs} ms)`, value: round(idle.cpuPercent, 2), unit: '', target: { max: 1, on: 'value' } },
      { measure: '  same, CPU per sample', value: round(idle.cpuMs / Math.max(1, idle.samples), 2), unit: 'ms', floor: { name: 'incremental takeSnapshot', value: round(median(incremental), 2) } },
    ];
    const results = rows.map(evaluate);
    const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, kernel: os.release(), loadStart: loadStart.map((l) => round(l, 2)), loadEnd: loadEnd.map((l) => round(l, 2)) };
    if (json) {
      process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), machine, colds, warmCold, warmFloor, incremental, incFloor, idle, rows: results }, null, 2)}\n`);
      return;
    }
    const out = [
      `Optimus runtime benchmark: ${pids} pids in /proc, ${shape.processes} sampled once kernel threads are left out (${SERVERS} node servers under sh in projects, ${sleepers} sleep); ${shape.listeningSockets} listening sockets`,
      `machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, kernel ${machine.kernel}, load average ${machine.loadStart.join(' ')} at start, ${machine.loadEnd.join(' ')} at end`,
      '',
      table(results),
      '',
      `cold sample: ${shape.inProjects} processes placed in projects, ${shape.withPorts} with ports, fd lists read for ${shape.fdScans} processes`,
      `idle: ${idle.samples} samples in ${round(idle.wallMs / 1000)} s used ${round(idle.cpuMs)} ms of CPU, ${round(idle.inSamplesMs)} ms of it inside the samples`,
      `${results.filter((r) => r.met === true).length} targets met, ${results.filter((r) => r.met === false).length} missed`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    log('stopping every process the bench started');
    killAll();
    rmSync(root, { recursive: true, force: true });
  }
}

async function probe(name: string, args: string[]): Promise<void> {
  const projects = JSON.parse(args[0] ?? '[]') as string[];
  const result = name === 'cold' ? await probeCold(projects) : name === 'idle' ? await probeIdle(projects, Number(args[1] ?? 20)) : null;
  if (!result) throw new Error(`no probe called ${name}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// SIGKILL the load on any way out: an exception, Ctrl-C, a kill of the bench itself.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

const probeAt = process.argv.indexOf('--probe');
(probeAt >= 0 ? probe(process.argv[probeAt + 1] ?? '', process.argv.slice(probeAt + 2)) : main()).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
