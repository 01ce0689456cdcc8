import type { ESLint } from 'eslint';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { findingsOfResult, type RuleDocs } from './eslintFindings';
import { eslintSession, type EslintSession } from './eslintSessions';
import { planBatches, type PlannedFile } from './lintBatches';
import { loadSeen, saveSeen, type SeenFiles } from './lintSeen';
import { selectInputs } from './lintSelection';
import type { LintInput, LintOptions, LintReport } from './lintTypes';

const DEFAULT_TIME_BUDGET_MS = 60_000;

/**
 * Lints files of one project, and open documents' texts, with ESLint: the project's own flat config when it
 * has one and may run it, the built-in set otherwise (see eslintSessions.ts). Runs in the server's thread, in
 * batches (see lintBatches.ts for their size), yielding to the event loop between them. A worker thread was
 * considered and not chosen: it would hold a second copy of ESLint and TypeScript (~110 MB of RSS once loaded),
 * pay the ~0.6 s load again, and need its own entry in the bundle, to save stalls that batching already keeps
 * near 0.1–0.3 s; ESLint's own `concurrency` option starts fresh workers, which reload the config, on every
 * call. bench/analyzer-lint.bench.ts measures the stall.
 *
 * Rejects only when the signal aborts; everything else (unreadable files, a config that does not load, a rule
 * that crashes) becomes a note.
 */
export async function lintFiles(projectDir: string, inputs: readonly LintInput[], options: LintOptions): Promise<LintReport> {
  const started = performance.now();
  options.signal?.throwIfAborted();
  const session = await eslintSession(projectDir, options);
  const report: LintReport = { findings: [], notes: [...session.notes], config: session.config, filesLinted: 0, filesSkipped: 0, stopped: null };
  const hasFiles = inputs.some((i) => typeof i === 'string');
  const seen = hasFiles ? await loadSeen(options.cacheDir, session.identity) : { configKey: session.identity, files: new Map() };
  const { files, texts } = await selectInputs(projectDir, inputs, session, options, seen, report);
  const steps = [
    ...texts.map((t) => ({ files: 1, run: () => lintDocument(session, t, report) })),
    ...planBatches(files).map((b) => ({ files: b.length, run: () => lintBatch(session, b, report, seen) })),
  ];
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  try {
    for (const [i, step] of steps.entries()) {
      options.signal?.throwIfAborted();
      if (performance.now() - started > budget) {
        const left = steps.slice(i).reduce((sum, s) => sum + s.files, 0);
        report.stopped = 'time-budget';
        report.notes.push(`The lint time budget (${budget} ms) ran out: ${left} file(s) were not linted`);
        break;
      }
      await step.run();
      await yieldToEventLoop();
    }
  } finally {
    // Also when cancelled: the batches that ran are in ESLint's cache, and the next run should batch them as such.
    if (hasFiles) await saveSeen(options.cacheDir, seen);
  }
  options.signal?.throwIfAborted();
  return report;
}

async function lintDocument(session: EslintSession, doc: { path: string; text: string }, report: LintReport): Promise<void> {
  try {
    const results = await session.eslint.lintText(doc.text, { filePath: doc.path, warnIgnored: false });
    collect(session, results, report, doc.text);
  } catch (e) {
    report.notes.push(`ESLint failed on ${doc.path}: ${messageOf(e)}`);
  }
}

/** One lintFiles call; if it throws (a plugin's rule crashed), the files are retried one by one to keep the others' results. */
async function lintBatch(session: EslintSession, batch: PlannedFile[], report: LintReport, seen: SeenFiles): Promise<void> {
  try {
    collect(session, await session.eslint.lintFiles(batch.map((f) => f.path)), report);
    for (const f of batch) seen.files.set(f.path, [f.bytes, f.mtimeMs]);
    return;
  } catch (e) {
    if (batch.length === 1) {
      report.notes.push(`ESLint failed on ${batch[0]?.path}: ${messageOf(e)}`);
      seen.files.delete(batch[0]?.path ?? '');
      return;
    }
  }
  for (const file of batch) await lintBatch(session, [file], report, seen);
}

function collect(session: EslintSession, results: ESLint.LintResult[], report: LintReport, text?: string): void {
  const docs = ruleDocs(session, results);
  for (const result of results) report.findings.push(...findingsOfResult(result, docs, text));
  report.filesLinted += results.length;
}

function ruleDocs(session: EslintSession, results: ESLint.LintResult[]): RuleDocs {
  try {
    const meta = session.eslint.getRulesMetaForResults(results);
    return Object.fromEntries(Object.entries(meta).map(([id, m]) => [id, m.docs?.url]));
  } catch {
    return {}; // links are a nicety; a rule ESLint cannot describe must not cost the findings
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));
