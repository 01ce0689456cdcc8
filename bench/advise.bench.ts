/**
 * The advisor over the benchmark portfolio (200 git projects, bench/portfolio.ts): scan once (not timed), then
 * `advise` for all of them cold (project checks walk each folder) and warm (checks cached, as in the server),
 * beside a floor measured in the same run: reading each project's package.json once.
 *   node --import tsx bench/advise.bench.ts [--json]
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { advise } from '../language-server/advisor/recommend/advise';
import { collectSignals } from '../language-server/advisor/recommend/collectSignals';
import { makeIgnoreMatcher } from '../language-server/scanner/ignore';
import { ProjectIndex } from '../language-server/scanner/projectIndex';
import { ensurePortfolio } from './portfolio';
import { evaluate, table, type Row } from './report';
import { median, round } from './stats';

async function main(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const { summary } = await ensurePortfolio(42, log);
  const index = new ProjectIndex(null);
  await index.refresh({ roots: [summary.dir], maxDepth: 4, ignore: makeIgnoreMatcher([], os.homedir()) }, { waitForDetails: true });
  const projects = index.all();
  const backupDir = path.join(os.tmpdir(), 'optimus-bench-no-backups');
  const run = async (): Promise<number> => {
    const t = performance.now();
    advise(await collectSignals(projects, { store: null, backupDir }));
    return performance.now() - t;
  };
  const cold = await run();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await run());
  const floors: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await Promise.all(projects.map((p) => readFile(path.join(p.path, 'package.json'), 'utf8').catch(() => '')));
    floors.push(performance.now() - t);
  }
  const count = advise(await collectSignals(projects, { store: null, backupDir })).length;
  const floor = { name: 'read each package.json once', value: round(median(floors), 1) };
  const rows: Row[] = [
    { measure: `advise, ${projects.length} projects, cold (${count} recommendations)`, value: round(cold, 0), unit: 'ms', floor },
    { measure: `advise, ${projects.length} projects, warm (median of 5)`, value: round(median(warm), 1), unit: 'ms', target: { max: 1000, on: 'value' }, floor },
  ];
  const results = rows.map(evaluate);
  if (process.argv.includes('--json')) return void process.stdout.write(`${JSON.stringify({ rows: results }, null, 2)}\n`);
  process.stdout.write(`Optimus advisor benchmark (${os.cpus().length} cores, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})\n\n${table(results)}\n`);
}

void main();
