/**
 * The lint engine's figures against the targets: ESLint (built-in rule set) on ~100k lines of real JS
 * copied from node_modules into a temp project, and TypeScript type diagnostics on a copy of this repository's
 * language-server/ sources. Every figure is printed beside a floor measured in the same run (reading the files,
 * parsing them, a plain tsc-style program), because absolute times drift on a small noisy machine. Nothing
 * here fails on timing.
 *
 *   npx tsx bench/analyzer-lint.bench.ts              the table
 *   npx tsx bench/analyzer-lint.bench.ts --json       one JSON document
 *   npx tsx bench/analyzer-lint.bench.ts --samples 1  fewer fresh-process samples (default 3)
 *
 * Fresh-process measures run this very file bundled by esbuild as the server is (TypeScript external, ESLint
 * required at run time from the node_modules above the bundle's folder), with `--probe <name>` under plain node.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentTypeDiagnostics } from '../language-server/analyzer/lint/documentTypeDiagnostics';
import { eslintSession } from '../language-server/analyzer/lint/eslintSessions';
import { lintFiles } from '../language-server/analyzer/lint/lintFiles';
import { parseTsconfig } from '../language-server/analyzer/lint/tsConfigFile';
import { typeDiagnostics } from '../language-server/analyzer/lint/typeDiagnostics';
import { parseScript, typescript } from '../language-server/analyzer/source';
import { evaluate, table, type Row } from './report';
import { median, memoryOf, REPO, round, runJsonProcess } from './stats';

/** Real, hand-written JS (no bundles), taken in this order until ~100k lines. */
const CORPUS_DIRS = ['yaml/dist', 'dockerode/lib', 'tar/dist/commonjs', 'fast-xml-parser/src', '@typescript-eslint/typescript-estree/dist', 'vscode-languageserver/lib', 'minimatch/dist/commonjs', 'eslint/lib/rule-tester', 'eslint/lib/rules'];
const TARGET_LINES = 100_000;
/** ESLint's rule tester: 2,018 lines, the size of the per-document target. */
const DOCUMENT = 'eslint/lib/rule-tester/rule-tester.js';
const DOCUMENT_EDITS = 5;
/** A heap cap the server could run with, to show how much of the peak RSS is uncollected garbage. */
const HEAP_CAP_MB = 256;

interface Corpus {
  dir: string;
  files: string[];
  lines: number;
  bytes: number;
  document: string;
}

// ------------------------------------------------------------------------------------------------ setup

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(full);
    return /\.[cm]?js$/.test(e.name) && !e.name.includes('.min.') ? [full] : [];
  });
}

function copyCorpus(root: string): Corpus {
  const modules = path.join(REPO, 'node_modules');
  const dir = path.join(root, 'js-project');
  const corpus: Corpus = { dir, files: [], lines: 0, bytes: 0, document: path.join(dir, DOCUMENT) };
  for (const file of CORPUS_DIRS.flatMap((d) => jsFiles(path.join(modules, d)).sort())) {
    if (corpus.lines >= TARGET_LINES) break;
    const text = readFileSync(file, 'utf8');
    const to = path.join(dir, path.relative(modules, file));
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, text);
    corpus.files.push(to);
    corpus.lines += text.split('\n').length;
    corpus.bytes += text.length;
  }
  return corpus;
}

/** language-server/ with a tsconfig like the repository's, node_modules linked so its imports resolve. */
function copyTsProject(root: string): { tsconfig: string; files: number; lines: number; document: string; documentLines: number } {
  const dir = path.join(root, 'ts-project');
  cpSync(path.join(REPO, 'language-server'), path.join(dir, 'language-server'), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  const compilerOptions = { target: 'ES2022', lib: ['ES2023'], module: 'preserve', moduleResolution: 'bundler', types: ['node'], strict: true, skipLibCheck: true, noEmit: true, esModuleInterop: true, resolveJsonModule: true };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: ['language-server'] }));
  const sources = (parseTsconfig(tsconfig).parsed?.fileNames ?? []).map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length }));
  const largest = sources.reduce((a, b) => (b.lines > a.lines ? b : a), { f: '', lines: 0 });
  return { tsconfig, files: sources.length, lines: sources.reduce((n, s) => n + s.lines, 0), document: largest.f, documentLines: largest.lines };
}

