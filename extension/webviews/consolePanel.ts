import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagnoseRequest, DiagnosisFeedbackRequest, DiagnosisHistoryRequest, type DiagnoseResult } from '../../language-server/protocol';
import { DIAGNOSIS_IDS } from '../../language-server/troubleshooter/diagnosisIds';
import { isConsoleCommand, isConsoleMessage, LIMITS, type ConsoleCommand, type ConsoleMessage } from '../../webviews/console/protocol';
import { errorText } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { DiagnosisView } from '../troubleshooter/diagnosisView';
import { applyDiagnosisFix } from '../troubleshooter/fixRunner';
import { clipboardText, diagnosisInfo, historyEntries, projectChoices, userFrames } from './consoleModels';
import { PanelHost, type PanelKind } from './panelHost';
import { PANELS } from './panelKinds';

export interface ConsoleDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  /** The troubleshooter's view: a guide fix opens its details page, as the notification's buttons do. */
  view: DiagnosisView;
  log: vscode.LogOutputChannel;
}

const KIND: PanelKind<ConsoleCommand, ConsoleMessage> = {
  ...PANELS.console,
  isCommand: isConsoleCommand,
  isMessage: isConsoleMessage,
};

/** Diagnoses the page may still act on; an older one asks to be diagnosed again. */
const KEEP_RESULTS = 20;
const HISTORY_LIMIT = 100;
const PROJECTS_DEBOUNCE_MS = 300;

/**
 * The host side of the troubleshooting console: it checks each message from the page, forwards it to the
 * language server or to the same fix code the notifications use, and sends the answers back. The page names
 * fixes and frames by the diagnosis they belong to, so what runs or opens is always what the server said.
 */
export class ConsolePanel extends PanelHost<ConsoleCommand, ConsoleMessage> {
  static readonly viewType = KIND.viewType;

  private readonly results = new Map<number, { result: DiagnoseResult; cwd: string | undefined }>();
  private nextRef = 1;
  private latest: number | undefined;
  private project: string | null = null;
  private projectsTimer: NodeJS.Timeout | undefined;

  /** Opens the console, or brings the open one to the front. */
  static show(context: vscode.ExtensionContext, deps: ConsoleDeps): ConsolePanel {
    return PanelHost.reveal<ConsolePanel>(KIND.viewType) ?? new ConsolePanel(PanelHost.createPanel(context, KIND), deps);
  }

  /** Makes the host again around a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, deps: ConsoleDeps): ConsolePanel {
    return new ConsolePanel(panel, deps);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: ConsoleDeps,
  ) {
    super(panel, KIND, deps.log);
    this.disposables.push(deps.projects.onDidChange(() => this.projectsChanged()));
  }

  protected override released(): void {
    clearTimeout(this.projectsTimer);
  }

  protected override failed(_command: ConsoleCommand, error: unknown): void {
    this.post({ type: 'failed', message: `Optimus could not do that: ${errorText(error)}`.slice(0, LIMITS.shortText) });
  }

  protected async handle(command: ConsoleCommand): Promise<void> {
    switch (command.type) {
      case 'ready':
        this.post({ type: 'init', projects: projectChoices(this.deps.projects.all()), diagnosisIds: DIAGNOSIS_IDS.filter((id) => id !== 'unknown') });
        this.resendLatest(); // an answer that came while the page was hidden was lost with it
        return this.sendHistory(command.project);
      case 'pickProject':
        return this.sendHistory(command.project);
      case 'diagnose':
        return this.diagnose(command.text, command.project);
      case 'readClipboard':
        return this.post({ type: 'clipboard', text: clipboardText(await vscode.env.clipboard.readText()) });
      case 'applyFix':
        return this.applyFix(command.ref, command.fixKey);
      case 'openFrame':
        return this.openFrame(command.ref, command.frame);
      case 'feedback': {
        const { recorded } = await this.deps.client().sendRequest(DiagnosisFeedbackRequest.type, { historyId: command.historyId, helpful: command.helpful, ...(command.correctId ? { correctId: command.correctId } : {}) });
        if (!recorded) return this.post({ type: 'failed', message: 'Optimus could not record the verdict: that diagnosis is no longer in its history.' });
        this.post({ type: 'feedbackRecorded', historyId: command.historyId, helpful: command.helpful, correctId: command.correctId });
        return this.sendHistory(this.project);
      }
    }
  }

  private async diagnose(text: string, project: string | null): Promise<void> {
    // Only a project the server knows becomes the working folder: the page's word is not a path to trust.
    const cwd = project !== null && this.deps.projects.get(project) ? project : undefined;
    const result = await this.deps.client().sendRequest(DiagnoseRequest.type, { text, source: 'input', ...(cwd ? { cwd } : {}) });
    const ref = this.nextRef++;
    this.results.set(ref, { result, cwd });
    if (this.results.size > KEEP_RESULTS) this.results.delete(this.results.keys().next().value as number);
    this.latest = ref;
    this.post({ type: 'diagnosis', diagnosis: diagnosisInfo(ref, result) });
    await this.sendHistory(this.project);
  }

  private async applyFix(ref: number, fixKey: string): Promise<void> {
    const held = this.results.get(ref);
    const fix = held?.result.diagnosis.fixes.find((f) => f.key === fixKey);
    if (!held || !fix) return this.stale(`fix "${fixKey}" of diagnosis ${ref}`);
    await applyDiagnosisFix(fix, held.result, { client: this.deps.client(), view: this.deps.view, cwd: held.cwd ?? held.result.projectPath ?? undefined });
    await this.sendHistory(this.project);
  }

  private async openFrame(ref: number, index: number): Promise<void> {
    const held = this.results.get(ref);
    const frame = held ? userFrames(held.result)[index] : undefined;
    if (!frame) return this.stale(`frame ${index} of diagnosis ${ref}`);
    const position = new vscode.Position(Math.max(0, frame.link.line - 1), Math.max(0, (frame.link.column ?? 1) - 1));
    await vscode.window.showTextDocument(vscode.Uri.file(frame.file), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
  }

  private async sendHistory(project: string | null): Promise<void> {
    this.project = project;
    const rows = await this.deps.client().sendRequest(DiagnosisHistoryRequest.type, { ...(project ? { path: project } : {}), limit: HISTORY_LIMIT });
    this.post({ type: 'history', project, rows: historyEntries(rows) });
  }

  private resendLatest(): void {
    const held = this.latest === undefined ? undefined : this.results.get(this.latest);
    if (held && this.latest !== undefined) this.post({ type: 'diagnosis', diagnosis: diagnosisInfo(this.latest, held.result) });
  }

  private projectsChanged(): void {
    clearTimeout(this.projectsTimer);
    this.projectsTimer = setTimeout(() => {
      // A hidden page does not exist; it asks for everything again when shown.
      if (this.panel.visible) this.post({ type: 'projects', projects: projectChoices(this.deps.projects.all()) });
    }, PROJECTS_DEBOUNCE_MS);
  }

  private stale(what: string): void {
    this.log.warn(`${this.kind.label}: asked for ${what}, which it no longer holds`);
    this.post({ type: 'failed', message: 'That diagnosis is too old to act on here: diagnose the error again.' });
  }

  /** The page is told something went wrong rather than left waiting. */
  protected override refused(message: ConsoleMessage): void {
    if (message.type !== 'failed') this.post({ type: 'failed', message: `Optimus could not show its answer (${message.type}); see the Optimus log.` });
  }
}
