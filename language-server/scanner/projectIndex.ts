import type { Project, ScanNote } from '../model';
import type { IndexState } from '../protocol';
import { enrichProjects, type EnrichedFacts } from './enrich';
import type { IgnoreMatcher } from './ignore';
import { scanProject, scanRoots } from './scan';

export interface IndexChange {
  updated: Project[];
  removed: string[];
  full: boolean;
}

export interface IndexSettings {
  roots: string[];
  maxDepth: number;
  ignore: IgnoreMatcher;
}

/** Where the index keeps what it learned; the store in the server and CLI, nothing in some tests. */
export interface IndexPersistence {
  load(): Promise<Project[]>;
  saveScan(projects: Project[], roots: string[]): Promise<void>;
  save(projects: Project[]): Promise<void>;
  remove(paths: string[]): Promise<void>;
}

/**
 * The current list of projects and the one place it changes: a full refresh of the roots, a rescan of one
 * project, or the background enrichment (git state, locked versions) that follows either. Listeners get
 * every change; the store gets it too.
 */
export class ProjectIndex {
  private projects = new Map<string, Project>();
  private notesList: ScanNote[] = [];
  private containersList: string[] = [];
  private stateValue: IndexState = 'starting';
  /** Background work in flight; a full refresh makes all of it obsolete. */
  private running = new Set<AbortController>();
  private listeners: Array<(change: IndexChange) => void> = [];

  constructor(private readonly persistence: IndexPersistence | null) {}

  get state(): IndexState {
    return this.stateValue;
  }
  get notes(): ScanNote[] {
    return this.notesList;
  }
  /** Non-project folders the last walk went through. */
  get containers(): string[] {
    return this.containersList;
  }
  all(): Project[] {
    return [...this.projects.values()].sort((a, b) => a.path.localeCompare(b.path));
  }
  get(path: string): Project | undefined {
    return this.projects.get(path);
  }

  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /** Shows what the store remembers before anything is scanned. */
  async loadStored(): Promise<void> {
    if (!this.persistence) return;
    const stored = await this.persistence.load();
    this.projects = new Map(stored.map((p) => [p.path, p]));
    this.stateValue = 'stored';
    this.emit({ updated: stored, removed: [], full: true });
  }

  /**
   * Walks the roots and publishes the list; git state and locked versions follow in the background, awaited
   * only when `waitForDetails` is set (the CLI).
   */
  async refresh(settings: IndexSettings, opts: { waitForDetails?: boolean } = {}): Promise<Project[]> {
    this.abortRunning();
    this.stateValue = 'scanning';
    const scan = await scanRoots(settings.roots, { maxDepth: settings.maxDepth, ignore: settings.ignore });
    const merged = scan.projects.map((p) => keepKnownGit(p, this.projects.get(p.path)));
    this.projects = new Map(merged.map((p) => [p.path, p]));
    this.notesList = scan.notes;
    this.containersList = scan.containers;
    this.stateValue = 'ready';
    this.emit({ updated: merged, removed: [], full: true });
    await this.persistence?.saveScan(merged, settings.roots);
    const details = this.enrich(merged);
    if (opts.waitForDetails) await details;
    else details.catch(() => undefined); // enrichment reports through findings; nothing to lose here
    return merged;
  }

  /** Re-reads one project (a manifest changed, a member appeared). Returns false when the folder is gone. */
  async rescanProject(path: string): Promise<boolean> {
    const old = this.projects.get(path);
    if (!old) return false;
    const fresh = await scanProject(path, old.root, old.parent);
    if (fresh === null) {
      this.drop([path, ...old.children]);
      return false;
    }
    const vanished = old.children.filter((c) => !fresh.some((p) => p.path === c));
    for (const p of fresh) this.projects.set(p.path, keepKnownGit(p, this.projects.get(p.path)));
    if (vanished.length > 0) this.drop(vanished);
    const updated = fresh.map((p) => this.projects.get(p.path) as Project);
    this.emit({ updated, removed: [], full: false });
    await this.persistence?.save(updated);
    await this.enrich(updated);
    return true;
  }

  /** Reads the full git state of one project again (a commit, a branch switch, a change in the work tree). */
  async refreshGit(path: string): Promise<void> {
    const project = this.projects.get(path);
    if (project?.git) await this.enrich([project], { gitOnly: true });
  }

  dispose(): void {
    this.abortRunning();
    this.listeners = [];
  }

  private abortRunning(): void {
    for (const controller of this.running) controller.abort();
    this.running.clear();
  }

  private async enrich(projects: Project[], opts: { gitOnly?: boolean } = {}): Promise<void> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const done = await enrichProjects(projects, {
        signal: controller.signal,
        gitOnly: opts.gitOnly ?? false,
        onFacts: (batch) => this.applyEnriched(batch),
      });
      const touched = done.map((f) => this.projects.get(f.path)).filter((p): p is Project => p !== undefined);
      if (!controller.signal.aborted && touched.length > 0) await this.persistence?.save(touched);
    } finally {
      this.running.delete(controller);
    }
  }

  /** Puts the new facts on the project as it is now: it may have been rescanned while git was running. */
  private applyEnriched(batch: EnrichedFacts[]): void {
    const updated: Project[] = [];
    for (const facts of batch) {
      const current = this.projects.get(facts.path);
      if (!current) continue;
      const next = { ...current };
      if (facts.git) next.git = facts.git;
      if (facts.dependencies) next.dependencies = facts.dependencies;
      if (facts.lockFindings) next.findings = [...current.findings.filter((f) => !f.code.startsWith('lockfile/')), ...facts.lockFindings];
      this.projects.set(next.path, next);
      updated.push(next);
    }
    if (updated.length > 0) this.emit({ updated, removed: [], full: false });
  }

  private drop(paths: string[]): void {
    for (const p of paths) this.projects.delete(p);
    this.emit({ updated: [], removed: paths, full: false });
    void this.persistence?.remove(paths);
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** A rescan reads only HEAD; until git is asked again, the last full state stays when HEAD has not moved. */
function keepKnownGit(fresh: Project, known: Project | undefined): Project {
  const old = known?.git;
  const head = fresh.git;
  if (!old || !head || !old.complete) return fresh;
  if (old.branch !== head.branch || old.head !== head.head) return fresh;
  return { ...fresh, git: old };
}