/** This file as one CommonJS file in dist/ under a node_modules link: how dist/server.js finds ESLint. */
async function bundleProbes(root: string): Promise<string> {
  const outfile = path.join(root, 'dist', 'lint-probes.js');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  // Imported here, not at the top: the bundle must not need esbuild to load.
  const { build } = await import('esbuild');
  await build({ entryPoints: [__filename], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', external: ['esbuild', 'typescript'] });
  return outfile;
}

// ------------------------------------------------------------------------------------------------ measuring

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Reading every file, what any linter must do at least: median of 3 with a warm page cache, as ESLint finds it. */
async function readFloor(files: readonly string[]): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await timed(() => files.forEach((f) => readFileSync(f, 'utf8'))));
  return median(runs);
}

/** Longest gap between 2 ms writes from another process: how long an LSP message would wait at worst. */
function ioPinger(): { stop: () => number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => process.stdout.write("."), 2)'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let last = 0;
  let longest = 0;
  child.stdout.on('data', () => {
    const now = performance.now();
    if (last) longest = Math.max(longest, now - last);
    last = now;
  });
  return { stop: () => (child.kill(), longest) };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------------------------ probes

interface EslintProbe {
  loadMs: number;
  firstMs: number;
  stallMs: number;
  findings: number;
  parseErrors: number;
  filesLinted: number;
  rerunMs: number;
  changedMs: number;
  documentMs: number;
  documentParseMs: number;
  hwmMb: number;
}

/** Fresh process, empty cache: load ESLint, lint the corpus, re-run, change a file, lint the open document. */
async function probeEslint(corpus: Corpus, cacheDir: string): Promise<EslintProbe> {
  const options = { trusted: false, cacheDir };
  const loadMs = await timed(async () => {
    const { eslint } = await eslintSession(corpus.dir, options);
    await eslint.lintText('let a = 1;', { filePath: path.join(corpus.dir, 'warm.ts') });
  });
  const pinger = ioPinger();
  await sleep(300);
  let report = { findings: [] as { ruleId: string }[], filesLinted: 0 };
  const firstMs = await timed(async () => (report = await lintFiles(corpus.dir, corpus.files, options)));
  const stallMs = pinger.stop();
  const rerunMs = await timed(() => lintFiles(corpus.dir, corpus.files, options));
  appendFileSync(corpus.files[0] as string, '\nexport const benchChange = 1;\n');
  const changedMs = await timed(() => lintFiles(corpus.dir, corpus.files, options));
  const { documentMs, documentParseMs } = await measureDocument(corpus.document, options, corpus.dir);
  const parseErrors = report.findings.filter((f) => f.ruleId === 'eslint/parse-error').length;
  return { loadMs, firstMs, stallMs, findings: report.findings.length, parseErrors, filesLinted: report.filesLinted, rerunMs, changedMs, documentMs, documentParseMs, hwmMb: memoryOf(process.pid).hwmMb };
}

/** The open-document path: the text differs each time, as after a keystroke; a TS parse of it is the floor. */
async function measureDocument(file: string, options: { trusted: boolean }, dir: string): Promise<{ documentMs: number; documentParseMs: number }> {
  const text = readFileSync(file, 'utf8');
  const lint: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < DOCUMENT_EDITS; i++) {
    const edited = `${text}\nconst edit${i} = ${i};\n`;
    lint.push(await timed(() => lintFiles(dir, [{ path: file, text: edited }], options)));
    parse.push(await timed(() => parseScript(file, edited)));
  }
  return { documentMs: median(lint), documentParseMs: median(parse) };
}

