import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagnoseRequest, DiagnosisFeedbackRequest, RunsRequest, type DiagnoseParams, type DiagnoseResult, type RunInfo } from '../../language-server/protocol';
import { DIAGNOSIS_IDS } from '../../language-server/troubleshooter/diagnosisIds';
import { errorText } from '../commands/pickProject';
import { headline } from './diagnosisDocument';
import { DiagnosisView } from './diagnosisView';
import { applyDiagnosisFix, runConfirmedCommand, stopPortAndSay } from './fixRunner';
import { registerHistoryView } from './historyView';
import { offeredFixes } from './offeredFixes';
import { watchTerminals } from './terminalWatcher';

/** Below this, a failure Optimus was not asked about is not worth interrupting the user for. */
const NOTIFY_CONFIDENCE = 0.5;
const MAX_FIX_BUTTONS = 2;

export interface Troubleshooter extends vscode.Disposable {
  /** Shows diagnoses (details pages, the user frame as a problem); the console panel shares it. */
  readonly view: DiagnosisView;
  /** A run Optimus started ended: a crash is diagnosed from its output. */
  runExited(run: RunInfo): void;
}

/** "Optimus: Diagnose Error", failed terminal commands and crashed runs, each to one notification with its best fixes. */
export function registerTroubleshooter(client: () => LanguageClient): Troubleshooter {
  const view = new DiagnosisView();
  let last: DiagnoseResult | undefined;
  const settings = () => vscode.workspace.getConfiguration('optimus.troubleshooter');
  const diagnose = async (params: DiagnoseParams, origin: string, asked: boolean): Promise<void> => {
    try {
      const result = await client().sendRequest(DiagnoseRequest.type, params);
      last = result;
      if (!asked && (result.diagnosis.id === 'unknown' || result.diagnosis.confidence < NOTIFY_CONFIDENCE)) return;
      await show(result, origin, { client: client(), view, cwd: params.cwd });
    } catch (error) {
      if (asked) void vscode.window.showErrorMessage(`Optimus could not diagnose the error: ${errorText(error)}`);
    }
  };
  const disposables = [
    view,
    vscode.commands.registerCommand('optimus.diagnoseError', () => diagnoseAsked(diagnose)),
    // The quick fixes of the server's preventive diagnostics (language-server/analyzer/lsp/codeActions.ts).
    vscode.commands.registerCommand('optimus.runFixCommand', (p: { command: string; cwd: string | null; diagnosisId: string }) => guarded(runConfirmedCommand(client(), p, p.diagnosisId))),
    vscode.commands.registerCommand('optimus.rateLastDiagnosis', () => guarded(rate(client(), last))),
    ...registerHistoryView(client),
    vscode.commands.registerCommand('optimus.stopPort', (p: { port: number }) => guarded(stopPortAndSay(client(), p.port))),
    watchTerminals((f) => void diagnose({ text: f.text, source: 'terminal', command: f.command, exitCode: f.exitCode, ...(f.cwd ? { cwd: f.cwd } : {}) }, `\`${shorten(f.command)}\` failed (exit ${f.exitCode})`, false), () => settings().get('watchTerminals', true)),
  ];
  return {
    view,
    runExited: (run) => void crashed(client(), run, diagnose),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}

/** The selection in the editor, else the clipboard or pasted text, as the user chooses. */
async function diagnoseAsked(diagnose: (p: DiagnoseParams, origin: string, asked: boolean) => Promise<void>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim()) return diagnose({ text: selected, source: 'selection', ...cwdOf(editor?.document.uri) }, 'The selected error', true);
  const clip = (await vscode.env.clipboard.readText()).trim();
  const picks = [
    ...(clip ? [{ label: '$(clippy) From the clipboard', description: shorten(clip.split('\n')[0] ?? ''), source: 'clipboard' as const }] : []),
    { label: '$(edit) Paste or type the error', description: '', source: 'input' as const },
  ];
  const pick = picks.length === 1 ? picks[0] : await vscode.window.showQuickPick(picks, { title: 'Diagnose which error?' });
  if (!pick) return;
  const text = pick.source === 'clipboard' ? clip : await vscode.window.showInputBox({ title: 'Diagnose an error', prompt: 'Paste the error message (the first line that names the error is enough)', ignoreFocusOut: true });
  if (!text?.trim()) return;
  await diagnose({ text, source: pick.source, ...cwdOf(editor?.document.uri) }, 'The error', true);
}

async function crashed(client: LanguageClient, run: RunInfo, diagnose: (p: DiagnoseParams, origin: string, asked: boolean) => Promise<void>): Promise<void> {
  if (run.exitCode === null || run.exitCode === 0) return; // stopped by a signal (a stop) or ended well
  const { history } = await client.sendRequest(RunsRequest.type, { historyOf: run.runId });
  if (!history?.trim()) return;
  await diagnose({ text: history.slice(-256 * 1024), source: 'run', cwd: run.path, command: run.command, exitCode: run.exitCode }, `${baseName(run.path)} crashed (exit ${run.exitCode})`, false);
}

async function show(result: DiagnoseResult, origin: string, ctx: Parameters<typeof applyDiagnosisFix>[2]): Promise<void> {
  const d = result.diagnosis;
  if (d.id === 'unknown') return void vscode.window.showInformationMessage(`${origin}: Optimus does not recognise this error.`);
  const location = ctx.view.mark(result);
  const fixes = offeredFixes(result).slice(0, MAX_FIX_BUTTONS);
  const buttons = [...fixes.map((f) => f.title), ...(location ? ['Open Code'] : []), 'Details'];
  const choice = await vscode.window.showErrorMessage(`${origin}: ${headline(result)}`, ...buttons);
  if (!choice) return;
  try {
    if (choice === 'Details') return await ctx.view.openDetails(result);
    if (choice === 'Open Code' && location) return void (await vscode.window.showTextDocument(location.uri, { selection: location.range }));
    const fix = fixes.find((f) => f.title === choice);
    if (fix) await applyDiagnosisFix(fix, result, ctx);
  } catch (error) {
    void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
  }
}

/** Thumbs up or down on the last diagnosis; "wrong" asks for the right one, which teaches the classifier. */
async function rate(client: LanguageClient, last: DiagnoseResult | undefined): Promise<void> {
  if (!last || last.historyId === null) return void vscode.window.showInformationMessage('Optimus has diagnosed no error in this window yet.');
  const d = last.diagnosis;
  const verdict = await vscode.window.showQuickPick([{ label: '$(thumbsup) Right', helpful: true }, { label: '$(thumbsdown) Wrong', helpful: false }], { title: `Was "${d.title}" the right diagnosis?`, placeHolder: d.summary });
  if (!verdict) return;
  let correctId: string | undefined;
  if (!verdict.helpful) {
    const ids = [...new Set([...d.alternatives.map((a) => a.id), ...DIAGNOSIS_IDS])].filter((id) => id !== d.id && id !== 'unknown');
    correctId = (await vscode.window.showQuickPick(ids, { title: 'What was it? (optional: Optimus learns from it)' })) ?? undefined;
  }
  await client.sendRequest(DiagnosisFeedbackRequest.type, { historyId: last.historyId, helpful: verdict.helpful, ...(correctId ? { correctId } : {}) });
  vscode.window.setStatusBarMessage('Optimus: thanks — noted', 3000);
}

async function guarded(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
  }
}

function cwdOf(uri: vscode.Uri | undefined): { cwd?: string } {
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? { cwd: folder.uri.fsPath } : {};
}

const shorten = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const baseName = (p: string): string => p.split(/[\\/]/).filter(Boolean).pop() ?? p;
