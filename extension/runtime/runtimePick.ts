import path from 'node:path';
import * as vscode from 'vscode';
import type { ProjectRuntime } from '../../language-server/model';
import type { ProjectsModel } from '../projectsModel';
import { formatBytes, formatCpu, portsText } from './format';
import type { RuntimeModel } from './runtimeModel';

/** The status bar's click: running (and crashed) projects, then what to do with the one picked. */
export async function pickRunning(runtime: RuntimeModel, projects: ProjectsModel): Promise<void> {
  const shown = [...runtime.running(), ...runtime.unseenCrashes()];
  runtime.markCrashesSeen();
  if (shown.length === 0) {
    const start = await vscode.window.showInformationMessage('No project is running.', 'Start a Project…');
    if (start) await vscode.commands.executeCommand('optimus.start');
    return;
  }
  const name = (p: ProjectRuntime): string => projects.get(p.path)?.name ?? path.basename(p.path);
  const picked = await vscode.window.showQuickPick(
    shown.map((r) => ({
      label: `${r.running ? '$(play-circle)' : '$(warning)'} ${name(r)}`,
      description: r.running ? [portsText(r.ports), formatCpu(r.cpuPercent), formatBytes(r.memoryBytes)].filter(Boolean).join(' · ') : `crashed: exit code ${r.crashed?.exitCode ?? '?'}`,
      detail: r.path,
      runtime: r,
    })),
    { placeHolder: 'Running projects' },
  );
  if (!picked) return;
  const actions = actionsFor(picked.runtime);
  const action = await vscode.window.showQuickPick(actions, { placeHolder: name(picked.runtime) });
  if (action) await vscode.commands.executeCommand(action.command, picked.runtime.path);
}

function actionsFor(r: ProjectRuntime): Array<vscode.QuickPickItem & { command: string }> {
  if (!r.running) {
    return [
      { label: '$(play) Start Again', command: 'optimus.start' },
      { label: '$(output) Show Output', command: 'optimus.showOutput' },
    ];
  }
  return [
    { label: '$(debug-stop) Stop', command: 'optimus.stop' },
    { label: '$(debug-restart) Restart', command: 'optimus.restart' },
    ...(r.ports.length > 0 ? [{ label: '$(globe) Open in Browser', command: 'optimus.openPort' }, { label: '$(browser) Open in Simple Browser', command: 'optimus.openPortInEditor' }] : []),
    { label: '$(output) Show Output', command: 'optimus.showOutput' },
  ];
}