interface EslintRerunProbe {
  loadMs: number;
  rerunMs: number;
  findings: number;
}

/** Fresh process, cache on disk from the first probe, nothing changed: what a server restart pays. */
async function probeEslintRerun(corpus: Corpus, cacheDir: string): Promise<EslintRerunProbe> {
  const options = { trusted: false, cacheDir };
  const loadMs = await timed(async () => (await eslintSession(corpus.dir, options)).eslint.lintText('let a = 1;', { filePath: path.join(corpus.dir, 'warm.ts') }));
  let findings = 0;
  const rerunMs = await timed(async () => (findings = (await lintFiles(corpus.dir, corpus.files, options)).findings.length));
  return { loadMs, rerunMs, findings };
}

interface TsProbe {
  firstMs: number;
  findings: number;
  filesChecked: number;
  rerunMs: number;
  editMs: number;
  documentFirstMs: number;
  documentMs: number;
  documentParseMs: number;
  hwmMb: number;
}

/** Fresh process: the project's type diagnostics, a re-run, a re-run after an edit, then an open document. */
async function probeTs(tsconfig: string, document: string): Promise<TsProbe> {
  let report = { findings: [] as unknown[], filesChecked: 0 };
  const firstMs = await timed(async () => (report = await typeDiagnostics(tsconfig)));
  const rerunMs = await timed(() => typeDiagnostics(tsconfig));
  const text = readFileSync(document, 'utf8');
  appendFileSync(document, '\nexport const benchChange: number = 1;\n');
  const editMs = await timed(() => typeDiagnostics(tsconfig));
  const documentFirstMs = await timed(() => documentTypeDiagnostics(tsconfig, document, text));
  const doc: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < DOCUMENT_EDITS; i++) {
    const edited = `${text}\nexport const edit${i}: string = ${i % 2 ? '"ok"' : i};\n`;
    doc.push(await timed(() => documentTypeDiagnostics(tsconfig, document, edited)));
    parse.push(await timed(() => parseScript(document, edited)));
  }
  writeFileSync(document, text);
  return { firstMs, findings: report.findings.length, filesChecked: report.filesChecked, rerunMs, editMs, documentFirstMs, documentMs: median(doc), documentParseMs: median(parse), hwmMb: memoryOf(process.pid).hwmMb };
}

/** Fresh process: what `tsc --noEmit` does (one program, all its diagnostics), the floor for a first run. */
function probeTscFloor(tsconfig: string): { ms: number; diagnostics: number } {
  const t = typescript();
  const start = performance.now();
  const parsed = parseTsconfig(tsconfig).parsed;
  if (!parsed) throw new Error(`${tsconfig} does not parse`);
  const program = t.createProgram(parsed.fileNames, parsed.options);
  const diagnostics = t.getPreEmitDiagnostics(program).length;
  return { ms: performance.now() - start, diagnostics };
}

