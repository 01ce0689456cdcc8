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
  const ok = await stopPortAndSay(client, Number(result.diagnosis.captures.port));
  report(client, result, fix, ok);
}

/** Stops what listens on the port (the user clicked exactly that) and says what happened; true when all stopped. */
export async function stopPortAndSay(client: LanguageClient, port: number): Promise<boolean> {
  const stopped = await client.sendRequest(StopPortRequest.type, { port });
  const what = [stopped.stopped.length ? `${stopped.stopped.length} process(es)` : '', stopped.containers?.length ? `${stopped.containers.length} container(s)` : ''].filter(Boolean).join(' and ');
  if (stopped.failed.length > 0) void vscode.window.showWarningMessage(`Optimus: port ${port}: could not stop ${stopped.failed.map((f) => `pid ${f.pid} (${f.reason})`).join(', ')}.`);
  else void vscode.window.showInformationMessage(`Optimus: stopped ${what || 'what held the port'}; port ${port} is free.`);
  return stopped.failed.length === 0;
}

async function runCommand(fix: Fix, result: DiagnoseResult, ctx: FixContext): Promise<void> {
  const where = ctx.cwd ?? result.projectPath ?? null;
  await runConfirmedCommand(ctx.client, { command: fix.command as string, cwd: where, diagnosisId: result.diagnosis.id }, result.diagnosis.title, (exitCode) => report(ctx.client, result, fix, exitCode === 0, exitCode));
}

/**
 * Shows the shell line in full and runs it in a terminal of its own once the user confirms and the server has
 * approved it (trust, audit); `onExit` gets its exit code when shell integration can tell it.
 */
export async function runConfirmedCommand(client: LanguageClient, params: { command: string; cwd: string | null; diagnosisId: string }, label: string, onExit?: (exitCode: number) => void): Promise<void> {
  const choice = await vscode.window.showWarningMessage(`Run this command${params.cwd ? ` in ${params.cwd}` : ''}?`, { modal: true, detail: params.command }, 'Run');
  if (choice !== 'Run') return;
  await client.sendRequest(FixCommandRequest.type, params);
  const terminal = vscode.window.createTerminal({ name: `Optimus fix: ${label}`, ...(params.cwd ? { cwd: params.cwd } : {}) });
  terminal.show();
  const integration = await shellIntegrationOf(terminal);
  if (!integration) return terminal.sendText(params.command, true); // no exit code to learn from: the outcome stays unknown
  const execution = integration.executeCommand(params.command);
  const ended = vscode.window.onDidEndTerminalShellExecution((e) => {
    if (e.execution !== execution) return;
    ended.dispose();
    if (e.exitCode !== undefined) onExit?.(e.exitCode);
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
