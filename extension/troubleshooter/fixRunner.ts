import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixCommandRequest, FixOutcomeRequest, StopPortRequest, type DiagnoseResult } from '../../language-server/protocol';
import type { Fix } from '../../language-server/troubleshooter/types';
import type { DiagnosisView } from './diagnosisView';

export interface FixContext {
  client: LanguageClient;
  view: DiagnosisView;
  cwd: string | undefined;
}

/** How long a new terminal may take to report shell integration before the command is typed in blind. */
const INTEGRATION_WAIT_MS = 3000;

/**
 * Does what a fix button says. The user clicked exactly that fix, but a shell line still shows in full before
 * it runs (a button cannot show it), in a terminal of its own, after the server has checked the workspace is
 * trusted and audited it. What the fix did is reported back, so fixes that work rise and those that fail sink.
 */
export async function applyDiagnosisFix(fix: Fix, result: DiagnoseResult, ctx: FixContext): Promise<void> {
  if (fix.action === 'stop-port') return stopPort(fix, result, ctx.client);
  if (fix.kind === 'command' && fix.command) return runCommand(fix, result, ctx);
  await ctx.view.openDetails(result);
}

async function stopPort(fix: Fix, result: DiagnoseResult, client: LanguageClient): Promise<void> {
  const port = Number(result.diagnosis.captures.port);
  const stopped = await client.sendRequest(StopPortRequest.type, { port });
  report(client, result, fix, stopped.failed.length === 0);
  const what = [stopped.stopped.length ? `${stopped.stopped.length} process(es)` : '', stopped.containers?.length ? `${stopped.containers.length} container(s)` : ''].filter(Boolean).join(' and ');
  if (stopped.failed.length > 0) void vscode.window.showWarningMessage(`Optimus: port ${port}: could not stop ${stopped.failed.map((f) => `pid ${f.pid} (${f.reason})`).join(', ')}.`);
  else void vscode.window.showInformationMessage(`Optimus: stopped ${what || 'what held the port'}; port ${port} is free.`);
}

async function runCommand(fix: Fix, result: DiagnoseResult, ctx: FixContext): Promise<void> {
  const command = fix.command as string;
  const where = ctx.cwd ?? result.projectPath ?? undefined;
  const choice = await vscode.window.showWarningMessage(`Run this command${where ? ` in ${where}` : ''}?`, { modal: true, detail: command }, 'Run');
  if (choice !== 'Run') return;
  await ctx.client.sendRequest(FixCommandRequest.type, { command, cwd: where ?? null, diagnosisId: result.diagnosis.id });
  const terminal = vscode.window.createTerminal({ name: `Optimus fix: ${result.diagnosis.title}`, ...(where ? { cwd: where } : {}) });
  terminal.show();
  const integration = await shellIntegrationOf(terminal);
  if (!integration) return terminal.sendText(command, true); // no exit code to learn from: the outcome stays unknown
  const execution = integration.executeCommand(command);
  const ended = vscode.window.onDidEndTerminalShellExecution((e) => {
    if (e.execution !== execution) return;
    ended.dispose();
    if (e.exitCode !== undefined) report(ctx.client, result, fix, e.exitCode === 0, e.exitCode);
  });
}

function shellIntegrationOf(terminal: vscode.Terminal): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    const timer = setTimeout(() => (sub.dispose(), resolve(undefined)), INTEGRATION_WAIT_MS);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal !== terminal) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.shellIntegration);
    });
  });
}

function report(client: LanguageClient, result: DiagnoseResult, fix: Fix, ok: boolean, exitCode?: number): void {
  if (result.historyId === null) return;
  void client.sendRequest(FixOutcomeRequest.type, { historyId: result.historyId, fix: fix.key, ok, ...(exitCode === undefined ? {} : { exitCode }) }).catch(() => undefined);
}
