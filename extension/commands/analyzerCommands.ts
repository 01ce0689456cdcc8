import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import { AnalyzeProjectRequest, ApplyFixRequest, type ApplyFixParams } from '../../language-server/protocol';
import { withServerProgress, wasCancelled } from '../progress';
import type { ProjectsModel } from '../projectsModel';
import { errorText, projectCommand } from './pickProject';

/** Analyze a whole project; apply a quick fix the server offered (asking why, when silencing a rule). */
export function registerAnalyzerCommands(model: ProjectsModel, client: () => LanguageClient): vscode.Disposable[] {
  return [
    projectCommand('optimus.analyzeProject', 'Project to analyze', model, (p) => analyze(client(), p)),
    vscode.commands.registerCommand('optimus.applyFix', (params: ApplyFixParams) => applyFix(client(), params)),
  ];
}

/** The progress ends with the analysis; the summary is offered after it, so "Analyzing…" never outlives the work. */
async function analyze(client: LanguageClient, project: Project): Promise<void> {
  const s = await withServerProgress(`Analyzing ${project.name}`, async (progressId, token) => {
    try {
      return await client.sendRequest(AnalyzeProjectRequest.type, { path: project.path, progressId }, token);
    } catch (error) {
      if (wasCancelled(error, token)) return void vscode.window.setStatusBarMessage(`Analysis of ${project.name} cancelled`, 4000);
      throw error;
    }
  });
  if (!s) return;
  const categories = Object.entries(s.byCategory).map(([c, n]) => `${n} ${c}`).join(', ') || 'none';
  const hours = s.debt.minutes >= 60 ? `${Math.round(s.debt.minutes / 6) / 10} h` : `${s.debt.minutes} min`;
  void vscode.window
    .showInformationMessage(`${project.name}: health ${s.health.score}/100 · debt ${s.debt.rating} (${hours}) · ${s.findings} findings (${categories}) in ${s.files} files.`, 'Show Problems')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
}

async function applyFix(client: LanguageClient, params: ApplyFixParams): Promise<void> {
  let reason: string | undefined;
  if (params.kind === 'disable') {
    reason = await vscode.window.showInputBox({
      title: 'Why does this rule not apply here?',
      prompt: 'The reason goes into the comment that silences the rule for this line.',
      validateInput: (v) => (v.trim() ? undefined : 'A reason is needed, so the next reader knows why'),
    });
    if (reason === undefined) return;
  }
  try {
    const result = await client.sendRequest(ApplyFixRequest.type, { ...params, ...(reason ? { reason } : {}) });
    // The fix also edited files the user was not looking at (.env, .gitignore): saved, or they would sit
    // unsaved in hidden tabs. The file being edited stays the user's to review and save.
    for (const uri of result.files) {
      if (uri === params.uri) continue;
      await vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(uri).toString())?.save();
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
  }
}
