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
  const perTextFloor = cases.map((c) => timed(() => scan(c.text), 5));
  const log = megabyteLog();
  const logMs = timed(() => diagnoser.diagnose(log), 5);
  const logFloor = timed(() => scan(log), 5);
  const logId = diagnoser.diagnose(log).id;
  const rows: Row[] = [
    { measure: `dev corpus accuracy (${cases.length - misses.length}/${cases.length}), %`, value: round(accuracy * 100, 1), unit: '' },
    { measure: 'one diagnosis, median over the corpus texts', value: round(median(perText), 2), unit: 'ms', target: { max: 5, on: 'value' }, floor: { name: 'one regex scan of the text', value: round(median(perTextFloor), 3) } },
    { measure: `a 1 MB log (found: ${logId})`, value: round(logMs, 1), unit: 'ms', target: { max: 200, on: 'value' }, floor: { name: 'one regex scan of the log', value: round(logFloor, 2) } },
    { measure: `loading the knowledge base (${diagnoser.entries.length} entries)`, value: round(loadMs, 1), unit: 'ms' },
  ];
  const results = rows.map(evaluate);
  if (process.argv.includes('--json')) return void process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), rows: results, misses: misses.map((m) => m.label) }, null, 2)}\n`);
  const machine = `${os.cpus().length} cores, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
  process.stdout.write(`Optimus troubleshooter benchmark (${machine})\n\n${table(results)}\n`);
  if (misses.length > 0) process.stdout.write(`\nmisses: ${misses.map((m) => `${m.label} → ${diagnoser.diagnose(m.text).id}`).join('; ')}\n`);
}

void main();
