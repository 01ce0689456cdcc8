import * as vscode from 'vscode';
import { EnvViewRequest, StopRequest } from '../language-server/protocol';
import { registerAuditLog } from './auditLogView';
import { registerRuleDocs } from './analysis/ruleDocs';
import { ScoresModel } from './analysis/scoresModel';
import { registerAnalyzerCommands } from './commands/analyzerCommands';
import { registerBackupCommands } from './commands/backupCommands';
import { registerContainerCommands } from './commands/containerCommands';
import { registerDeployCommands } from './commands/deployCommands';
import { registerSettingsCommands } from './commands/settingsCommands';
import type { OptimusApi } from './api';
import { registerProjectCommands } from './commands/projectCommands';
import { registerRunCommands } from './commands/runCommands';
import { registerViewCommands } from './commands/viewCommands';
import { ServerConnection } from './connection';
import { ProjectsModel } from './projectsModel';
import { dockerNotice } from './runtime/dockerNotice';
import { pickRunning } from './runtime/runtimePick';
import { RuntimeModel } from './runtime/runtimeModel';
import { RuntimeStatusBar } from './runtime/statusBar';
import { RunTerminals } from './runtime/runTerminals';
import { RuntimeTree } from './runtime/runtimeTree';
import { ProjectsTree } from './tree/projectsTree';
import { registerTroubleshooter, type Troubleshooter } from './troubleshooter/troubleshooter';
import { registerPanels } from './webviews/registerPanels';
import { NextActionsTree } from './advisor/nextActionsTree';
import { registerAskCommand } from './ask/askCommand';
import { registerApiTokenCommands } from './api/apiTokenCommands';

/** Wires the pieces; everything that knows about projects and processes lives in the language server. */
export async function activate(context: vscode.ExtensionContext): Promise<OptimusApi> {
  const log = vscode.window.createOutputChannel('Optimus', { log: true });
  const projects = new ProjectsModel();
  const runtime = new RuntimeModel();
  const scores = new ScoresModel();
  let terminals: RunTerminals | undefined;
  let troubleshooter: Troubleshooter | undefined;
  const connection = new ServerConnection(context, { projects, runtime, scores, terminals: () => terminals, log, runExited: (run) => troubleshooter?.runExited(run) });
  const client = () => connection.client;
  troubleshooter = registerTroubleshooter(client);
  terminals = new RunTerminals(client, async (path, runId) => void (await client().sendRequest(StopRequest.type, { path, runId })));
  const tree = new ProjectsTree(projects, runtime, scores, (path) => client().sendRequest(EnvViewRequest.type, { path }));
  const view = vscode.window.createTreeView('optimus.projects', { treeDataProvider: tree, showCollapseAll: true });
  const nextActions = new NextActionsTree(client);
  const nextActionsView = vscode.window.createTreeView('optimus.nextActions', { treeDataProvider: nextActions });
  const runtimeView = vscode.window.createTreeView('optimus.runtime', { treeDataProvider: new RuntimeTree(runtime, projects, client) });
  const ready = whenFirstScanned(projects);
  context.subscriptions.push(
    log, projects, runtime, scores, terminals, tree, view, runtimeView, connection, troubleshooter, nextActions, nextActionsView,
    projects.onDidChange(() => nextActionsView.visible && nextActions.refreshSoon()),
    scores.onDidChange(() => nextActionsView.visible && nextActions.refreshSoon()),
    nextActionsView.onDidChangeVisibility((e) => e.visible && nextActions.refreshSoon()),
    vscode.commands.registerCommand('optimus.refreshNextActions', () => nextActions.refresh()),
    new RuntimeStatusBar(runtime, projects),
    dockerNotice(runtime, context.globalState),
    projects.onDidChange(() => updateContext(projects, view)),
    runtimeView.onDidChangeVisibility((e) => e.visible && runtime.markCrashesSeen()),
    ...registerViewCommands(client, log),
    ...registerProjectCommands(projects, client),
    ...registerRunCommands({ client, projects, runtime, terminals, state: context.globalState }),
    ...registerSettingsCommands(projects, client),
    ...registerBackupCommands(projects, client),
    ...registerContainerCommands(client),
    ...registerAnalyzerCommands(projects, client),
    registerRuleDocs(client),
    ...registerDeployCommands(projects, client),
    ...registerAuditLog(client),
    vscode.commands.registerCommand('optimus.runtime.pick', () => pickRunning(runtime, projects)),
    registerAskCommand({ client, projects, runtime }),
    ...registerApiTokenCommands(context, client),
    ...registerPanels(context, { client, projects, scores, runtime, view: () => troubleshooter!.view, log }),
  );
  updateContext(projects, view);
  await connection.start();
  return {
    whenReady: () => ready,
    projects: () => projects.all(),
    projectNodes: async () => tree.projectNodes(),
    runtime: () => runtime.running(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; disposing the client stops the server.
}

function updateContext(model: ProjectsModel, view: vscode.TreeView<unknown>): void {
  void vscode.commands.executeCommand('setContext', 'optimus.state', model.viewState());
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
