/**
 * The whole analyzer against the issue's targets, on ~100k lines of real JS/TS copied from node_modules (and
 * this repository's language-server/) into a temp project folder:
 *   1. analyzeProject without ESLint/types in a fresh process (≤ 2 s, ≤ 3× a plain TS parse of the same files,
 *      also in a fresh process), then again with a sql.js store so that a re-run comes from the content-hash cache;
 *   2. diagnostics of a 2,000-line JS file after a didChange, over LSP from the real server (dist/server.js), with
 *      ESLint off and on (≤ 150 ms after the server's deliberate 150 ms debounce);
 *   3. the server's memory while it analyzes the whole project (optimus/analyzeProject), ESLint off and on (≤ 300 MB).
 * Complexity alone and ESLint alone have their own benches (analyzer-complexity, analyzer-lint). Nothing fails on timing.
 *
 *   npx tsx bench/analyzer.bench.ts              the table
 *   npx tsx bench/analyzer.bench.ts --json       one JSON document
 *   npx tsx bench/analyzer.bench.ts --samples 1  fewer fresh-process samples (default 3)
 *
 * Fresh-process measures run this file bundled by esbuild as the server is (TypeScript external), under plain
 * node with `--probe <name>`: what a user's first analysis costs, loading TypeScript included.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzeProject } from '../language-server/analyzer/analyzeProject';
import { looksMinified } from '../language-server/analyzer/lint/skipFile';
import { parseScript } from '../language-server/analyzer/source';
import { SKIP_DIRS } from '../language-server/scanner/markers';
import { Store } from '../language-server/store/store';
import { buildIfStale, LspServer } from './analyzer/lspServer';
import { evaluate, table, type Row } from './report';
import { median, memoryOf, REPO, round, runJsonProcess } from './stats';

/** Taken in this order until ~100k lines; paths under node_modules unless they start with `/`. */
const SOURCES = ['/language-server', 'yaml/dist', 'tar/dist/commonjs', 'minimatch/dist/commonjs', '@typescript-eslint/typescript-estree/dist', '@typescript-eslint/scope-manager/dist', 'eslint/lib/rule-tester', 'eslint/lib'];
const TARGET_LINES = 100_000;
/** ESLint's rule tester, ~2,000 lines of hand-written JS: the issue's per-document size. */
const DOCUMENT = 'eslint/lib/rule-tester/rule-tester.js';
const CHANGES = 10;
const DEBOUNCE_MS = 150;
const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const THRESHOLDS = { complexityThreshold: 10, cognitiveThreshold: 15 };

interface Corpus {
  dir: string;
  files: string[];
  lines: number;
  document: string;
}

// ------------------------------------------------------------------------------------------------ setup

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return scripts(full);
    return SCRIPT.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name) ? [full] : [];
  });
}

/** Copies what analyzeProject would analyze (no minified or > 1 MB file), folders named like `dist` renamed so its walk enters them. */
function copyCorpus(root: string): Corpus {
  const modules = path.join(REPO, 'node_modules');
  const dir = path.join(root, 'project');
  const corpus: Corpus = { dir, files: [], lines: 0, document: path.join(dir, DOCUMENT) };
  const seen = new Set<string>();
  for (const source of SOURCES) {
    const from = source.startsWith('/') ? path.join(REPO, source) : path.join(modules, source);
    for (const file of scripts(from).sort()) {
      if (corpus.lines >= TARGET_LINES || seen.has(file) || statSync(file).size > 1 << 20) continue;
      const text = readFileSync(file, 'utf8');
      if (looksMinified(file, text.slice(0, 64 * 1024))) continue;
      seen.add(file);
      const rel = path.relative(source.startsWith('/') ? REPO : modules, file).split(path.sep).map((p) => (SKIP_DIRS.has(p) ? `${p}-src` : p));
      const to = path.join(dir, ...rel);
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, text);
      corpus.files.push(to);
      corpus.lines += text.split('\n').length;
    }
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-corpus', version: '1.0.0', private: true }, null, 2));
  if (!corpus.files.includes(corpus.document)) throw new Error(`${DOCUMENT} was not copied`);
  return corpus;
}

