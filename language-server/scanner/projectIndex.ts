import type { Project, ScanNote } from '../model';
import type { IndexState } from '../protocol';
import { enrichProjects, type EnrichedFacts } from './enrich';
import type { IgnoreMatcher } from './ignore';
import type { FoundRoot } from './discover';
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
  /** Each project folder's listing when it was last read, to tell whether a walk must read it again. */
  private listings = new Map<string, string>();
  /** Whether a walk has published a whole list that listeners now hold. */
  private published = false;
  /** The stored list being loaded; a walk publishes after it, so the order the user sees is stored, then fresh. */
  private storedLoad: Promise<void> = Promise.resolve();
  /** Background work in flight; a full refresh makes all of it obsolete. */
  private running = new Set<AbortController>();
  /** Projects some background read is working on, with how many reads. */
  private enriching = new Map<string, number>();
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

  /**
   * Shows what the store remembers. A walk may run meanwhile (the store opens in parallel): it waits for this
   * before publishing, and keeps the stored git state of projects whose HEAD has not moved.
   */
  loadStored(): Promise<void> {
    const persistence = this.persistence;
    if (!persistence) return Promise.resolve();
    this.storedLoad = (async () => {
      const stored = await persistence.load();
      this.projects = new Map(stored.map((p) => [p.path, p]));
      if (this.stateValue === 'starting') this.stateValue = 'stored';
      this.emit({ updated: stored, removed: [], full: true });
    })();
    return this.storedLoad;
  }

  /**
   * Walks the roots and publishes the list; git state and locked versions follow in the background, awaited
   * only when `waitForDetails` is set (the CLI).
   */
  async refresh(settings: IndexSettings, opts: { waitForDetails?: boolean; reuse?: boolean } = {}): Promise<Project[]> {
    if (!opts.reuse) this.abortRunning(); // a walk that reuses projects leaves their background work running
    this.stateValue = 'scanning';
    const reused = new Set<string>();
    const reuse = (found: FoundRoot): Project[] | null => {
      const known = this.reuseKnown(found, opts.reuse === true);
      known?.forEach((p) => reused.add(p.path));
      return known;
    };
    const scan = await scanRoots(settings.roots, { maxDepth: settings.maxDepth, ignore: settings.ignore, reuse });
    await this.storedLoad.catch(() => undefined); // its caller reports a failed load
    // A reused project may have been updated by background work while the walk ran: take it as it is now.
    const merged = scan.projects.map((p) => (reused.has(p.path) ? (this.projects.get(p.path) ?? p) : keepKnownGit(p, this.projects.get(p.path))));
    const previous = this.projects;
    this.projects = new Map(merged.map((p) => [p.path, p]));
    this.notesList = scan.notes;
    this.containersList = scan.containers;
    this.stateValue = 'ready';
    // A walk that reused projects sends what changed, not the whole list again.
    if (opts.reuse && this.published) this.emit(difference(previous, this.projects));
    else this.emit({ updated: merged, removed: [], full: true });
    this.published = true;
    // Saved once the details are in: a write of the whole list while git runs slowed git by a third.
    const details = this.enrich(merged.filter((p) => !reused.has(p.path) || this.needsGit(p)), { saveRoots: settings.roots });
    if (opts.waitForDetails) await details;
    else details.catch(() => undefined); // enrichment reports through findings; nothing to lose here
    return merged;
  }

  /** Re-reads one project (a manifest changed, a member appeared). Returns false when the folder is gone. */
  async rescanProject(path: string): Promise<boolean> {
    const old = this.projects.get(path);
    if (!old) return false;
    this.listings.delete(old.parent ?? path);
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

  /**
   * A walk driven by file-system events need not read a project again when its folder lists the same names
   * as last time: a change inside one of its manifests reaches rescanProject through its own watcher.
   */
  private reuseKnown(found: FoundRoot, allowed: boolean): Project[] | null {
    const listing = [...found.entries].sort().join('\0');
    const previous = this.listings.get(found.path);
    this.listings.set(found.path, listing);
    const top = this.projects.get(found.path);
    if (!allowed || previous !== listing || !top || top.root !== found.root) return null;
    const members = top.children.map((c) => this.projects.get(c));
    return members.every((m) => m !== undefined) ? [top, ...(members as Project[])] : null;
  }

  /** A known project whose git state never completed and that no background read is working on. */
  private needsGit(p: Project): boolean {
    return p.git !== null && !p.git.complete && !this.enriching.has(p.path);
  }

  private abortRunning(): void {
    for (const controller of this.running) controller.abort();
    this.running.clear();
  }

  /**
   * Reads git state (and lockfiles) of `projects` in the background, then saves: the projects it touched, or
   * with `saveRoots` the whole list under those roots (which also drops the vanished ones from the store).
   */
  private async enrich(projects: Project[], opts: { gitOnly?: boolean; saveRoots?: string[] } = {}): Promise<void> {
    const controller = new AbortController();
    this.running.add(controller);
    projects.forEach((p) => this.enriching.set(p.path, (this.enriching.get(p.path) ?? 0) + 1));
    try {
      const done = projects.length === 0 ? [] : await enrichProjects(projects, {
        signal: controller.signal,
        gitOnly: opts.gitOnly ?? false,
        onFacts: (batch) => this.applyEnriched(batch),
      });
      if (controller.signal.aborted) return;
      const roots = opts.saveRoots;
      if (roots) await this.persistence?.saveScan(this.all().filter((p) => roots.includes(p.root)), roots);
      else await this.saveTouched(done.map((f) => f.path));
    } finally {
      this.running.delete(controller);
      for (const p of projects) {
        const left = (this.enriching.get(p.path) ?? 1) - 1;
        if (left > 0) this.enriching.set(p.path, left);
        else this.enriching.delete(p.path);
      }
    }
  }

  private async saveTouched(paths: string[]): Promise<void> {
    const touched = paths.map((p) => this.projects.get(p)).filter((p): p is Project => p !== undefined);
    if (touched.length > 0) await this.persistence?.save(touched);
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

function difference(before: ReadonlyMap<string, Project>, after: ReadonlyMap<string, Project>): IndexChange {
  const updated = [...after.values()].filter((p) => before.get(p.path) !== p);
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return { updated, removed, full: false };
}

/** A rescan reads only HEAD; until git is asked again, the last full state stays when HEAD has not moved. */
function keepKnownGit(fresh: Project, known: Project | undefined): Project {
  const old = known?.git;
  const head = fresh.git;
  if (!old || !head || !old.complete) return fresh;
  if (old.branch !== head.branch || old.head !== head.head) return fresh;
  return { ...fresh, git: old };
}
