import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import { DeployPlanRequest, DeployRequest, DockerfileRequest, SetDeployCommandRequest, WriteDockerfileRequest, type DeployPlan } from '../../language-server/protocol';
import type { ProjectsModel } from '../projectsModel';
import { projectCommand } from './pickProject';

/** Deploy with the project's own command after showing it; propose a Dockerfile and write it after a preview. */
export function registerDeployCommands(model: ProjectsModel, client: () => LanguageClient): vscode.Disposable[] {
  return [
    projectCommand('optimus.deploy', 'Project to deploy', model, (p) => deploy(client(), p)),
    projectCommand('optimus.changeDeployCommand', 'Project whose deploy command to change', model, (p) => changeDeployCommand(client(), p)),
    projectCommand('optimus.generateDockerfile', 'Project to write a Dockerfile for', model, (p) => generateDockerfile(client(), p)),
  ];
}

async function deploy(client: LanguageClient, project: Project): Promise<void> {
  let plan = await client.sendRequest(DeployPlanRequest.type, { path: project.path });
  if (!plan.command) {
    const notes = plan.targets.flatMap((t) => [`${t.label}: ${t.notes.join(' ') || 'deployed without a command'}`]);
    const choice = await vscode.window.showWarningMessage(
      `Optimus knows no command that deploys ${project.name}.`,
      { modal: true, detail: notes.length > 0 ? notes.join('\n') : 'No Dockerfile, compose file, fly.toml, vercel.json, netlify.toml, Procfile or deploy workflow was found. Set the command Optimus should run.' },
      'Set Deploy Command…',
    );
    if (choice !== 'Set Deploy Command…') return;
    const next = await changeDeployCommand(client, project);
    if (!next?.command) return;
    plan = next;
  }
  if (!(await confirmDeploy(project, plan))) return;
  const approved = await client.sendRequest(DeployRequest.type, { path: project.path, command: plan.command! });
  const terminal = vscode.window.createTerminal({ name: `Deploy: ${project.name}`, cwd: approved.cwd, iconPath: new vscode.ThemeIcon('cloud-upload') });
  terminal.show();
  terminal.sendText(approved.command, true);
}

function confirmDeploy(project: Project, plan: DeployPlan): Thenable<boolean> {
  const target = plan.targets.find((t) => t.suggestedCommand === plan.command);
  const from = plan.source === 'detected' && target ? `detected from ${target.label}` : `from ${plan.source}`;
  const notes = target?.notes.length ? `\n\n${target.notes.join('\n')}` : '';
  return vscode.window
    .showWarningMessage(`Deploy ${project.name}?`, { modal: true, detail: `Optimus will run\n\n${plan.command}\n\nin ${plan.cwd}, in a new terminal (${from}).${notes}` }, 'Deploy')
    .then((choice) => choice === 'Deploy');
}

async function changeDeployCommand(client: LanguageClient, project: Project): Promise<DeployPlan | undefined> {
  const plan = await client.sendRequest(DeployPlanRequest.type, { path: project.path });
  const suggestions = plan.targets.filter((t) => t.suggestedCommand).map((t) => ({ label: t.suggestedCommand!, description: t.label }));
  const items: Array<vscode.QuickPickItem & { command?: string | null }> = suggestions.map((s) => ({ ...s, command: s.label }));
  items.push({ label: '$(edit) Enter a Command…', alwaysShow: true });
  if (plan.source === 'settings') items.push({ label: '$(discard) Use the Detected Command', command: null, alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, { title: `Deploy command of ${project.name}`, placeHolder: plan.command ? `Now: ${plan.command}` : 'None yet' });
  if (!picked) return undefined;
  const command = picked.command !== undefined
    ? picked.command
    : await vscode.window.showInputBox({ title: 'Deploy command', prompt: 'Run from the project folder in a terminal, after you confirm it each time.', value: plan.command ?? '', validateInput: (v) => (v.trim() ? undefined : 'Enter a command') });
  if (command === undefined) return undefined;
  return client.sendRequest(SetDeployCommandRequest.type, { path: project.path, command });
}

async function generateDockerfile(client: LanguageClient, project: Project): Promise<void> {
  const proposal = await client.sendRequest(DockerfileRequest.type, { path: project.path });
  if (!proposal.template) {
    void vscode.window.showWarningMessage(`Optimus has no Dockerfile template for ${project.name}'s stack. ${proposal.notes.join(' ')}`);
    return;
  }
  const preview = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: proposal.dockerfile });
  await vscode.window.showTextDocument(preview, { preview: true });
  const detail = [`Template: ${proposal.template}${proposal.port ? ` · port ${proposal.port}` : ''}`, ...proposal.notes].join('\n');
  const choice = await vscode.window.showInformationMessage(`Write this Dockerfile and a .dockerignore to ${project.name}?`, { modal: true, detail: `${detail}\n\nExisting files are never overwritten.` }, 'Write Files');
  if (choice !== 'Write Files') return;
  const written = await client.sendRequest(WriteDockerfileRequest.type, { path: project.path, dockerfile: preview.getText(), dockerignore: proposal.dockerignore });
  if (written.kept.length > 0) void vscode.window.showInformationMessage(`Kept the existing ${written.kept.join(' and ')}; wrote ${written.written.join(' and ')}.`);
  if (written.written.includes('Dockerfile')) await vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(project.path), 'Dockerfile'));
}
