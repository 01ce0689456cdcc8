import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../model';
import { runAction, type ActionContext } from '../orchestrator/actionGate';
import type { DiagnoseParams, DiagnoseResult, FeedbackParams, FixCommandParams, FixOutcomeParams, PortOwners } from '../protocol';
import { deepestProject } from '../scanner/projectPaths';
import type { Store } from '../store/store';
import { confirmedExamples, diagnosisHistory, diagnosisTerms, fixStats, markRecurred, recordDiagnosis, recordOutcome, setFeedback, type HistoryRow } from '../store/troubleshootingRepo';
import { createDiagnoser, type Diagnoser } from './diagnoser';
import { firstUserFrame } from './frames/parseFrames';
import type { StackFrame } from './frames/types';
import { excerptOf, termsOf } from './learning/learnedText';
import { rankFixes } from './learning/rankFixes';
import type { Diagnosis } from './types';

export interface TroubleshooterDeps {
  projects: () => readonly Project[];
  /** What listens on a port now (the runtime monitor's view). */
  portOwners: (port: number) => Promise<PortOwners>;
  /** The user's own knowledge files, e.g. `$OPTIMUS_HOME/knowledge`. */
  userDir: string;
  onProblem: (message: string) => void;
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  now?: () => Date;
}

/** A fix that "worked" but whose diagnosis comes back in the same project this soon did not work. */
export const RECURRENCE_WINDOW_MS = 30 * 60_000;

/**
 * An error text from the editor (a terminal, a crashed run, a selection) becomes a diagnosis with its context;
 * every diagnosis and fix outcome is remembered, and what is remembered orders the fixes and teaches the
 * classifier.
 */
export class TroubleshooterService {
  private loaded: Promise<Diagnoser> | null = null;

  constructor(private readonly deps: TroubleshooterDeps) {}

  async diagnose(params: DiagnoseParams): Promise<DiagnoseResult> {
    const found = (await this.diagnoser()).diagnose(params.text);
    const userFrame = await this.userFrame(found.frames, params.cwd);
    const projectPath = this.projectOf(params.cwd) ?? this.projectOf(userFrame?.file) ?? null;
    const store = await this.deps.store();
    const diagnosis = store ? { ...found, fixes: rankFixes(found.fixes, await fixStats(store, found.id)) } : found;
    const historyId = store ? await this.remember(store, diagnosis, params, projectPath) : null;
    const result: DiagnoseResult = { diagnosis, projectPath, historyId, ...(userFrame ? { userFrame } : {}) };
    const port = Number(diagnosis.captures.port);
    if (diagnosis.id === 'port-in-use' && Number.isInteger(port) && port > 0 && port < 65536) {
      result.portOwners = await this.deps.portOwners(port).catch(() => ({ processes: [], containers: [] }));
    }
    return result;
  }

  /** A fix's shell line the user confirmed: refused when untrusted, audited, one line only. */
  async approveCommand(params: FixCommandParams): Promise<{ approved: true }> {
    const command = typeof params.command === 'string' ? params.command.trim() : '';
    if (command === '' || command.length > 2000 || /[\r\n]/.test(command)) throw new Error('A fix command must be one line of at most 2,000 characters.');
    const request = { action: 'fix.command', target: params.cwd ?? 'terminal', details: { command, diagnosis: String(params.diagnosisId).slice(0, 64) } };
    return runAction(this.deps.context(), request, async () => ({ approved: true as const }));
  }

  /** What an applied fix did (a command's exit code, a port freed or not). */
  async fixOutcome(params: FixOutcomeParams): Promise<{ recorded: boolean }> {
    const store = await this.deps.store();
    if (!store) return { recorded: false };
    const exitCode = typeof params.exitCode === 'number' ? params.exitCode : null;
    return { recorded: await recordOutcome(store, params.historyId, String(params.fix).slice(0, 300), params.ok ? 'ok' : 'failed', exitCode, this.now()) };
  }

  /** Thumbs up or down, or the right id: confirmed texts teach the classifier at once. */
  async feedback(params: FeedbackParams): Promise<{ recorded: boolean }> {
    const store = await this.deps.store();
    if (!store) return { recorded: false };
    const known = (await this.diagnoser()).entries.some((e) => e.id === params.correctId);
    if (params.correctId !== undefined && !known) throw new Error(`Unknown diagnosis id: ${String(params.correctId).slice(0, 64)}`);
    const recorded = await setFeedback(store, params.historyId, params.helpful, params.correctId ?? null);
    const row = recorded && (params.helpful || params.correctId) ? await diagnosisTerms(store, params.historyId) : null;
    if (row) (await this.diagnoser()).learn({ id: params.correctId ?? row.diagnosis, text: row.terms });
    return { recorded };
  }

  async history(projectPath: string | null, limit: number): Promise<HistoryRow[]> {
    const store = await this.deps.store();
    return store ? diagnosisHistory(store, projectPath, limit) : [];
  }

  private async remember(store: Store, d: Diagnosis, params: DiagnoseParams, projectPath: string | null): Promise<number> {
    const now = this.now();
    if (projectPath && d.id !== 'unknown') await markRecurred(store, projectPath, d.id, new Date(now.getTime() - RECURRENCE_WINDOW_MS), now);
    return recordDiagnosis(store, { projectPath, diagnosis: d.id, confidence: d.confidence, source: params.source, summary: d.summary, excerpt: excerptOf(params.text, d.line), terms: termsOf(params.text) }, now);
  }

  private diagnoser(): Promise<Diagnoser> {
    this.loaded ??= this.load();
    this.loaded.catch(() => (this.loaded = null)); // a failed load is tried again on the next text
    return this.loaded;
  }

  private async load(): Promise<Diagnoser> {
    const store = await this.deps.store();
    const confirmed = store ? await confirmedExamples(store).catch(() => []) : [];
    const diagnoser = await createDiagnoser({ userDir: this.deps.userDir, confirmed });
    for (const problem of diagnoser.problems) this.deps.onProblem(problem);
    return diagnoser;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private projectOf(file: string | undefined): string | undefined {
    return file ? (deepestProject(file, this.deps.projects().map((p) => p.path)) ?? undefined) : undefined;
  }

  /** The first user frame whose file exists, its path made absolute against the command's folder. */
  private async userFrame(frames: readonly StackFrame[], cwd: string | undefined): Promise<DiagnoseResult['userFrame']> {
    // firstUserFrame knows each runtime's order (Python prints the failing frame last).
    const first = firstUserFrame(frames);
    const candidates = [...(first ? [first] : []), ...frames.filter((f) => f.userCode && f !== first)].slice(0, 10);
    for (const frame of candidates) {
      const file = path.isAbsolute(frame.file) ? frame.file : cwd ? path.resolve(cwd, frame.file) : null;
      if (!file) continue;
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) return { file, line: frame.line, column: frame.column };
    }
    return undefined;
  }
}
