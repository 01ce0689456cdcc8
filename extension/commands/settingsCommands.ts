import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import { EnvViewRequest, SetEnvProfileRequest, SetStartCommandRequest, StartPlanRequest } from '../../language-server/protocol';
import type { ProjectsModel } from '../projectsModel';
import { projectCommand } from './pickProject';

type Pick = vscode.QuickPickItem & { command?: string | null };

/** Per-project choices saved in the store: the command that starts it and the .env profile it starts with. */
export function registerSettingsCommands(model: ProjectsModel, client: () => LanguageClient): vscode.Disposable[] {
  return [
    projectCommand('optimus.changeStartCommand', 'Project whose start command to change', model, (p) => changeStartCommand(client(), p)),
    projectCommand('optimus.selectEnvProfile', 'Project whose environment to choose', model, (p) => selectEnvProfile(client(), p)),
  ];
}

async function changeStartCommand(client: LanguageClient, project: Project): Promise<void> {
  const plan = await client.sendRequest(StartPlanRequest.type, { path: project.path });
  const items: Pick[] = (plan?.alternatives ?? []).map((a) => ({
    label: a.command,
    description: a.command === plan?.command ? `current · ${a.source}` : a.source,
    command: a.command,
  }));
  if (plan && !items.some((i) => i.command === plan.command)) items.unshift({ label: plan.command, description: `current · ${plan.source}`, command: plan.command });
  items.push({ label: '$(edit) Enter a Command…', alwaysShow: true });
  if (plan?.source === 'settings') items.push({ label: '$(discard) Use the Detected Command', command: null, alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, { title: `Start command of ${project.name}`, placeHolder: 'What Optimus runs to start the project' });
  if (!picked) return;
  const command = picked.command !== undefined ? picked.command : await askCommand(plan?.command);
  if (command === undefined) return;
  const next = await client.sendRequest(SetStartCommandRequest.type, { path: project.path, command });
  vscode.window.setStatusBarMessage(`$(check) ${project.name} starts with: ${next?.command ?? 'nothing found'}`, 4000);
}

function askCommand(current: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Start command',
    prompt: 'Run from the project folder, in a terminal Optimus opens. You confirm it before the first run.',
    value: current ?? '',
    validateInput: (v) => (v.trim() === '' ? 'Enter a command, e.g. npm run dev' : v.includes('\n') ? 'One line only' : undefined),
  });
}

async function selectEnvProfile(client: LanguageClient, project: Project): Promise<void> {
  const view = await client.sendRequest(EnvViewRequest.type, { path: project.path });
  const files = (profile: string) => view.files.filter((f) => f.name === `.env.${profile}` || f.name === `.env.${profile}.local`).map((f) => f.name);
  const items: Array<vscode.QuickPickItem & { profile: string | null }> = view.profiles.map((profile) => ({
    label: profile,
    description: [profile === view.profile ? 'current' : '', files(profile).join(', ') || 'no file of its own'].filter(Boolean).join(' · '),
    profile,
  }));
  if (view.profileSource === 'settings') items.push({ label: '$(discard) Use the Project’s Default', description: '.optimus.json or development', profile: null });
  const picked = await vscode.window.showQuickPick(items, { title: `Environment of ${project.name}`, placeHolder: 'The .env profile the next start loads' });
  if (!picked) return;
  const next = await client.sendRequest(SetEnvProfileRequest.type, { path: project.path, profile: picked.profile });
  const example = next.example?.split(/[\\/]/).pop() ?? 'the example';
  const missing = next.missing.length > 0 ? ` ${next.missing.length} key(s) listed in ${example} are not set: ${next.missing.join(', ')}.` : '';
  if (missing) void vscode.window.showWarningMessage(`${project.name} now starts with the ${next.profile} environment.${missing}`);
  else vscode.window.setStatusBarMessage(`$(check) ${project.name} starts with the ${next.profile} environment`, 4000);
}
