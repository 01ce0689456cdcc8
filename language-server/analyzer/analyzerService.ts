import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver/node';
import type { ProcessInfo, Project } from '../model';
import { runAction, type ActionContext } from '../orchestrator/actionGate';
import type { AnalysisSummary, ApplyFixParams, ProjectScore } from '../protocol';
import type { Store } from '../store/store';
import { deepestProject } from '../scanner/projectPaths';
import { optimusHome } from '../store/storePath';
import { analyzeProject } from './analyzeProject';
import { analyzeSource } from './analyzeSource';
import { ruleLink } from './ruleDocs';
import { LintHost } from './lint/host/lintHost';
import { eslintCacheDir } from './lint/lintCacheDir';
import type { LintRunner } from './lint/lintRunner';
import { looksMinified } from './lint/skipFile';
import { codeActionsFor } from './lsp/codeActions';
import { DocumentDiagnostics } from './lsp/documentDiagnostics';
import { fixEdit } from './lsp/fixEdits';
import { toDiagnostic } from './lsp/toDiagnostic';
import { cachedSecretsBaseline } from './security/secrets/secretsBaselineCache';
import { npmLatestCacheFile } from './detail/detailDependencies';
import type { LastRunFindings } from './detail/projectDetail';
import { isScript, languageOf } from './source';
import type { AnalyzedLanguage, AnalyzerFinding } from './types';
import { unknownProject } from '../unknownProject';

const MAX_DOCUMENT_CHARS = 1024 * 1024;

const explainLink = (f: AnalyzerFinding): string | undefined => ruleLink(f.ruleId, typeof f.data?.docsUrl === 'string' ? f.data.docsUrl : undefined);

export interface AnalyzerSettings {
  enabled: boolean;
  complexityThreshold: number;
  cognitiveThreshold: number;
  /** ESLint on open documents and in project analysis. */
  lint: boolean;
  /** `npm audit` in project analysis (it sends the dependency list to the registry). */
  npmAudit: boolean;
  /** Latest versions from the npm registry in project analysis (it sends package names). */
  outdated: boolean;
  /** Problems ahead in open files: missing packages, runtime versions, lockfile, .env keys, ports, module kind. */
  preventive: boolean;
  /** An offline OSV database (a JSON file or an unpacked osv.dev export); empty: none. */
  osvDatabase: string;
}

export interface AnalyzerServiceDeps {
  settings: () => AnalyzerSettings;
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  projects: () => readonly Project[];
  document: (uri: string) => TextDocument | undefined;
  publish: (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;
  applyEdit: (edit: WorkspaceEdit) => Promise<boolean>;
  onScores: (scores: ProjectScore[]) => void;
  onError: (message: string) => void;
  /** The processes the runtime monitor saw last (the dev-server port check); none when it does not run. */
  processes?: () => readonly ProcessInfo[];
  /** Where ESLint and type checks run; a lint host process (host/lintHost.ts) when not given. */
  lintRunner?: LintRunner & { dispose?(): void };
}

/** Diagnostics while typing, quick fixes, and whole-project analysis with scores, for the language server. */
export class AnalyzerService {
  private readonly documents: DocumentDiagnostics;
  private projectUris = new Map<string, Set<string>>();
  /** Per project, the findings of its last analysis that the per-file cache does not hold (Project detail shows them). */
  private lastRuns = new Map<string, LastRunFindings>();
  private readonly lintRunner: LintRunner & { dispose?(): void };

