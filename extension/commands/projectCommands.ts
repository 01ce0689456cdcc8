import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RescanRequest } from '../../language-server/protocol';
import type { ProjectsModel } from '../projectsModel';
import { projectCommand } from './pickProject';

/** Commands on one project: open, reveal, copy its path, rescan it. */
export function registerProjectCommands(model: ProjectsModel, client: () => LanguageClient): vscode.Disposable[] {
  const on = (id: string, placeHolder: string, run: (path: string) => Thenable<unknown> | void) =>
    projectCommand(id, placeHolder, model, async (project) => run(project.path));
  return [
    on('optimus.openInNewWindow', 'Project to open in a new window', (p) => vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(p), { forceNewWindow: true })),
    on('optimus.openInThisWindow', 'Project to open in this window', (p) => vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(p), { forceReuseWindow: true })),
    on('optimus.revealInFileManager', 'Project to reveal', (p) => vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(p))),
    on('optimus.copyPath', 'Project whose path to copy', async (p) => {
      await vscode.env.clipboard.writeText(p);
      vscode.window.setStatusBarMessage(`Copied ${p}`, 3000);
    }),
    on('optimus.rescanProject', 'Project to rescan', (p) => client().sendRequest(RescanRequest.type, { path: p })),
  ];
}
