import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagnosisHistoryRequest } from '../../language-server/protocol';
import { historyText } from './historyText';

const SCHEME = 'optimus-troubleshooting';
const URI = vscode.Uri.from({ scheme: SCHEME, path: '/Optimus Troubleshooting History' });

/**
 * "Optimus: Show Troubleshooting History": the errors Optimus diagnosed, per project, newest first, with what
 * each fix did. (The dashboards' troubleshooting console draws the same history.)
 */
export function registerHistoryView(client: () => LanguageClient): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: async () => historyText(await client().sendRequest(DiagnosisHistoryRequest.type, { limit: 200 })),
    }),
    vscode.commands.registerCommand('optimus.showTroubleshootingHistory', async () => {
      changed.fire(URI);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(URI), { preview: false });
    }),
  ];
}