  constructor(private readonly deps: AnalyzerServiceDeps) {
    this.lintRunner = deps.lintRunner ?? new LintHost();
    this.documents = new DocumentDiagnostics({
      analyze: (file, text, signal) => this.analyzeText(file, text, signal),
      publish: deps.publish,
      explain: explainLink,
      delayMs: 150,
      onError: (error, uri) => deps.onError(`Optimus could not analyze ${uri}: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  changed(doc: TextDocument): void {
    if (this.deps.settings().enabled) this.documents.changed(doc);
  }

  closed(uri: string): void {
    this.documents.closed(uri);
  }

  codeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
    return codeActionsFor(uri, diagnostics, (version) => this.documents.findings(uri, version));
  }

  async applyFix(params: ApplyFixParams): Promise<{ applied: boolean; files: string[] }> {
    const doc = this.deps.document(params.uri);
    const finding = doc && doc.version === params.version ? this.documents.findings(params.uri, params.version)?.[params.index] : undefined;
    if (!doc || !finding) throw new Error('The file changed since this problem was found; wait a moment for the new diagnostics and try again.');
    const file = fileURLToPath(params.uri);
    const request = { action: `fix.${params.kind}`, target: file, details: { ruleId: finding.ruleId, line: finding.line, ...(params.reason ? { reason: params.reason } : {}) } };
    return runAction(this.deps.context(), request, async () => {
      const planned = await fixEdit({ doc, finding, projectDir: this.projectOf(file) ?? path.dirname(file) }, params);
      if (typeof planned === 'string') throw new Error(`No fix applied: ${planned}.`);
      const applied = await this.deps.applyEdit(planned.edit);
      if (!applied) throw new Error('The fix was not applied: it was cancelled in the preview, or the file changed meanwhile.');
      return { applied, files: planned.files };
    });
  }

  /** The whole project: publishes every file's findings and the project's new scores. */
  async analyzeProject(projectPath: string, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<AnalysisSummary> {
    const project = this.deps.projects().find((p) => p.path === projectPath);
    if (!project) throw unknownProject(projectPath);
    const { complexityThreshold, cognitiveThreshold, lint: lintOn, npmAudit, outdated, osvDatabase } = this.deps.settings();
    const trusted = this.deps.context().trusted;
    const lint = lintOn ? { trusted, types: true, cacheDir: eslintCacheDir(optimusHome(), projectPath), runner: this.lintRunner } : undefined;
    const started = performance.now();
    // npm audit reads the project's .npmrc and sends its dependency list out: only in a trusted workspace.
    const dependencies = { npmAudit: npmAudit && trusted, ...(osvDatabase.trim() ? { osvDbPath: osvDatabase.trim() } : {}) };
    // Also only when trusted: the project's .npmrc chooses where the package names go.
    const registry = outdated && trusted ? { outdated: { cacheFile: npmLatestCacheFile() } } : {};
    const options = { complexityThreshold, cognitiveThreshold, store: await this.deps.store(), project, signal, onProgress, dependencies, ...registry };
    const result = await analyzeProject(projectPath, { ...options, ...(lint ? { lint } : {}) });
    this.publishProject(projectPath, result.findings);
    this.lastRuns.set(projectPath, { at: new Date().toISOString(), findings: result.projectWide });
    this.deps.onScores([{ path: projectPath, health: result.health.score, debtRating: result.debt.rating, debtMinutes: result.debt.minutes, analyzedAt: new Date().toISOString() }]);
    const byCategory: Record<string, number> = {};
    for (const f of result.findings) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    return { path: projectPath, files: result.files.length, findings: result.findings.length, byCategory, health: result.health, debt: result.debt, analyzed: result.analyzed, cached: result.cached, notes: result.notes, elapsedMs: Math.round(performance.now() - started) };
  }

  /** What the last analysis of the project in this process found beyond single files; undefined before one. */
  lastRun(projectPath: string): LastRunFindings | undefined {
    return this.lastRuns.get(projectPath);
  }

  dispose(): void {
    this.documents.dispose();
    this.lintRunner.dispose?.();
  }

  private async analyzeText(file: string, text: string, signal: AbortSignal): Promise<AnalyzerFinding[]> {
    const s = this.deps.settings();
    // A huge or minified file is not hand-written code: reading it would only slow typing down.
    if (text.length > MAX_DOCUMENT_CHARS || looksMinified(file, text.slice(0, 64 * 1024))) return [];
    const language = languageOf(file);
    const projectDir = this.projectOf(file) ?? path.dirname(file);
    const { findings: own } = analyzeSource({ path: file, text, language }, { ...s, secrets: { projectDir, baseline: await cachedSecretsBaseline(projectDir) } });
    const findings = s.preventive ? [...own, ...(await this.preventive(file, text, language, projectDir))] : own;
    if (!s.lint || !isScript(language) || signal.aborted) return findings;
    try {
      const report = await this.lintRunner.lint(projectDir, [{ path: file, text }], { trusted: this.deps.context().trusted, cacheDir: eslintCacheDir(optimusHome(), projectDir), signal });
      return [...findings, ...report.findings];
    } catch (error) {
      if (signal.aborted) throw error;
      // Optimus's own findings still count when ESLint could not run.
      this.deps.onError(`ESLint did not run on ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return findings;
    }
  }

  /** Problems the project is about to run into (see troubleshooter/preventive/); loaded with the first document. */
  private async preventive(file: string, text: string, language: AnalyzedLanguage, projectDir: string): Promise<AnalyzerFinding[]> {
    if (!this.deps.projects().some((p) => p.path === projectDir)) return []; // a loose file has no manifest to check against
    const [{ preventiveFindings }, { listeningPorts }] = await Promise.all([import('../troubleshooter/preventive/preventiveFindings'), import('../troubleshooter/preventive/listeningPorts')]);
    return preventiveFindings({ path: file, text, language }, projectDir, { listening: listeningPorts(this.deps.processes?.() ?? []) }).catch((error: unknown) => {
      this.deps.onError(`Optimus could not check ${file} for problems ahead: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    });
  }

  /** Diagnostics for every file with findings; files that had some before and have none now are cleared. */
  private publishProject(projectPath: string, findings: readonly AnalyzerFinding[]): void {
    const byUri = new Map<string, AnalyzerFinding[]>();
    for (const f of findings) {
      if (!f.path.startsWith(projectPath) || f.path === projectPath) continue; // project-level findings show in the tree
      const uri = pathToFileURL(f.path).href;
      (byUri.get(uri) ?? byUri.set(uri, []).get(uri)!).push(f);
    }
    for (const uri of this.projectUris.get(projectPath) ?? []) if (!byUri.has(uri)) this.deps.publish(uri, undefined, []);
    for (const [uri, list] of byUri) {
      if (this.deps.document(uri)) continue; // an open document keeps its own, current diagnostics
      this.deps.publish(uri, undefined, list.map((f, index) => toDiagnostic(f, { ruleId: f.ruleId, index, version: -1 }, explainLink)));
    }
    this.projectUris.set(projectPath, new Set(byUri.keys()));
  }

  private projectOf(file: string): string | undefined {
    return deepestProject(file, this.deps.projects().map((p) => p.path)) ?? undefined;
  }

}
