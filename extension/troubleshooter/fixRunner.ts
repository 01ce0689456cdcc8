import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixCommandRequest, StopPortRequest, type DiagnoseResult } from '../../language-server/protocol';
import type { Fix } from '../../language-server/troubleshooter/types';
import type { DiagnosisView } from './diagnosisView';

/**
 * Does what a fix button says. The user clicked exactly that fix, but a shell line still shows in full before
 * it runs (a button cannot show it), in a terminal of its own, after the server has checked the workspace is
 * trusted and audited it.
 */
export async function applyDiagnosisFix(fix: Fix, result: DiagnoseResult, ctx: { client: LanguageClient; view: DiagnosisView; cwd: string | undefined }): Promise<void> {
  if (fix.action === 'stop-port') return stopPort(ctx.client, Number(result.diagnosis.captures.port));
  if (fix.kind === 'command' && fix.command) return runCommand(ctx.client, fix.command, result, ctx.cwd);
  await ctx.view.openDetails(result);
}

async function stopPort(client: LanguageClient, port: number): Promise<void> {
  const stopped = await client.sendRequest(StopPortRequest.type, { port });
  const what = [stopped.stopped.length ? `${stopped.stopped.length} process(es)` : '', stopped.containers?.length ? `${stopped.containers.length} container(s)` : ''].filter(Boolean).join(' and ');
  if (stopped.failed.length > 0) void vscode.window.showWarningMessage(`Optimus: port ${port}: could not stop ${stopped.failed.map((f) => `pid ${f.pid} (${f.reason})`).join(', ')}.`);
  else void vscode.window.showInformationMessage(`Optimus: stopped ${what || 'what held the port'}; port ${port} is free.`);
}

async function runCommand(client: LanguageClient, command: string, result: DiagnoseResult, cwd: string | undefined): Promise<void> {
  const where = cwd ?? result.projectPath ?? undefined;
  const choice = await vscode.window.showWarningMessage(`Run this command${where ? ` in ${where}` : ''}?`, { modal: true, detail: command }, 'Run');
  if (choice !== 'Run') return;
  await client.sendRequest(FixCommandRequest.type, { command, cwd: where ?? null, diagnosisId: result.diagnosis.id });
  const terminal = vscode.window.createTerminal({ name: `Optimus fix: ${result.diagnosis.title}`, ...(where ? { cwd: where } : {}) });
  terminal.show();
  terminal.sendText(command, true);
}
