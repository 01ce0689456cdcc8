/**
 * The complexity engine's speed against the target (parse + measure ≤ 3× a plain TypeScript parse of
 * the same files), on ~100k lines of real JS/TS from node_modules and this repository, and on one file of
 * about 2,000 lines. The floor (parseScript alone) is measured in the same run; nothing fails on timing.
 *
 *   npx tsx bench/analyzer-complexity.bench.ts             the table
 *   npx tsx bench/analyzer-complexity.bench.ts --json      one JSON document
 *   npx tsx bench/analyzer-complexity.bench.ts --lines 200000   another corpus size
 *
 * "Fresh process" rows run this file again with `--probe floor|measure`: the first parse in a process pays for
 * loading TypeScript and warming the JIT, which is what a user's first analysis costs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureScript } from '../language-server/analyzer/complexity/measureScript';
import { measureText } from '../language-server/analyzer/complexity/measureText';
import { languageOf, parseScript, typescript } from '../language-server/analyzer/source';
import { evaluate, table, type Row } from './report';
import { median, REPO, round, runJsonProcess } from './stats';

const ROOTS = ['node_modules/eslint/lib', 'node_modules/@typescript-eslint', 'node_modules/yaml/dist', 'node_modules/tar/dist', 'node_modules/minimatch/dist', 'node_modules/ajv/lib', 'language-server'];
const SCRIPT = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
const WARM_RUNS = 5;
const SMALL_RUNS = 20;
const MAX_BYTES = 1 << 20;

interface Source {
  path: string;
  text: string;
  lines: number;
}

function walk(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, into);
    else if (SCRIPT.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) into.push(full);
  }
}

/** Files in a fixed order until `lines` lines: the same corpus every run on the same install. */
function corpus(lines: number): Source[] {
  const files: string[] = [];
  for (const root of ROOTS) walk(path.join(REPO, root), files);
  files.sort();
  const out: Source[] = [];
  let total = 0;
  for (const file of files) {
    if (total >= lines) break;
    if (statSync(file).size > MAX_BYTES) continue;
    const text = readFileSync(file, 'utf8');
    const n = text.split('\n').length;
    out.push({ path: file, text, lines: n });
    total += n;
  }
  return out;
}

function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const parseAll = (files: readonly Source[]): void => {
  for (const f of files) parseScript(f.path, f.text);
};
const measureAll = (files: readonly Source[]): void => {
  for (const f of files) measureScript(parseScript(f.path, f.text), f.path);
};
const measureAllAsText = (files: readonly Source[]): void => {
  for (const f of files) measureText({ path: f.path, text: f.text, language: languageOf(f.path) });
};

/** `--probe floor|measure`: one pass in this fresh process, loading TypeScript included. */
function probe(kind: string, lines: number): void {
  const files = corpus(lines);
  const ms = timeMs(() => (kind === 'floor' ? parseAll(files) : measureAll(files)));
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

/** Alternates floor and measure so that drift and GC land on both. */
function warm(files: readonly Source[], runs: number): { floor: number; measure: number; text: number } {
  const floor: number[] = [];
  const measure: number[] = [];
  const text: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timeMs(() => parseAll(files)));
    measure.push(timeMs(() => measureAll(files)));
    text.push(timeMs(() => measureAllAsText(files)));
  }
  return { floor: median(floor), measure: median(measure), text: median(text) };
}

function closestTo(files: readonly Source[], lines: number): Source {
  return files.reduce((best, f) => (Math.abs(f.lines - lines) < Math.abs(best.lines - lines) ? f : best));
}

function parseArgs(argv: string[]): { json: boolean; lines: number; probe: string | null } {
  const at = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lines = Number(at('--lines') ?? 100_000);
  if (!Number.isInteger(lines) || lines <= 0) throw new Error('--lines needs a positive whole number');
  return { json: argv.includes('--json'), lines, probe: at('--probe') ?? null };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.probe) return probe(args.probe, args.lines);
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const self = path.join(__dirname, 'analyzer-complexity.bench.ts');
  const fresh = async (kind: string): Promise<number> => (await runJsonProcess<{ ms: number }>(['--import', 'tsx', self, '--probe', kind, '--lines', String(args.lines)], `probe ${kind}`)).ms;
  log('fresh processes: floor, then measure');
  const coldFloor = await fresh('floor');
  const coldMeasure = await fresh('measure');

  const files = corpus(args.lines);
  const lines = files.reduce((n, f) => n + f.lines, 0);
  typescript();
  log(`warm: ${WARM_RUNS} rounds over ${files.length} files, ${lines} lines`);
  const w = warm(files, WARM_RUNS);
  const small = closestTo(files, 2000);
  const s = warm([small], SMALL_RUNS);

  const perSecond = (ms: number, n: number): number => Math.round((n / ms) * 1000);
  const rows: Row[] = [
    { measure: `parse + measure, ${lines} lines, fresh process`, value: round(coldMeasure), unit: 'ms', target: { max: 3, on: 'ratio' }, floor: { name: 'parseScript only, fresh process', value: round(coldFloor) } },
    { measure: `parse + measure, warm (median of ${WARM_RUNS})`, value: round(w.measure), unit: 'ms', target: { max: 3, on: 'ratio' }, floor: { name: 'parseScript only, warm', value: round(w.floor) } },
    { measure: `  measureText on the same files (regex estimate)`, value: round(w.text), unit: 'ms', floor: { name: 'parseScript only, warm', value: round(w.floor) } },
    { measure: `${small.lines}-line file: parse + measure (median of ${SMALL_RUNS})`, value: round(s.measure, 2), unit: 'ms', target: { max: 3, on: 'ratio' }, floor: { name: 'parseScript only', value: round(s.floor, 2) } },
  ];
  const results = rows.map(evaluate);
  const rates = {
    freshLinesPerSecond: perSecond(coldMeasure, lines),
    warmLinesPerSecond: perSecond(w.measure, lines),
    warmFloorLinesPerSecond: perSecond(w.floor, lines),
    textLinesPerSecond: perSecond(w.text, lines),
  };
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, typescript: typescript().version, load: os.loadavg().map((l) => round(l, 2)) };
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), machine, files: files.length, lines, smallFile: path.relative(REPO, small.path), rates, rows: results }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `Optimus complexity benchmark: ${files.length} files, ${lines.toLocaleString('en-US')} lines of JS/TS (${ROOTS.join(', ')})`,
      `machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, typescript ${machine.typescript}, load average ${machine.load.join(' ')}`,
      '',
      table(results),
      '',
      `lines/s: ${rates.freshLinesPerSecond.toLocaleString('en-US')} fresh, ${rates.warmLinesPerSecond.toLocaleString('en-US')} warm (floor ${rates.warmFloorLinesPerSecond.toLocaleString('en-US')}); measureText ${rates.textLinesPerSecond.toLocaleString('en-US')}`,
      `2,000-line file: ${path.relative(REPO, small.path)}`,
    ].join('\n') + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
