/**
 * The watcher in a fresh process (run with --expose-gc): after a full scan and git read, how long LiveIndex's
 * rewatch() takes to set every watch and what it costs in memory; then how long a change takes to show: a new
 * project folder under the root, and a commit in one repository. Leaves the portfolio as it found it. Prints JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Project } from '../../language-server/model';
import { makeIgnoreMatcher } from '../../language-server/scanner/ignore';
import { LiveIndex } from '../../language-server/scanner/liveIndex';
import { ProjectIndex, type IndexChange } from '../../language-server/scanner/projectIndex';
import { SCRATCH_PREFIX } from '../portfolio';

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

function memory(): { rssMb: number; heapMb: number } {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed) };
}

/** Resolves with the ms from now until an index change satisfies `check` (or -1 after `timeoutMs`). */
function until(index: ProjectIndex, check: (change: IndexChange) => boolean, timeoutMs = 10_000): { wait: Promise<number>; start: () => void } {
  let t0 = performance.now();
  const wait = new Promise<number>((resolve) => {
    const timer = setTimeout(() => (off(), resolve(-1)), timeoutMs);
    const off = index.onChange((change) => {
      if (!check(change)) return;
      clearTimeout(timer);
      off();
      resolve(performance.now() - t0);
    });
  });
  return { wait, start: () => (t0 = performance.now()) };
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd, encoding: 'utf8' }).trim();

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: watch.ts ROOT');
  const settings = { roots: [root], maxDepth: 4, ignore: makeIgnoreMatcher([], os.homedir()) };
  const index = new ProjectIndex(null);
  await index.refresh(settings, { waitForDetails: true });
  const before = memory();
  const live = new LiveIndex(index, () => settings, (m) => process.stderr.write(`${m}\n`));
  const t0 = performance.now();
  await live.rewatch();
  const rewatchMs = performance.now() - t0;
  const after = memory();
  const watchedFolders = live.watchedFolders;

  // A new project: a folder with a package.json, straight under the root.
  const scratch = path.join(root, `${SCRATCH_PREFIX}${process.pid}`);
  const added = until(index, (c) => c.updated.some((p) => p.path === scratch));
  let newProjectMs = -1;
  let commitMs = -1;
  let commitRunMs = -1;
  const repo = index.all().find((p): p is Project & { git: NonNullable<Project['git']> } => p.git !== null && p.parent === null && p.git.branch !== null);
  if (!repo) throw new Error('no repository with a branch in the portfolio');
  const oldHead = git(repo.path, 'rev-parse', 'HEAD');
  try {
    added.start();
    await mkdir(scratch);
    await writeFile(path.join(scratch, 'package.json'), '{ "name": "bench-new", "dependencies": { "express": "^4.19.0" } }\n');
    newProjectMs = await added.wait;
    await new Promise((r) => setTimeout(r, 500)); // let the walk's git read finish before the next change

    // A commit in one repository: from the end of `git commit` to the index showing the new head.
    let newHead = '';
    const committed = until(index, (c) => c.updated.some((p) => p.path === repo.path && p.git?.complete === true && p.git.head === newHead));
    const c0 = performance.now();
    git(repo.path, 'commit', '--allow-empty', '-q', '-m', 'bench: empty commit');
    commitRunMs = performance.now() - c0;
    committed.start();
    newHead = git(repo.path, 'rev-parse', 'HEAD');
    commitMs = await committed.wait;
  } finally {
    if (git(repo.path, 'rev-parse', 'HEAD') !== oldHead) git(repo.path, 'update-ref', '-m', 'bench: undo', 'HEAD', oldHead);
    await rm(scratch, { recursive: true, force: true });
    live.dispose();
    index.dispose();
  }
  const out = { rewatchMs, watchedFolders, projects: index.all().length, containers: index.containers.length, before, after, newProjectMs, commitMs, commitRunMs };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
