import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RescanRequest } from '../../language-server/protocol';
import { GROUP_BY_VALUES, type GroupBy } from '../tree/grouping';
import { groupBySetting } from '../tree/projectsTree';

const GROUP_LABELS: Record<GroupBy, string> = { stack: 'Stack', folder: 'Folder', gitState: 'Git state', flat: 'None (flat list)' };

/** Commands on the view as a whole: rescan, grouping, roots, settings, log. */
export function registerViewCommands(client: () => LanguageClient, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('optimus.rescan', () => rescanAll(client())),
    vscode.commands.registerCommand('optimus.groupBy', pickGrouping),
    vscode.commands.registerCommand('optimus.addRoot', addRoot),
    vscode.commands.registerCommand('optimus.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:optimus-dev.optimus')),
    vscode.commands.registerCommand('optimus.showLog', () => log.show()),
  ];
}

async function rescanAll(client: LanguageClient): Promise<void> {
  await vscode.window.withProgress({ location: { viewId: 'optimus.projects' }, title: 'Scanning projects' }, async () => {
    const result = await client.sendRequest(RescanRequest.type, {});
    vscode.window.setStatusBarMessage(`Optimus: ${result.projectCount} projects in ${result.elapsedMs} ms`, 4000);
  });
}

async function pickGrouping(): Promise<void> {
  const current = groupBySetting();
  const items = GROUP_BY_VALUES.map((value) => ({ label: GROUP_LABELS[value], value, picked: value === current, description: value === current ? 'current' : '' }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Group projects by' });
  if (picked) await vscode.workspace.getConfiguration('optimus').update('groupBy', picked.value, vscode.ConfigurationTarget.Global);
}

async function addRoot(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Add Projects Folder' });
  if (!picked || picked.length === 0) return;
  const config = vscode.workspace.getConfiguration('optimus');
  const roots = config.get<string[]>('roots') ?? [];
  const added = picked.map((u) => u.fsPath).filter((p) => !roots.includes(p));
  await config.update('roots', [...roots, ...added], vscode.ConfigurationTarget.Global);
}
