import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ContainerInfo, ProcessInfo, ProjectRuntime, RuntimeSnapshot } from '../../language-server/model';
import { RuntimeSnapshotRequest } from '../../language-server/protocol';
import type { ProjectsModel } from '../projectsModel';
import { formatBytes, formatCpu, portsText } from './format';
import type { RuntimeModel } from './runtimeModel';

type RuntimeNode =
  | { kind: 'project'; path: string; runtime: ProjectRuntime }
  | { kind: 'port'; path: string; port: number }
  | { kind: 'process'; process: ProcessInfo }
  | { kind: 'container'; container: ContainerInfo }
  | { kind: 'info'; label: string; description?: string };

/** The Runtime view: what runs now, per project, with its ports, processes and containers. */
export class RuntimeTree implements vscode.TreeDataProvider<RuntimeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RuntimeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private snapshot: { at: number; value: Promise<RuntimeSnapshot> } | null = null;

  constructor(private readonly runtime: RuntimeModel, private readonly projects: ProjectsModel, private readonly client: () => LanguageClient) {
    this.subscription = runtime.onDidChange(() => {
      this.snapshot = null;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: RuntimeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': return this.projectItem(node.path, node.runtime);
      case 'port': return portItem(node.path, node.port);
      case 'process': return processItem(node.process);
      case 'container': return containerItem(node.container);
      case 'info': return Object.assign(new vscode.TreeItem(node.label), { description: node.description, iconPath: new vscode.ThemeIcon('info') });
    }
  }

  async getChildren(node?: RuntimeNode): Promise<RuntimeNode[]> {
    if (!node) return this.topLevel();
    if (node.kind !== 'project') return [];
    const snapshot = await this.currentSnapshot();
    const ports: RuntimeNode[] = node.runtime.ports.map((port) => ({ kind: 'port', path: node.path, port }));
    const processes: RuntimeNode[] = snapshot.processes.filter((p) => node.runtime.pids.includes(p.pid)).map((process) => ({ kind: 'process', process }));
    const containers: RuntimeNode[] = snapshot.containers.filter((c) => node.runtime.containerIds.includes(c.id)).map((container) => ({ kind: 'container', container }));
    return [...ports, ...processes, ...containers];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private topLevel(): RuntimeNode[] {
    const shown = [...this.runtime.running(), ...this.runtime.unseenCrashes()];
    const nodes: RuntimeNode[] = shown.map((runtime) => ({ kind: 'project', path: runtime.path, runtime }));
    if (this.runtime.docker !== 'available') nodes.push({ kind: 'info', label: 'Containers', description: this.runtime.docker });
    return nodes;
  }

  /** One request serves all the projects expanded in a burst. */
  private currentSnapshot(): Promise<RuntimeSnapshot> {
    if (!this.snapshot || Date.now() - this.snapshot.at > 1000) {
      this.snapshot = { at: Date.now(), value: Promise.resolve(this.client().sendRequest(RuntimeSnapshotRequest.type)) };
    }
    return this.snapshot.value;
  }

  private projectItem(projectPath: string, runtime: ProjectRuntime): vscode.TreeItem {
    const name = this.projects.get(projectPath)?.name ?? path.basename(projectPath);
    const item = new vscode.TreeItem(name, runtime.running ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `runtime:${projectPath}`;
    if (runtime.running) {
      item.description = [portsText(runtime.ports), formatCpu(runtime.cpuPercent), formatBytes(runtime.memoryBytes)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('testing.iconPassed'));
      item.contextValue = `runtimeProject.running${runtime.ports.length > 0 ? '.ports' : ''}`;
    } else {
      item.description = `crashed: exit code ${runtime.crashed?.exitCode ?? '?'}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'runtimeProject.crashed';
    }
    item.tooltip = projectPath;
    return item;
  }
}

function portItem(projectPath: string, port: number): vscode.TreeItem {
  const item = new vscode.TreeItem(`:${port}`);
  item.id = `runtime:${projectPath}:port:${port}`;
  item.description = `http://localhost:${port}`;
  item.iconPath = new vscode.ThemeIcon('globe');
  item.command = { command: 'vscode.open', title: 'Open in Browser', arguments: [vscode.Uri.parse(`http://localhost:${port}`)] };
  item.tooltip = `Open http://localhost:${port}`;
  return item;
}

// The terminal Optimus gives a run (util-linux `script`, see launcher/ptyCommand.ts): named for what it is.
const PTY_WRAPPER = /^\/usr\/bin\/script -q -e -f -c /;

function processItem(p: ProcessInfo): vscode.TreeItem {
  const label = PTY_WRAPPER.test(p.command) ? 'terminal of the Optimus run' : p.command;
  const item = new vscode.TreeItem(label.length > 60 ? `${label.slice(0, 59)}…` : label);
  item.id = `runtime:pid:${p.pid}`;
  item.description = [`pid ${p.pid}`, portsText(p.ports), p.cpuPercent === null ? '' : formatCpu(p.cpuPercent), formatBytes(p.memoryBytes)].filter(Boolean).join(' · ');
  item.tooltip = `${p.command}\npid ${p.pid}, parent ${p.ppid}, started ${p.startedAt}`;
  item.iconPath = new vscode.ThemeIcon('terminal');
  return item;
}

function containerItem(c: ContainerInfo): vscode.TreeItem {
  const item = new vscode.TreeItem(c.name);
  item.id = `runtime:container:${c.id}`;
  item.description = [c.state, c.image, portsText(c.ports)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('package');
  // Menus key on this: inline stop/restart for a running container, start for a stopped one.
  item.contextValue = c.state === 'running' ? 'container.running' : 'container.stopped';
  return item;
}
