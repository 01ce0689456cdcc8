import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding } from '../types';
import { parseTsconfig } from './tsConfigFile';
import { findingOfDiagnostic } from './tsFindings';
import { cachingCompilerHost } from './tsSourceCache';

export interface TypeCheckOptions {
  /** Rejects with the signal's reason; checked between files. */
  signal?: AbortSignal;
  /** Stops after this long (also inside a file, through TypeScript's cancellation token). Default 60 s. */
  timeBudgetMs?: number;
}

export interface TypeReport {
  findings: AnalyzerFinding[];
  notes: string[];
  filesChecked: number;
  stopped: 'time-budget' | null;
}

/**
 * What is kept per tsconfig between runs: the last builder program (its per-file diagnostics stay valid for
 * files a change does not affect) and the parsed source files. Memory: the project's ASTs, its lib and @types
 * declarations and the checker's types; for this repository (23k lines with @types/node) the process peaks
 * near 480 MB with this and a document service both loaded. Hence only two projects, and disposeTypeProjects().
 */
interface CachedProject {
  builder: ts.SemanticDiagnosticsBuilderProgram | undefined;
  sources: Map<string, ts.SourceFile>;
}

const MAX_PROJECTS = 2;
const DEFAULT_TIME_BUDGET_MS = 60_000;
const projects = new Map<string, CachedProject>();

/**
 * tsc's diagnostics for a TS project (syntactic, semantic, options, and config-file errors), as findings
 * `ts/<code>`. `files` narrows which files' diagnostics are collected; the program is always the whole
 * project, since types flow across files. Building the program is synchronous (parse + bind of every file not
 * cached from the last run); checking is per affected file with yields to the event loop in between. Stopped
 * by the time budget, it returns no file diagnostics (partial ones would read as "fixed") and a note.
 */
export async function typeDiagnostics(tsconfigPath: string, files?: readonly string[], options: TypeCheckOptions = {}): Promise<TypeReport> {
  const started = performance.now();
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  options.signal?.throwIfAborted();
  const configPath = path.resolve(tsconfigPath);
  const report: TypeReport = { findings: [], notes: [], filesChecked: 0, stopped: null };
  const { parsed, errors } = parseTsconfig(configPath);
  report.findings.push(...errors.map((d) => findingOfDiagnostic(d, configPath)));
  if (!parsed) return report;
  const project = cachedProject(configPath);
  const builder = buildProgram(parsed, project);
  report.findings.push(...[...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics()].map((d) => findingOfDiagnostic(d, configPath)));
  const token = deadlineToken(started + budget, options.signal);
  const sources = sourcesToCheck(builder, parsed, files);
  const finished = await checkAffected(builder, new Set(sources), token, options.signal);
  if (finished) for (const source of sources) collect(builder, source, configPath, report);
  else {
    project.builder = undefined; // a check cut short may leave the checker half-done: start clean next time
    report.stopped = 'time-budget';
    report.notes.push(`The type-check time budget (${budget} ms) ran out before all ${sources.length} file(s) were checked; no file diagnostics are reported`);
  }
  options.signal?.throwIfAborted();
  return report;
}

/**
 * Lets the builder check the files a change affects, one per step with a yield in between; unaffected files
 * keep the diagnostics of the last run. (Asking for one file's diagnostics directly would skip this step and
 * return stale ones for a file whose import changed.) False when the budget ran out.
 */
async function checkAffected(builder: ts.SemanticDiagnosticsBuilderProgram, wanted: Set<ts.SourceFile>, token: ts.CancellationToken, signal?: AbortSignal): Promise<boolean> {
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (token.isCancellationRequested()) return false;
      if (!builder.getSemanticDiagnosticsOfNextAffectedFile(token, (sf) => !wanted.has(sf))) return true;
      await yieldToEventLoop();
    }
  } catch (e) {
    if (e instanceof typescript().OperationCanceledException) return false;
    throw e;
  }
}

/** A checked file's syntactic and semantic diagnostics, now answered from the builder's cache. */
function collect(builder: ts.SemanticDiagnosticsBuilderProgram, source: ts.SourceFile, configPath: string, report: TypeReport): void {
  const diagnostics = [...builder.getSyntacticDiagnostics(source), ...builder.getSemanticDiagnostics(source)];
  report.findings.push(...diagnostics.map((d) => findingOfDiagnostic(d, configPath)));
  report.filesChecked++;
}

/** Forgets every cached program (memory pressure, a settings change, tests). */
export function disposeTypeProjects(): void {
  projects.clear();
}

function cachedProject(configPath: string): CachedProject {
  const existing = projects.get(configPath);
  if (existing) projects.delete(configPath); // re-inserted: Map order is the LRU order
  const project = existing ?? { builder: undefined, sources: new Map() };
  projects.set(configPath, project);
  while (projects.size > MAX_PROJECTS) projects.delete(projects.keys().next().value as string);
  return project;
}

function buildProgram(parsed: ts.ParsedCommandLine, project: CachedProject): ts.SemanticDiagnosticsBuilderProgram {
  const t = typescript();
  const host = cachingCompilerHost(parsed.options, project.sources);
  const builder = t.createSemanticDiagnosticsBuilderProgram(parsed.fileNames, parsed.options, host, project.builder, parsed.errors, parsed.projectReferences);
  project.builder = builder;
  return builder;
}

/** The project's own files (not libs, not node_modules), narrowed to `files` when given. */
function sourcesToCheck(builder: ts.SemanticDiagnosticsBuilderProgram, parsed: ts.ParsedCommandLine, files?: readonly string[]): ts.SourceFile[] {
  const program = builder.getProgram();
  const wanted = files ? new Set(files.map((f) => path.resolve(f))) : null;
  const roots = new Set(parsed.fileNames.map((f) => path.resolve(f)));
  return program.getSourceFiles().filter((sf) => {
    const file = path.resolve(sf.fileName);
    if (wanted) return wanted.has(file);
    return roots.has(file) && !program.isSourceFileFromExternalLibrary(sf) && !program.isSourceFileDefaultLibrary(sf);
  });
}

/** TypeScript polls this while it checks, so a deadline can stop it inside one long file. */
export function deadlineToken(deadline: number, signal?: AbortSignal): ts.CancellationToken {
  const t = typescript();
  const isCancellationRequested = (): boolean => performance.now() > deadline || signal?.aborted === true;
  return {
    isCancellationRequested,
    throwIfCancellationRequested: () => {
      if (isCancellationRequested()) throw new t.OperationCanceledException();
    },
  };
}
