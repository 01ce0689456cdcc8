import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ListProjectsRequest, ProjectsChangedNotification, ServerMessageNotification } from '../language-server/protocol';
import type { OptimusApi } from './api';
import { registerProjectCommands } from './commands/projectCommands';
import { registerViewCommands } from './commands/viewCommands';
import { createMessageSink } from './messages';
import { ProjectsModel } from './projectsModel';
import { createServerClient } from './serverClient';
import { ProjectsTree } from './tree/projectsTree';

/** Wires the pieces; everything that knows about projects lives in the language server. */
export async function activate(context: vscode.ExtensionContext): Promise<OptimusApi> {
  const log = vscode.window.createOutputChannel('Optimus', { log: true });
  const model = new ProjectsModel();
  const tree = new ProjectsTree(model);
  const view = vscode.window.createTreeView('optimus.projects', { treeDataProvider: tree, showCollapseAll: true });
  let client = createServerClient(context, log);
  const ready = whenFirstScanned(model);
  context.subscriptions.push(log, model, tree, view, model.onDidChange(() => updateContext(model, view)));
  updateContext(model, view);
  context.subscriptions.push(
    ...registerViewCommands(() => client, log),
    ...registerProjectCommands(model, () => client),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client.dispose();
      client = createServerClient(context, log);
      await startClient(client, model, log);
    }),
    { dispose: () => void client.dispose() },
  );
  await startClient(client, model, log);
  return {
    whenReady: () => ready,
    projects: () => model.all(),
    projectNodes: async () => tree.projectNodes(),
  };
}

export function deactivate(): void {
  // The client is disposed through context.subscriptions, which stops the server.
}

async function startClient(client: LanguageClient, model: ProjectsModel, log: vscode.LogOutputChannel): Promise<void> {
  const tell = createMessageSink(log);
  client.onNotification(ProjectsChangedNotification.type, (change) => model.apply(change));
  client.onNotification(ServerMessageNotification.type, tell);
  // After a crash the client restarts the server; the fresh server's list replaces ours.
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) void refreshList(client, model, log);
  });
  try {
    await client.start();
  } catch (error) {
    tell({ severity: 'error', message: `The Optimus server did not start: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function refreshList(client: LanguageClient, model: ProjectsModel, log: vscode.LogOutputChannel): Promise<void> {
  try {
    model.replace(await client.sendRequest(ListProjectsRequest.type));
  } catch (error) {
    log.warn(`Could not list projects: ${String(error)}`);
  }
}

function updateContext(model: ProjectsModel, view: vscode.TreeView<unknown>): void {
  const state = model.viewState();
  void vscode.commands.executeCommand('setContext', 'optimus.state', state);
  const count = model.all().length;
  view.message = model.state === 'scanning' && count > 0 ? 'Scanning…' : undefined;
  view.description = count > 0 ? String(model.all().filter((p) => p.parent === null).length) : undefined;
}

function whenFirstScanned(model: ProjectsModel): Promise<void> {
  return new Promise((resolve) => {
    const sub = model.onDidChange(() => {
      if (model.state !== 'ready') return;
      sub.dispose();
      resolve();
    });
  });
}
