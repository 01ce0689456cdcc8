import * as vscode from 'vscode';
import type { Project, ScanNote } from '../language-server/model';
import type { IndexState, ProjectList, ProjectsChangedParams } from '../language-server/protocol';

/** What the Projects view shows when it is empty; drives the welcome content through the `optimus.state` context key. */
export type ViewState = 'starting' | 'noRoots' | 'noProjects' | 'ready';

/** The client's copy of the server's project list, kept current by notifications. It never reads the disk. */
export class ProjectsModel implements vscode.Disposable {
  private projects = new Map<string, Project>();
  private indexState: IndexState = 'starting';
  private scanNotes: ScanNote[] = [];
  private roots: string[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  all(): Project[] {
    return [...this.projects.values()].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  }
  get(path: string): Project | undefined {
    return this.projects.get(path);
  }
  get state(): IndexState {
    return this.indexState;
  }
  get notes(): readonly ScanNote[] {
    return this.scanNotes;
  }

  /** The whole list, as answered by the listProjects request. */
  replace(list: ProjectList): void {
    this.projects = new Map(list.projects.map((p) => [p.path, p]));
    this.indexState = list.state;
    this.scanNotes = list.notes;
    this.roots = list.roots;
    this.changed.fire();
  }

  apply(change: ProjectsChangedParams): void {
    if (change.full) this.projects.clear();
    for (const p of change.updated) this.projects.set(p.path, p);
    for (const path of change.removed) this.projects.delete(path);
    this.indexState = change.state;
    this.scanNotes = change.notes;
    this.roots = change.roots;
    this.changed.fire();
  }

  viewState(): ViewState {
    if (this.projects.size > 0) return 'ready';
    if (this.indexState === 'starting' || this.indexState === 'scanning') return 'starting';
    const rootNotes = this.scanNotes.filter((n) => n.code === 'root/missing' || n.code === 'root/not-a-folder');
    return this.roots.length === 0 || rootNotes.length >= this.roots.length ? 'noRoots' : 'noProjects';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
