/**
 * The scanner's figures against the targets, on 200 generated projects of mixed stacks with
 * node_modules/.venv/target trees inside (~175k files, cached in .cache/bench-portfolio/). Every figure is
 * printed beside a floor measured in the same run, because absolute times drift on a small noisy machine.
 * Nothing here fails on timing.
 *
 *   npm run bench                 the table
 *   npm run -s bench -- --json    one JSON document of all figures (progress goes to stderr; -s keeps npm's banner out)
 *   npm run bench -- --seed 7     another portfolio
 *   npm run bench -- --no-drop-caches   skip the samples that drop the page cache (as root, for everyone)
 */
import os from 'node:os';
import { measureDiscovery, scanOnce, type DiscoveryFigures } from './discovery';
import { measureGit, type GitFigures } from './git';
import { ensurePortfolio } from './portfolio';
import { evaluate, table, type Row } from './report';
import { measureServer, type ServerFigures } from './server';
import { median, round, run, runProbe } from './stats';

interface WatchSample {
  rewatchMs: number;
  watchedFolders: number;
  before: { rssMb: number; heapMb: number };
  after: { rssMb: number; heapMb: number };
  newProjectMs: number;
  commitMs: number;
  commitRunMs: number;
}

const WATCH_SAMPLES = 3;

function parseArgs(argv: string[]): { json: boolean; seed: number; dropCaches: boolean } {
  const i = argv.indexOf('--seed');
  const seed = i >= 0 ? Number(argv[i + 1]) : 42;
  if (!Number.isInteger(seed)) throw new Error('--seed needs a whole number');
  return { json: argv.includes('--json'), seed, dropCaches: !argv.includes('--no-drop-caches') };
}

async function measureWatcher(root: string, log: (line: string) => void): Promise<WatchSample> {
  const samples: WatchSample[] = [];
  for (let i = 0; i < WATCH_SAMPLES; i++) {
    log(`watcher: sample ${i + 1}/${WATCH_SAMPLES} (fresh process)`);
    samples.push(await runProbe<WatchSample>('watch.ts', [root], ['--expose-gc']));
  }
  const m = (f: (s: WatchSample) => number): number => round(median(samples.map(f)));
  return {
    rewatchMs: m((s) => s.rewatchMs),
    watchedFolders: m((s) => s.watchedFolders),
    before: { rssMb: m((s) => s.before.rssMb), heapMb: m((s) => s.before.heapMb) },
    after: { rssMb: m((s) => s.after.rssMb), heapMb: m((s) => s.after.heapMb) },
    newProjectMs: m((s) => s.newProjectMs),
    commitMs: m((s) => s.commitMs),
    commitRunMs: m((s) => s.commitRunMs),
  };
}

