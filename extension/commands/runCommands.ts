import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import { RunsRequest, StartPlanRequest, StartRequest, StopRequest, type StartPlan } from '../../language-server/protocol';
import type { ProjectsModel } from '../projectsModel';
import { portsText } from '../runtime/format';
import type { RunTerminals } from '../runtime/runTerminals';
import type { RuntimeModel } from '../runtime/runtimeModel';
import { projectCommand } from './pickProject';

export interface RunDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  runtime: RuntimeModel;
  terminals: RunTerminals;
  state: vscode.Memento;
}

const APPROVED = 'optimus.approvedStartCommands';

/** Start, stop, restart, open a port, show a run's output; each from the tree, the palette or the status bar. */
export function registerRunCommands(deps: RunDeps): vscode.Disposable[] {
  const on = (id: string, placeHolder: string, run: (p: Project) => Promise<unknown>) => projectCommand(id, placeHolder, deps.projects, run);
  return [
    on('optimus.start', 'Project to start', (p) => start(deps, p)),
    on('optimus.stop', 'Project to stop', (p) => stop(deps, p)),
    on('optimus.restart', 'Project to restart', async (p) => (await stop(deps, p)) && start(deps, p)),
    on('optimus.openPort', 'Project whose port to open', (p) => openPort(deps, p, false)),
    on('optimus.openPortInEditor', 'Project whose port to open', (p) => openPort(deps, p, true)),
    on('optimus.showOutput', 'Project whose output to show', (p) => showOutput(deps, p)),
  ];
}

async function start(deps: RunDeps, project: Project): Promise<void> {
  const plan = await deps.client().sendRequest(StartPlanRequest.type, { path: project.path });
  if (!plan) {
    void vscode.window.showWarningMessage(`Optimus found no way to start ${project.name}: no dev/start script, compose file, Procfile or other known entry point. Add "start" to a .optimus.json in the project.`);
    return;
  }
  if (!(await approved(deps.state, project, plan))) return;
  const run = await deps.client().sendRequest(StartRequest.type, { path: project.path, command: plan.command, columns: 120, rows: 30 });
  deps.terminals.show(run, project.name);
}

/**
 * A command runs without asking only when the user approved that exact command for that project before:
 * the detected command can change when the project's files do.
 */
async function approved(state: vscode.Memento, project: Project, plan: StartPlan): Promise<boolean> {
  const known = state.get<Record<string, string>>(APPROVED, {});
  if (known[project.path] === plan.command) return true;
  const env = plan.envProfile ? `, with the ${plan.envProfile} environment (${plan.envFiles.join(', ')})` : '';
  const choice = await vscode.window.showInformationMessage(
    `Start ${project.name}?`,
    { modal: true, detail: `Optimus will run\n\n${plan.command}\n\nin ${plan.cwd}${env}. Found in: ${plan.source}.` },
    'Start',
    'Start and Remember',
  );
  if (choice === 'Start and Remember') await state.update(APPROVED, { ...known, [project.path]: plan.command });
  return choice !== undefined;
}

/** Resolves false when the user declined. Stopping what Optimus itself started needs no question. */
async function stop(deps: RunDeps, project: Project): Promise<boolean> {
  const runtime = deps.runtime.get(project.path);
  if (!runtime?.running) {
    void vscode.window.showInformationMessage(`${project.name} is not running.`);
    return true;
  }
  if (!runtime.runId) {
    const what = `${runtime.pids.length} process${runtime.pids.length === 1 ? '' : 'es'} (pid ${runtime.pids.slice(0, 5).join(', ')}${runtime.pids.length > 5 ? ', …' : ''})`;
    const containers = runtime.containerIds.length > 0 ? ` and ${runtime.containerIds.length} container(s)` : '';
    const choice = await vscode.window.showWarningMessage(`Stop ${project.name}?`, { modal: true, detail: `Optimus did not start it. This ends ${what}${containers} ${portsText(runtime.ports)}: first politely, then by force after 5 seconds.` }, 'Stop');
    if (choice !== 'Stop') return false;
  }
  const result = await deps.client().sendRequest(StopRequest.type, { path: project.path });
  if (result.failed.length > 0) {
    void vscode.window.showWarningMessage(`Optimus could not stop ${result.failed.length} process(es) of ${project.name}: ${result.failed.map((f) => `${f.pid}: ${f.reason}`).join('; ')}`);
  }
  return true;
}

async function openPort(deps: RunDeps, project: Project, inEditor: boolean): Promise<void> {
  const ports = deps.runtime.get(project.path)?.ports ?? [];
  if (ports.length === 0) {
    void vscode.window.showInformationMessage(`${project.name} does not listen on any port right now.`);
    return;
  }
  const port = ports.length === 1 ? ports[0] : (await vscode.window.showQuickPick(ports.map((p) => ({ label: `:${p}`, port: p })), { placeHolder: 'Port to open' }))?.port;
  if (port === undefined) return;
  const url = `http://localhost:${port}`;
  if (inEditor) await vscode.commands.executeCommand('simpleBrowser.show', url);
  else await vscode.env.openExternal(vscode.Uri.parse(url));
}

async function showOutput(deps: RunDeps, project: Project): Promise<void> {
  const { runs } = await deps.client().sendRequest(RunsRequest.type, {});
  const run = runs.find((r) => r.path === project.path);
  if (!run) {
    void vscode.window.showInformationMessage(`Optimus has not started ${project.name} in this window.`);
    return;
  }
  const { history } = await deps.client().sendRequest(RunsRequest.type, { historyOf: run.runId });
  deps.terminals.show(run, project.name, history ?? '');
}
