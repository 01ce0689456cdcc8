/**
 * The troubleshooter's figures: accuracy on the development corpus (74 real error texts), the median time of
 * one diagnosis, and a 1 MB log, each beside a floor measured in the same run: one case-insensitive regular
 * expression scanning the same text (what reading the text once costs).
 *   node --import tsx bench/diagnosis.bench.ts [--json]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDiagnoser } from '../language-server/troubleshooter/diagnoser';
import { evaluate, table, type Row } from './report';
import { median, REPO, round } from './stats';

interface Case {
  label: string;
  text: string;
}

const corpus = (): Case[] =>
  readFileSync(path.join(REPO, 'test/fixtures/diagnosis/dev-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Case);

/** A dev server's log: 1 MB of ordinary request lines and warnings, with the failure near the end. */
function megabyteLog(): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const line = i % 50 === 0 ? `(node:4121) Warning: request ${i} took ${i % 900} ms` : `[${new Date(1_700_000_000_000 + i * 1000).toISOString()}] GET /api/items/${i} 200 ${i % 97} ms - ${i * 13} bytes`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push("Error: listen EADDRINUSE: address already in use :::3000", '    at Server.setupListenHandle [as _listen2] (node:net:1817:16)', '    at listenInCluster (node:net:1865:12)', '    at Object.<anonymous> (/home/me/shop/server.js:41:5)');
  return lines.join('\n');
}

/** The worst case for focusing: every line has a word failures use, so the whole megabyte is read. */
function noisyLog(): string {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 1024 * 1024; i++) {
    const line = `npm WARN deprecated package-${i}@1.${i % 10}.0: this version is no longer supported, please update`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('npm ERR! code ERESOLVE', 'npm ERR! ERESOLVE unable to resolve dependency tree');
  return lines.join('\n');
}

/** Adversarial: every line differs and names an error, so nothing can be skipped. Not a log anyone has. */
function uniqueErrorLines(): string {
  const word = (n: number): string => n.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 1024 * 1024; i++) {
    const line = `error: step ${word(i)} of job ${word(i * 7)} could not finish its work in ${word(i * 13)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function timed(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const scan = (text: string): number => text.match(/error|exception|fatal/gi)?.length ?? 0;

async function main(): Promise<void> {
  const loadStart = performance.now();
  const diagnoser = await createDiagnoser();
  const loadMs = performance.now() - loadStart;
  const cases = corpus();
  const misses = cases.filter((c) => diagnoser.diagnose(c.text).id !== c.label);
  const accuracy = (cases.length - misses.length) / cases.length;
  for (const c of cases) diagnoser.diagnose(c.text); // warm the JIT before timing
  const perText = cases.map((c) => timed(() => diagnoser.diagnose(c.text), 5));
  const allTexts = timed(() => cases.forEach((c) => diagnoser.diagnose(c.text)), 5);
  const allTextsFloor = timed(() => cases.forEach((c) => scan(c.text)), 5);
  const noisy = noisyLog();
  const noisyMs = timed(() => diagnoser.diagnose(noisy), 3);
  const noisyFloor = timed(() => scan(noisy), 3);
  const unique = uniqueErrorLines();
  const uniqueMs = timed(() => diagnoser.diagnose(unique), 3);
  const log = megabyteLog();
  const logMs = timed(() => diagnoser.diagnose(log), 5);
  const logFloor = timed(() => scan(log), 5);
  const logId = diagnoser.diagnose(log).id;
  const rows: Row[] = [
    { measure: `dev corpus accuracy (${cases.length - misses.length}/${cases.length}), %`, value: round(accuracy * 100, 1), unit: '' },
    { measure: 'one diagnosis, median over the corpus texts', value: round(median(perText), 2), unit: 'ms', target: { max: 5, on: 'value' } },
    { measure: `all ${cases.length} corpus texts, one after another`, value: round(allTexts, 1), unit: 'ms', floor: { name: 'one regex scan of each', value: round(allTextsFloor, 2) } },
    { measure: `a 1 MB dev-server log (found: ${logId})`, value: round(logMs, 1), unit: 'ms', target: { max: 200, on: 'value' }, floor: { name: 'one regex scan of the log', value: round(logFloor, 2) } },
    { measure: `1 MB where every line is a warning (found: ${diagnoser.diagnose(noisy).id})`, value: round(noisyMs, 1), unit: 'ms', target: { max: 200, on: 'value' }, floor: { name: 'one regex scan of the log', value: round(noisyFloor, 2) } },
    { measure: '1 MB of distinct error lines, nothing to skip (adversarial)', value: round(uniqueMs, 1), unit: 'ms', floor: { name: 'one regex scan of the log', value: round(timed(() => scan(unique), 3), 2) } },
    { measure: `loading the knowledge base (${diagnoser.entries.length} entries)`, value: round(loadMs, 1), unit: 'ms' },
  ];
  const results = rows.map(evaluate);
  if (process.argv.includes('--json')) return void process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), rows: results, misses: misses.map((m) => m.label) }, null, 2)}\n`);
  const machine = `${os.cpus().length} cores, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
  process.stdout.write(`Optimus troubleshooter benchmark (${machine})\n\n${table(results)}\n`);
  if (misses.length > 0) process.stdout.write(`\nmisses: ${misses.map((m) => `${m.label} → ${diagnoser.diagnose(m.text).id}`).join('; ')}\n`);
}

void main();