/** Each figure with its target and floor; the order is the table's. */
function rowsFor(d: DiscoveryFigures, git: GitFigures, watcher: WatchSample, server: ServerFigures): Row[] {
  const folders = `readdir ×${d.foldersListed}`;
  return [
    { measure: 'discovery + stacks, cold (fresh process)', value: d.cold.scan, unit: 'ms', target: { max: 150, on: 'value' }, floor: { name: `${folders}, cold`, value: d.cold.floor } },
    ...(d.trulyCold
      ? [{ measure: 'discovery + stacks, page cache dropped', value: d.trulyCold.scan, unit: 'ms', floor: { name: `${folders}, page cache dropped`, value: d.trulyCold.floor } } satisfies Row]
      : []),
    { measure: `discovery + stacks, warm (median of ${d.warm.samples})`, value: d.warm.scan, unit: 'ms', target: { max: 30, on: 'value' }, floor: { name: `${folders}, warm`, value: d.warm.floor } },
    { measure: `server re-walk on a folder event (median of ${d.warmWalk.samples})`, value: d.warmWalk.scan, unit: 'ms', target: { max: 30, on: 'value' }, floor: { name: `${folders}, warm`, value: d.warmWalk.floor } },
    { measure: 'server: initialize answered', value: server.emptyStore.initializeMs, unit: 'ms', floor: { name: 'node -e first byte', value: server.nodeFirstByteMs } },
    { measure: `branches shown, empty store (${server.emptyStore.branchesState})`, value: server.emptyStore.branchesMs, unit: 'ms', target: { max: 300, on: 'value' }, floor: { name: 'node -e first byte', value: server.nodeFirstByteMs } },
    { measure: `branches shown, warm store (${server.warmStore.branchesState})`, value: server.warmStore.branchesMs, unit: 'ms', target: { max: 300, on: 'value' }, floor: { name: 'node -e first byte', value: server.nodeFirstByteMs } },
    { measure: `full git state, readGitStates (c=${git.concurrency})`, value: git.readGitStates.ms, unit: 'ms', target: { max: 1.3, on: 'ratio' }, floor: { name: 'git status loop (execFile)', value: git.nodeLoop.ms } },
    { measure: '  same, CPU time', value: git.readGitStates.cpuMs, unit: 'ms', floor: { name: 'git status loop CPU', value: git.nodeLoop.cpuMs } },
    { measure: '  git status loop in bash (reference)', value: git.bashLoop.ms, unit: 'ms', floor: { name: 'git status loop (execFile)', value: git.nodeLoop.ms } },
    { measure: 'server: all git states in after the list, empty store', value: server.emptyStore.gitAfterReadyMs, unit: 'ms', target: { max: 1.3, on: 'ratio' }, floor: { name: 'git status loop (execFile)', value: git.nodeLoop.ms } },
    { measure: 'server: all git states in after the list, warm store', value: server.warmStore.gitAfterReadyMs, unit: 'ms', target: { max: 1.3, on: 'ratio' }, floor: { name: 'git status loop (execFile)', value: git.nodeLoop.ms } },
    { measure: 'server: all git states in after spawn, empty store', value: server.emptyStore.gitCompleteMs, unit: 'ms' },
    { measure: `watcher ready: rewatch() of ${watcher.watchedFolders} folders`, value: watcher.rewatchMs, unit: 'ms', target: { max: 200, on: 'value' } },
    { measure: 'watcher memory: RSS after − before', value: round(watcher.after.rssMb - watcher.before.rssMb), unit: 'MB', target: { max: 20, on: 'value' } },
    { measure: 'watcher memory: heap after − before', value: round(watcher.after.heapMb - watcher.before.heapMb), unit: 'MB' },
    { measure: 'change shown: new project folder', value: watcher.newProjectMs, unit: 'ms', target: { max: 1000, on: 'value' }, floor: { name: 'warm discovery + stacks', value: d.warm.scan } },
    { measure: 'change shown: commit (after git exits)', value: watcher.commitMs, unit: 'ms', target: { max: 1000, on: 'value' } },
    { measure: 'server RSS settled, empty store', value: server.emptyStore.rssMb, unit: 'MB', target: { max: 150, on: 'value' } },
    { measure: 'server RSS settled, warm store', value: server.warmStore.rssMb, unit: 'MB', target: { max: 150, on: 'value' } },
    { measure: 'server peak RSS (VmHWM), empty store', value: server.emptyStore.hwmMb, unit: 'MB', target: { max: 150, on: 'value' } },
  ];
}

async function main(): Promise<void> {
  const { json, seed, dropCaches } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const loadStart = os.loadavg();
  const { summary, generated } = await ensurePortfolio(seed, log);
  const root = summary.dir;
  const projects = (await scanOnce(root)).projects;
  const repos = projects.filter((p) => p.git !== null).map((p) => p.path);

  const d = await measureDiscovery(root, dropCaches, log);
  const git = await measureGit(repos, log);
  const watcher = await measureWatcher(root, log);
  const server = await measureServer(root, projects, log);
  const loadEnd = os.loadavg();

  const results = rowsFor(d, git, watcher, server).map(evaluate);
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    git: (await run('git', ['--version'])).trim().replace(/^git version /, ''),
    kernel: os.release(),
    loadStart: loadStart.map((l) => round(l, 2)),
    loadEnd: loadEnd.map((l) => round(l, 2)),
  };
  const portfolio = { dir: root, seed, projects: summary.projects.length, scanned: d.projects, gitRepos: d.gitRepos, containers: d.containers, files: summary.totalFiles, generatedThisRun: generated };
  if (json) {
    process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), machine, portfolio, discovery: d, git, watcher, server, rows: results }, null, 2)}\n`);
    return;
  }
  const out = [
    `Optimus scan benchmark: ${portfolio.projects} projects (${d.projects} with workspace members; ${d.gitRepos} git repos; ${d.containers} folders above projects), ${portfolio.files.toLocaleString('en-US')} files`,
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}, git ${machine.git}, load average ${machine.loadStart.join(' ')} at start, ${machine.loadEnd.join(' ')} at end`,
  ];
  if (!d.trulyCold) out.push(`page cache: ${dropCaches ? 'could not be dropped here (needs root)' : 'not dropped (--no-drop-caches)'}, so there is no truly cold figure`);
  out.push(
    '',
    table(results),
    '',
    `cold = first call in a fresh Node process (median of ${d.cold.samples}); git = median of ${git.runs} rotated runs over ${git.repos} repos; server = median of ${server.samples} starts${server.built ? ' (built first)' : ''}`,
    `watcher: ${watcher.watchedFolders} folders watched, RSS ${watcher.before.rssMb} → ${watcher.after.rssMb} MB, heap ${watcher.before.heapMb} → ${watcher.after.heapMb} MB (after gc); git commit itself took ${watcher.commitRunMs} ms`,
    `${results.filter((r) => r.met === true).length} targets met, ${results.filter((r) => r.met === false).length} missed`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
