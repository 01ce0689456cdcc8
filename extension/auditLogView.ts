import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AuditLogRequest } from '../language-server/protocol';
import type { AuditRecord } from '../language-server/store/auditLog';

const SCHEME = 'optimus-audit';
const URI = vscode.Uri.from({ scheme: SCHEME, path: '/Optimus Audit Log' });
const ROWS = 500;

/**
 * "Optimus: Show Audit Log": every action that started, stopped, wrote or refused something, newest first,
 * as a read-only document (searchable, copyable, and it follows the theme like any editor).
 */
export function registerAuditLog(client: () => LanguageClient): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: async () => auditText(await client().sendRequest(AuditLogRequest.type, { limit: ROWS })),
  };
  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand('optimus.showAuditLog', async () => {
      changed.fire(URI); // an open document shows the rows added since
      const doc = await vscode.workspace.openTextDocument(URI);
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
  ];
}

export function auditText(rows: readonly AuditRecord[]): string {
  if (rows.length === 0) return 'Nothing audited yet. Starting, stopping, backing up, restoring, deploying and saving project settings are recorded here.\n';
  const header = `Optimus audit log — the latest ${rows.length} action${rows.length === 1 ? '' : 's'}, newest first\n\n`;
  return header + rows.map(auditLine).join('\n') + '\n';
}

function auditLine(r: AuditRecord): string {
  const details = r.details ? `  ${JSON.stringify(r.details)}` : '';
  return `${r.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}  ${r.outcome.padEnd(9)} ${r.actor.padEnd(6)} ${r.action.padEnd(18)} ${r.target}${details}`;
}
