/** Full git state (readGitStates) against a plain sequential `git status --porcelain=v2` loop over the same repos. */
import { execFile, spawn } from 'node:child_process';
import { DEFAULT_GIT_CONCURRENCY, readGitStates } from '../language-server/scanner/git/state';
import { cpuMs, median, round } from './stats';

export interface Sample {
  /** Median wall ms. */
  ms: number;
  /** Median CPU ms (this process and its git children). */
  cpuMs: number;
}

export interface GitFigures {
  repos: number;
  concurrency: number;
  runs: number;
  readGitStates: Sample;
  /** The floor: one `git status --porcelain=v2` after another, spawned from Node with execFile. */
  nodeLoop: Sample;
  /** For reference: the same loop in bash. */
  bashLoop: Sample;
  /** States that came back with an error (should be 0). */
  errors: number;
}

const RUNS = 7;

function execGit(cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('git', ['status', '--porcelain=v2'], { cwd, maxBuffer: 16 << 20 }, (error) => (error ? reject(error) : resolve()));
  });
}

async function nodeLoop(repos: readonly string[]): Promise<void> {
  for (const repo of repos) await execGit(repo);
}

function bashLoop(repos: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = 'while IFS= read -r d; do git -C "$d" status --porcelain=v2 >/dev/null || exit 1; done';
    const child = spawn('bash', ['-c', script], { stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bash loop exited with ${code}`))));
    child.stdin.end(`${repos.join('\n')}\n`);
  });
}

async function sample(work: () => Promise<unknown>): Promise<{ ms: number; cpu: number }> {
  const cpu0 = cpuMs();
  const t0 = performance.now();
  await work();
  return { ms: performance.now() - t0, cpu: cpuMs() - cpu0 };
}

export async function measureGit(repos: readonly string[], log: (line: string) => void): Promise<GitFigures> {
  const kinds = {
    readGitStates: () => readGitStates(repos),
    nodeLoop: () => nodeLoop(repos),
    bashLoop: () => bashLoop(repos),
  };
  type Kind = keyof typeof kinds;
  const names = Object.keys(kinds) as Kind[];
  const seen: Record<Kind, Array<{ ms: number; cpu: number }>> = { readGitStates: [], nodeLoop: [], bashLoop: [] };
  const states = await readGitStates(repos); // warm-up: JIT, page cache, git's own caches
  await nodeLoop(repos);
  for (let i = 0; i < RUNS; i++) {
    log(`git: run ${i + 1}/${RUNS}`);
    const order = names.map((_, k) => names[(i + k) % names.length] as Kind); // rotate to spread drift evenly
    for (const kind of order) seen[kind].push(await sample(kinds[kind]));
  }
  const summarize = (kind: Kind): Sample => ({ ms: round(median(seen[kind].map((s) => s.ms))), cpuMs: round(median(seen[kind].map((s) => s.cpu))) });
  return {
    repos: repos.length,
    concurrency: DEFAULT_GIT_CONCURRENCY,
    runs: RUNS,
    readGitStates: summarize('readGitStates'),
    nodeLoop: summarize('nodeLoop'),
    bashLoop: summarize('bashLoop'),
    errors: states.filter((s) => s.error !== undefined).length,
  };
}
