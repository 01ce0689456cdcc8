import * as vscode from 'vscode';
import type { ScoresModel } from '../analysis/scoresModel';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import type { EnvView } from '../../language-server/orchestrator/env/envView';
import { projectDetails } from './details';
import { envDetails } from './envDetails';
import { groupProjects, type GroupBy, GROUP_BY_VALUES } from './grouping';
import type { ScanNote } from '../../language-server/model';
import type { DetailNode, ProjectNode, TreeNode } from './nodes';
import { renderNode } from './render';
import { runtimeShownOf } from './runtimeShown';

/** The Projects view. Redraws whenever the model or the grouping setting changes; holds no state of its own. */
export class ProjectsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** What the rows show of the runtime; a sample that only moves CPU or memory figures leaves the tree alone. */
  private runtimeShown = '';

  constructor(private readonly model: ProjectsModel, private readonly runtime: RuntimeModel, private readonly scores: ScoresModel, private readonly envOf: (path: string) => Promise<EnvView>) {
    this.subscriptions = [
      model.onDidChange(() => this.changed.fire(undefined)),
      // Each redraw re-creates every row, and a context menu open across one loses the row it was opened on
      // (its command then gets no project): redraw for what a row shows, not for every runtime sample.
      runtime.onDidChange(() => {
        const shown = runtimeShownOf(runtime);
        if (shown === this.runtimeShown) return;
        this.runtimeShown = shown;
        this.changed.fire(undefined);
      }),
      scores.onDidChange(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('optimus.groupBy')) this.changed.fire(undefined);
      }),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return renderNode(node, (path) => this.runtime.get(path), (path) => this.scores.get(path));
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.topLevel();
    if (node.kind === 'detail' && node.lazy) return this.lazyChildren(node.lazy.path);
    if (node.kind === 'group') return node.projects.map(projectNode);
    if (node.kind === 'project') return projectDetails(node.project, this.members(node.project.children));
    return node.children ?? [];
  }

  private async lazyChildren(path: string): Promise<TreeNode[]> {
    try {
      return envDetails(path, await this.envOf(path));
    } catch (error) {
      return [{ kind: 'detail', id: `${path}#env/error`, label: 'Could not read the environment', description: error instanceof Error ? error.message : String(error), icon: 'error' }];
    }
  }

  /** Project nodes as the tree shows them (for commands and tests). */
  projectNodes(): ProjectNode[] {
    return this.model.all().map(projectNode);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  private topLevel(): TreeNode[] {
    const projects = this.model.all();
    if (projects.length === 0) return []; // the welcome view explains
    const groups = groupProjects(projects, groupBySetting());
    const top: TreeNode[] = groups ?? projects.filter((p) => p.parent === null).map(projectNode);
    const notes = notesNode(this.model.notes);
    return notes ? [...top, notes] : top;
  }

  private members(paths: string[]) {
    return paths.map((p) => this.model.get(p)).filter((p) => p !== undefined);
  }
}

/** Folders the scan skipped or roots it could not find, so a missing project has an explanation. */
function notesNode(notes: readonly ScanNote[]): DetailNode | null {
  if (notes.length === 0) return null;
  const children: DetailNode[] = notes.map((n, i) => ({ kind: 'detail', id: `notes/${i}`, label: n.message, description: n.code, tooltip: `${n.message}\n${n.path}`, icon: 'info' }));
  return { kind: 'detail', id: 'notes', label: 'Skipped while scanning', description: String(notes.length), icon: 'warning', children };
}

function projectNode(project: ProjectNode['project']): ProjectNode {
  return { kind: 'project', project };
}

export function groupBySetting(): GroupBy {
  const value = vscode.workspace.getConfiguration('optimus').get<string>('groupBy');
  return GROUP_BY_VALUES.find((v) => v === value) ?? 'stack';
}
