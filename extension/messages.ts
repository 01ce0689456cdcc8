import * as vscode from 'vscode';
import type { ServerMessageParams } from '../language-server/protocol';

/** Shows each distinct server message once per window, so a watcher problem does not nag on every event. */
export function createMessageSink(log: vscode.LogOutputChannel): (m: ServerMessageParams) => void {
  const shown = new Set<string>();
  return (m) => {
    log[m.severity === 'info' ? 'info' : m.severity === 'warning' ? 'warn' : 'error'](m.message);
    if (shown.has(m.message)) return;
    shown.add(m.message);
    const show = m.severity === 'error' ? vscode.window.showErrorMessage : m.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(`Optimus: ${m.message}`, 'Show Log').then((choice) => choice && log.show());
  };
}