/** This file as one CommonJS bundle in <root>/dist, node_modules linked above it as for dist/server.js. */
async function bundleProbes(root: string): Promise<string> {
  const outfile = path.join(root, 'dist', 'analyzer-probes.js');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  const { build } = await import('esbuild'); // here, not at the top: the bundle must not need esbuild to load
  await build({ entryPoints: [__filename], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', external: ['esbuild', 'typescript'] });
  copyFileSync(path.join(REPO, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'), path.join(root, 'dist', 'sql-wasm.wasm'));
  return outfile;
}

// ------------------------------------------------------------------------------------------------ probes (fresh processes)

async function ms(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

type Run = Awaited<ReturnType<typeof analyzeProject>>;
const counts = (r: Run): { files: number; loc: number; findings: number; analyzed: number; cached: number } => ({ files: r.files.length, loc: r.files.reduce((n, f) => n + f.loc, 0), findings: r.findings.length, analyzed: r.analyzed, cached: r.cached });

interface StoreProbe {
  openMs: number;
  firstMs: number;
  first: ReturnType<typeof counts>;
  againMs: number;
  again: ReturnType<typeof counts>;
}

async function probe(name: string, [a = '', b = '']: string[]): Promise<unknown> {
  if (name === 'floor') {
    // Read + parseScript of every script: what any analysis of them must do at least (loading TypeScript included).
    const files = JSON.parse(readFileSync(a, 'utf8')) as string[];
    return { ms: await ms(() => files.forEach((f) => parseScript(f, readFileSync(f, 'utf8')))) };
  }
  if (name === 'analyze') {
    let r: Run | undefined;
    const t = await ms(async () => (r = await analyzeProject(a, { ...THRESHOLDS, store: null })));
    return { ms: t, ...counts(r as Run), hwmMb: memoryOf(process.pid).hwmMb };
  }
  if (name === 'store') {
    // Two runs with the store at `a`: on a new store the first fills it and the second comes from its cache.
    let store: Store | undefined;
    const openMs = await ms(async () => (store = (await Store.open(a)).store));
    const runs: { ms: number; r: Run }[] = [];
    for (let i = 0; i < 2; i++) {
      let r: Run | undefined;
      runs.push({ ms: await ms(async () => (r = await analyzeProject(b, { ...THRESHOLDS, store: store as Store }))), r: r as Run });
    }
    await store?.close();
    const [first, again] = runs as [{ ms: number; r: Run }, { ms: number; r: Run }];
    return { openMs, firstMs: first.ms, first: counts(first.r), againMs: again.ms, again: counts(again.r) } satisfies StoreProbe;
  }
  throw new Error(`no probe called ${name}`);
}

// ------------------------------------------------------------------------------------------------ main

interface LspFigures {
  lint: boolean;
  openMs: number;
  changes: number[];
  analyze: Awaited<ReturnType<LspServer['analyzeProject']>>;
  warnings: string[];
}

async function overLsp(root: string, corpus: Corpus, lint: boolean, log: (line: string) => void): Promise<LspFigures> {
  const home = mkdtempSync(path.join(root, `home-${lint ? 'lint' : 'nolint'}-`));
  log(`server (lint ${lint ? 'on' : 'off'}): start, open ${DOCUMENT}, ${CHANGES + 1} changes, then optimus/analyzeProject`);
  const server = await LspServer.start({ project: corpus.dir, lint, storePath: path.join(home, 'optimus.sqlite'), home });
  try {
    const uri = pathToFileURL(corpus.document).href;
    const lines = readFileSync(corpus.document, 'utf8').split('\n');
    const openMs = await server.open(uri, lines.join('\n'));
    const changes: number[] = [];
    for (let v = 2; v <= CHANGES + 2; v++) {
      await new Promise((r) => setTimeout(r, 300));
      // Appends a statement at the end: valid at top level, so ESLint does not stop at a parse error.
      const at = { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
      const insert = `\nconst edit${v} = ${v};`;
      lines.push(`const edit${v} = ${v};`);
      const t = await server.change(uri, v, at, insert);
      if (v > 2) changes.push(t); // the first change still warms the JIT: not counted
    }
    const analyze = await server.analyzeProject(corpus.dir);
    return { lint, openMs, changes, analyze, warnings: server.warnings };
  } finally {
    await server.stop();
  }
}

interface Figures {
  corpus: { files: number; lines: number; documentLines: number };
  floor: number[];
  analyze: { ms: number; files: number; loc: number; findings: number; analyzed: number; cached: number; hwmMb: number }[];
  store: StoreProbe;
  restart: StoreProbe;
  documentParseMs: number;
  lsp: LspFigures[];
  built: boolean;
}

async function measure(samples: number, log: (line: string) => void): Promise<Figures> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'optimus-bench-analyzer-'));
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  process.once('exit', cleanup); // also after Ctrl-C (see the signal handlers at the end)
  try {
    const built = await buildIfStale(log);
    const corpus = copyCorpus(root);
    const probes = await bundleProbes(root);
    const list = path.join(root, 'files.json');
    writeFileSync(list, JSON.stringify(corpus.files));
    const run = <T>(name: string, args: string[]): Promise<T> => runJsonProcess<T>([probes, '--probe', name, ...args], `probe ${name}`);
    log(`corpus: ${corpus.files.length} files, ${corpus.lines} lines in ${corpus.dir}`);
    const floor: number[] = [];
    const analyze: Figures['analyze'] = [];
    for (let i = 0; i < samples; i++) {
      log(`fresh processes ${i + 1}/${samples}: read + parse (floor), then analyzeProject`);
      floor.push((await run<{ ms: number }>('floor', [list])).ms);
      analyze.push(await run('analyze', [corpus.dir]));
    }
    log('fresh process: analyzeProject twice with a new sql.js store, then once more in another process');
    const storeFile = path.join(root, 'store', 'optimus.sqlite');
    mkdirSync(path.dirname(storeFile));
    const store = await run<StoreProbe>('store', [storeFile, corpus.dir]);
    const restart = await run<StoreProbe>('store', [storeFile, corpus.dir]);
    const text = readFileSync(corpus.document, 'utf8');
    const parses: number[] = [];
    for (let i = 0; i < 10; i++) parses.push(await ms(() => parseScript(corpus.document, `${text}\nconst edit${i} = ${i};`)));
    const lsp = [await overLsp(root, corpus, false, log), await overLsp(root, corpus, true, log)];
    return { corpus: { files: corpus.files.length, lines: corpus.lines, documentLines: text.trimEnd().split('\n').length }, floor, analyze, store, restart, documentParseMs: median(parses), lsp, built };
  } finally {
    cleanup();
  }
}

function rowsFor(f: Figures): Row[] {
  const a = median(f.analyze.map((s) => s.ms));
  const floor = { name: 'read + parseScript, fresh process', value: round(median(f.floor)) };
  const n = f.analyze.length;
  const k = `${round(f.corpus.lines / 1000, 0)}k lines`;
  const cache = (c: { analyzed: number; cached: number }): string => `${c.analyzed} analyzed, ${c.cached} cached`;
  const rows: Row[] = [
    { measure: `analyzeProject, ${k}, no ESLint/types, fresh process (median of ${n})`, value: round(a), unit: 'ms', target: { max: 3, on: 'ratio' }, floor },
    { measure: '  the same figure against the absolute target', value: round(a), unit: 'ms', target: { max: 2000, on: 'value' } },
    { measure: `  with a new sql.js store, first run (${cache(f.store.first)})`, value: round(f.store.firstMs), unit: 'ms', floor },
    { measure: `  re-run, same process (${cache(f.store.again)})`, value: round(f.store.againMs), unit: 'ms', floor },
    { measure: `  re-run, fresh process on the filled store (${cache(f.restart.first)})`, value: round(f.restart.firstMs), unit: 'ms', floor },
  ];
  for (const l of f.lsp) {
    const on = `ESLint ${l.lint ? 'on' : 'off'}`;
    const change = median(l.changes);
    const parse = { name: 'TS parse of it, warm', value: round(f.documentParseMs, 1) };
    rows.push(
      { measure: `LSP, ${f.corpus.documentLines}-line JS, ${on}: didOpen → first diagnostics`, value: round(l.openMs), unit: 'ms' },
      { measure: `  didChange → diagnostics (median of ${l.changes.length})`, value: round(change), unit: 'ms' },
      { measure: `  the same minus the ${DEBOUNCE_MS} ms debounce`, value: round(change - DEBOUNCE_MS), unit: 'ms', target: { max: 150, on: 'value' }, floor: parse },
      { measure: `  optimus/analyzeProject, ${on} (${cache(l.analyze.summary)})`, value: round(l.analyze.ms), unit: 'ms', floor },
      { measure: `  server peak RSS (VmHWM) while analyzing, ${on}`, value: l.analyze.hwm, unit: 'MB', target: { max: 300, on: 'value' }, floor: { name: 'server RSS before the request', value: l.analyze.before, unit: 'MB' } },
    );
    if (l.lint) {
      rows.push(
        { measure: '  lint host (ESLint + types, a child process) peak RSS', value: l.analyze.hostHwm, unit: 'MB' },
        { measure: '  server + lint host RSS, highest sample', value: l.analyze.peakTotal, unit: 'MB' },
      );
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--samples');
  const samples = at >= 0 ? Number(argv[at + 1]) : 3;
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples needs a whole number ≥ 1');
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, load: os.loadavg().map((l) => round(l, 2)) };
  const f = await measure(samples, log);
  const rows = rowsFor(f).map(evaluate);
  if (argv.includes('--json')) return void process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), machine, ...f, rows }, null, 2)}\n`);
  const first = f.analyze[0];
  const out = [
    `Optimus analyzer benchmark: ${f.corpus.files} JS/TS files, ${f.corpus.lines.toLocaleString('en-US')} lines (${SOURCES.join(', ')}) in a temp project`,
    `machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, load average ${machine.load.join(' ')} at the start, ${os.loadavg().map((l) => round(l, 2)).join(' ')} at the end${f.built ? '; dist/ rebuilt first' : ''}`,
    '',
    table(rows),
    '',
    `analyzeProject: ${first?.files} files (${first?.loc} code lines), ${first?.findings} findings; peak RSS of its fresh process ${median(f.analyze.map((s) => s.hwmMb))} MB; store opened in ${round(f.store.openMs)} ms`,
    ...f.lsp.map((l) => `LSP, ESLint ${l.lint ? 'on' : 'off'}: changes ${l.changes.map((c) => round(c, 0)).join(' ')} ms; RSS ${l.analyze.before} → ${l.analyze.peakRss} MB sampled, HWM ${l.analyze.hwm} MB; server says ${l.analyze.summary.elapsedMs} ms, ${l.analyze.summary.findings} findings${l.warnings.length ? `; ${l.warnings.length} warning(s), first: ${l.warnings[0]}` : ''}`),
    `${rows.filter((r) => r.met === true).length} targets met, ${rows.filter((r) => r.met === false).length} missed`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130)); // runs the 'exit' cleanups
const probeAt = process.argv.indexOf('--probe');
const work = probeAt >= 0 ? probe(process.argv[probeAt + 1] ?? '', process.argv.slice(probeAt + 2)).then((r) => (process.stdout.write(`${JSON.stringify(r)}\n`), process.exit(0))) : main();
work.catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
