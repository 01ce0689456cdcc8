/**
 * One cold sample in a fresh process: `scan ROOT` times the first scanRoots call; `floor DIRS_FILE` times a
 * bare readdir of every folder listed (one per line) — the least any scanner has to do. Prints JSON.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { makeIgnoreMatcher } from '../../language-server/scanner/ignore';
import { scanRoots } from '../../language-server/scanner/scan';
import { readdirFloor } from '../floor';

async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  if (!arg || (mode !== 'scan' && mode !== 'floor')) throw new Error('usage: scan.ts scan ROOT | floor DIRS_FILE');
  const dirs = mode === 'floor' ? readFileSync(arg, 'utf8').split('\n').filter(Boolean) : [];
  const ignore = makeIgnoreMatcher([], os.homedir());
  const start = performance.now();
  const projects = mode === 'scan' ? (await scanRoots([arg], { maxDepth: 4, ignore })).projects.length : await readdirFloor(dirs);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, count: projects })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
