import path from 'node:path';
import * as vscode from 'vscode';
import { deepestProject } from '../../language-server/scanner/projectPaths';
import type { Project } from '../../language-server/model';
import type { ProjectsModel } from '../projectsModel';
import { formatBytes, formatCpu, portsText, totals } from './format';
import type { RuntimeModel } from './runtimeModel';
import { escapeMarkdown as escape } from '../markdown';

/**
 * Two items: what runs across all projects (count, CPU, memory; a click lists them with actions), and the
 * project of the active editor (running or not; a click starts or stops it). Both turn warning-coloured
 * while a crash has not been looked at.
 */
export class RuntimeStatusBar implements vscode.Disposable {
  private readonly all = vscode.window.createStatusBarItem('optimus.runtime.all', vscode.StatusBarAlignment.Left, 10);
  private readonly current = vscode.window.createStatusBarItem('optimus.runtime.current', vscode.StatusBarAlignment.Left, 9);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly runtime: RuntimeModel, private readonly projects: ProjectsModel) {
    this.all.name = 'Optimus: Running Projects';
    this.current.name = 'Optimus: Current Project';
    this.all.command = 'optimus.runtime.pick';
    this.subscriptions = [
      runtime.onDidChange(() => this.render()),
      projects.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    ];
    this.render();
    this.all.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.all.dispose();
    this.current.dispose();
  }

  private render(): void {
    this.renderAll();
    this.renderCurrent();
  }

  private renderAll(): void {
    const running = this.runtime.running();
    const crashes = this.runtime.unseenCrashes();
    const sum = totals(running);
    this.all.text = running.length === 0 ? '$(pulse) none running' : `$(pulse) ${running.length} running · ${formatCpu(sum.cpu)} · ${formatBytes(sum.memory)}`;
    if (crashes.length > 0) this.all.text += ` · $(warning) ${crashes.length} crashed`;
    this.all.backgroundColor = crashes.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.all.tooltip = this.allTooltip();
    this.all.accessibilityInformation = { label: `Optimus: ${running.length} projects running${crashes.length ? `, ${crashes.length} crashed` : ''}` };
  }

  private allTooltip(): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    const running = this.runtime.running();
    if (running.length === 0) md.appendMarkdown('No project is running.\n\n');
    for (const r of running) {
      md.appendMarkdown(`$(play-circle) **${escape(this.nameOf(r.path))}** ${portsText(r.ports)} · ${formatCpu(r.cpuPercent)} · ${formatBytes(r.memoryBytes)}\n\n`);
    }
    for (const r of this.runtime.unseenCrashes()) {
      md.appendMarkdown(`$(warning) **${escape(this.nameOf(r.path))}** exited with code ${r.crashed?.exitCode ?? '?'}\n\n`);
    }
    if (this.runtime.docker !== 'available') md.appendMarkdown(`$(info) Containers: ${escape(this.runtime.docker)}\n\n`);
    md.appendMarkdown('Click for actions.');
    return md;
  }

  private renderCurrent(): void {
    const project = this.activeProject();
    if (!project) return this.current.hide();
    const runtime = this.runtime.get(project.path);
    const crashed = !!runtime?.crashed && !runtime.running && this.runtime.unseenCrashes().includes(runtime);
    if (runtime?.running) {
      this.current.text = `$(debug-stop) ${project.name} ${portsText(runtime.ports)}`.trimEnd();
      this.current.tooltip = `${project.name} is running (${formatCpu(runtime.cpuPercent)}, ${formatBytes(runtime.memoryBytes)}). Click to stop it.`;
      this.current.command = { command: 'optimus.stop', title: 'Stop', arguments: [project.path] };
    } else {
      this.current.text = `$(play) ${project.name}`;
      this.current.tooltip = crashed ? `${project.name} crashed (exit code ${runtime?.crashed?.exitCode ?? '?'}). Click to start it again.` : `${project.name} is not running. Click to start it.`;
      this.current.command = { command: 'optimus.start', title: 'Start', arguments: [project.path] };
    }
    this.current.backgroundColor = crashed ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.current.show();
  }

  /** The deepest project holding the active editor's file (a monorepo member before its monorepo). */
  private activeProject(): Project | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') return undefined;
    const holder = deepestProject(uri.fsPath, this.projects.all().map((p) => p.path));
    return holder === null ? undefined : this.projects.get(holder);
  }

  private nameOf(projectPath: string): string {
    return this.projects.get(projectPath)?.name ?? path.basename(projectPath);
  }
}