async function probe(name: string, args: string[]): Promise<void> {
  const [a = '', b = ''] = args;
  const corpus = (): Corpus => JSON.parse(readFileSync(a, 'utf8')) as Corpus;
  const result =
    name === 'eslint' ? await probeEslint(corpus(), b)
    : name === 'eslint-rerun' ? await probeEslintRerun(corpus(), b)
    : name === 'ts' ? await probeTs(a, b)
    : name === 'tsc-floor' ? probeTscFloor(a)
    : null;
  if (!result) throw new Error(`no probe called ${name}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0); // the document services and ESLint keep nothing that must be flushed
}

// ------------------------------------------------------------------------------------------------ main

function parseArgs(argv: string[]): { json: boolean; samples: number } {
  const i = argv.indexOf('--samples');
  const samples = i >= 0 ? Number(argv[i + 1]) : 3;
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples needs a whole number ≥ 1');
  return { json: argv.includes('--json'), samples };
}

function medianOf<T>(samples: readonly T[], pick: (s: T) => number): number {
  return round(median(samples.map(pick)));
}

interface Figures {
  corpus: Omit<Corpus, 'files' | 'dir'> & { files: number; documentLines: number };
  ts: ReturnType<typeof copyTsProject>;
  readFloorMs: number;
  eslint: EslintProbe[];
  eslintRerun: EslintRerunProbe[];
  /** One ESLint sample with the V8 heap capped, as the server could be started. */
  capped: EslintProbe;
  tsRuns: TsProbe[];
  tscFloor: { ms: number; diagnostics: number }[];
}

async function measure(samples: number, log: (line: string) => void): Promise<Figures> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'optimus-bench-lint-'));
  try {
    const corpus = copyCorpus(root);
    const ts = copyTsProject(root);
    const probes = await bundleProbes(root);
    writeFileSync(path.join(root, 'corpus.json'), JSON.stringify(corpus));
    const run = <T>(name: string, args: string[]): Promise<T> => runJsonProcess<T>([probes, '--probe', name, ...args], `probe ${name}`);
    log(`corpus: ${corpus.files.length} files, ${corpus.lines} lines; TS project: ${ts.files} files, ${ts.lines} lines`);
    const readFloorMs = await readFloor(corpus.files);
    const eslint: EslintProbe[] = [];
    const eslintRerun: EslintRerunProbe[] = [];
    const original = readFileSync(corpus.files[0] as string, 'utf8');
    for (let i = 0; i < samples; i++) {
      log(`eslint: sample ${i + 1}/${samples} (fresh processes, empty cache)`);
      const cacheDir = path.join(root, `cache-${i}`);
      eslint.push(await run<EslintProbe>('eslint', [path.join(root, 'corpus.json'), cacheDir]));
      eslintRerun.push(await run<EslintRerunProbe>('eslint-rerun', [path.join(root, 'corpus.json'), cacheDir]));
      writeFileSync(corpus.files[0] as string, original);
    }
    log(`eslint: one sample with --max-old-space-size=${HEAP_CAP_MB}`);
    const capped = await runJsonProcess<EslintProbe>([`--max-old-space-size=${HEAP_CAP_MB}`, probes, '--probe', 'eslint', path.join(root, 'corpus.json'), path.join(root, 'cache-capped')], 'probe eslint (capped heap)');
    writeFileSync(corpus.files[0] as string, original);
    const tsRuns: TsProbe[] = [];
    const tscFloor: { ms: number; diagnostics: number }[] = [];
    for (let i = 0; i < samples; i++) {
      log(`typescript: sample ${i + 1}/${samples} (fresh processes)`);
      tscFloor.push(await run('tsc-floor', [ts.tsconfig]));
      tsRuns.push(await run<TsProbe>('ts', [ts.tsconfig, ts.document]));
    }
    const documentLines = readFileSync(corpus.document, 'utf8').split('\n').length;
    return { corpus: { lines: corpus.lines, bytes: corpus.bytes, files: corpus.files.length, document: corpus.document, documentLines }, ts, readFloorMs, eslint, eslintRerun, capped, tsRuns, tscFloor };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function rowsFor(f: Figures): Row[] {
  const e = <K extends keyof EslintProbe>(k: K): number => medianOf(f.eslint, (s) => s[k]);
  const t = <K extends keyof TsProbe>(k: K): number => medianOf(f.tsRuns, (s) => s[k]);
  const read = { name: `read ${f.corpus.files} files`, value: round(f.readFloorMs) };
  const kLines = `${round(f.corpus.lines / 1000, 0)}k lines`;
  const tsFloor = { name: 'tsc --noEmit equivalent', value: medianOf(f.tscFloor, (s) => s.ms) };
  return [
    { measure: 'ESLint load: require + built-in config + both parsers (fresh process)', value: e('loadMs'), unit: 'ms' },
    { measure: `ESLint first run, ${kLines}, empty cache (after load)`, value: e('firstMs'), unit: 'ms', floor: read },
    { measure: '  = lines per second (issue: ~15k)', value: round(f.corpus.lines / (e('firstMs') / 1000), 0), unit: '' },
    { measure: '  longest wait of another process\'s I/O meanwhile', value: e('stallMs'), unit: 'ms' },
    { measure: 'ESLint re-run, nothing changed, same process', value: e('rerunMs'), unit: 'ms', target: { max: 500, on: 'value' }, floor: read },
    { measure: 'ESLint re-run, nothing changed, fresh process (after load)', value: medianOf(f.eslintRerun, (s) => s.rerunMs), unit: 'ms', target: { max: 500, on: 'value' }, floor: read },
    { measure: 'ESLint re-run, one file changed', value: e('changedMs'), unit: 'ms', floor: read },
    { measure: `ESLint, open ${f.corpus.documentLines}-line document after an edit`, value: e('documentMs'), unit: 'ms', target: { max: 150, on: 'value' }, floor: { name: 'TS parse of it', value: e('documentParseMs') } },
    { measure: 'peak RSS of the ESLint process', value: e('hwmMb'), unit: 'MB', target: { max: 300, on: 'value' } },
    { measure: `type diagnostics, ${round(f.ts.lines / 1000, 0)}k lines TS, first run (fresh process)`, value: t('firstMs'), unit: 'ms', floor: tsFloor },
    { measure: 'type diagnostics re-run, nothing changed', value: t('rerunMs'), unit: 'ms', floor: tsFloor },
    { measure: 'type diagnostics re-run, one file edited', value: t('editMs'), unit: 'ms', floor: tsFloor },
    { measure: 'open document, first call (builds its program)', value: t('documentFirstMs'), unit: 'ms', floor: tsFloor },
    { measure: `open ${f.ts.documentLines}-line TS document after an edit`, value: t('documentMs'), unit: 'ms', target: { max: 150, on: 'value' }, floor: { name: 'TS parse of it', value: t('documentParseMs') } },
    { measure: 'peak RSS of the TypeScript process', value: t('hwmMb'), unit: 'MB', target: { max: 300, on: 'value' } },
  ];
}

async function main(): Promise<void> {
  const { json, samples } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`· ${line}\n`);
  const figures = await measure(samples, log);
  const rows = rowsFor(figures).map(evaluate);
  if (json) {
    process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), node: process.version, cores: os.cpus().length, ...figures, rows }, null, 2)}\n`);
    return;
  }
  const first = figures.eslint[0];
  const out = [
    `Optimus lint benchmark: ESLint (built-in set) on ${figures.corpus.files} JS files, ${figures.corpus.lines.toLocaleString('en-US')} lines from node_modules; tsc diagnostics on ${figures.ts.files} TS files (${figures.ts.lines.toLocaleString('en-US')} lines)`,
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}; medians of ${samples} fresh-process sample(s)`,
    '',
    table(rows),
    '',
    `ESLint: ${first?.filesLinted} files linted, ${first?.findings} findings (${first?.parseErrors} parse errors); the re-run in a fresh process found ${figures.eslintRerun[0]?.findings}`,
    `The longest I/O wait is the slowest single file's lint (ESLint cannot be interrupted inside a file) or a GC pause.`,
    `Peak RSS is mostly garbage V8 has not collected yet (the heap after a full GC is ~60 MB): with --max-old-space-size=${HEAP_CAP_MB} the same run peaks at ${figures.capped.hwmMb} MB and takes ${round(figures.capped.firstMs, 0)} ms.`,
    `TypeScript: ${figures.tsRuns[0]?.findings} diagnostics from ${figures.tsRuns[0]?.filesChecked} files (plain program: ${figures.tscFloor[0]?.diagnostics})`,
    `${rows.filter((r) => r.met === true).length} targets met, ${rows.filter((r) => r.met === false).length} missed`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

const probeAt = process.argv.indexOf('--probe');
(probeAt >= 0 ? probe(process.argv[probeAt + 1] ?? '', process.argv.slice(probeAt + 2)) : main()).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
