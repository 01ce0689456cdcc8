import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../model';
import { gitWatchPaths } from './git/head';
import type { IndexSettings, ProjectIndex } from './projectIndex';
import { ProjectWatcher, type WatchEvent } from './watch';

/**
 * Folders to watch for a repository's changes. Git replaces files by renaming (index.lock → index), which
 * ends a watch on the file itself, so the folders holding them are watched. Each remote's folder is watched
 * so a push (which moves only refs/remotes/x/branch) shows.
 */
async function gitWatchDirs(projectDir: string): Promise<string[]> {
  const dirs = new Set<string>();
  for (const p of await gitWatchPaths(projectDir)) {
    const name = path.basename(p);
    if (name === 'HEAD' || name === 'index' || name === 'packed-refs') dirs.add(path.dirname(p));
    else if (name === 'remotes') (await subfolders(p)).forEach((d) => dirs.add(d));
    else dirs.add(p);
  }
  return [...dirs];
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Keeps a ProjectIndex current from file-system events: folders above the projects trigger a walk of the
 * roots, a project's manifests a rescan of that project, its git folder a new git state. Walks never overlap:
 * one asked for while another runs happens once, after it.
 */
export class LiveIndex {
  private readonly watcher: ProjectWatcher;
  private walking: Promise<unknown> | null = null;
  private walkAgain = false;
  private rereadNext = false;
  private gitDirs = new Map<string, string[]>();
  private unsubscribe: () => void;
  private disposed = false;

  constructor(
    readonly index: ProjectIndex,
    private settings: () => IndexSettings,
    onProblem: (message: string) => void,
    debounceMs?: number,
  ) {
    this.watcher = new ProjectWatcher((e) => void this.handle(e), onProblem, debounceMs);
    this.unsubscribe = index.onChange(() => void this.rewatch());
  }

  /** Number of folders being watched. */
  get watchedFolders(): number {
    return this.watcher.size;
  }

  /**
   * Walks the roots now (or right after the walk in progress) and resolves when that walk is done. `reread`
   * reads every project again; otherwise projects whose folder lists the same names are taken as known.
   */
  async walk(opts: { reread?: boolean } = {}): Promise<void> {
    if (opts.reread) this.rereadNext = true;
    if (this.walking) {
      this.walkAgain = true;
      return this.walking.then(() => undefined);
    }
    this.walking = this.walkLoop();
    try {
      await this.walking;
    } finally {
      this.walking = null;
    }
  }

  /** Resolves once the watches match the current list (after a walk). */
  async rewatch(): Promise<void> {
    if (this.disposed) return;
    const projects = this.index.all();
    await Promise.all(projects.filter((p) => !this.gitDirs.has(p.path)).map((p) => this.readGitDirs(p)));
    if (this.disposed) return;
    this.watcher.update({
      containers: this.index.containers,
      projects: projects.map((p) => ({ path: p.path, gitDirs: this.gitDirs.get(p.path) ?? [] })),
    });
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.watcher.dispose();
  }

  private async walkLoop(): Promise<void> {
    do {
      this.walkAgain = false;
      const reuse = !this.rereadNext;
      this.rereadNext = false;
      if (!reuse) this.gitDirs.clear();
      await this.index.refresh(this.settings(), { reuse });
    } while (this.walkAgain && !this.disposed);
  }

  private async readGitDirs(project: Project): Promise<void> {
    this.gitDirs.set(project.path, project.git ? await gitWatchDirs(project.path) : []);
  }

  private async handle(event: WatchEvent): Promise<void> {
    if (this.disposed) return;
    if (event.kind === 'structure') return this.walk();
    if (event.kind === 'project') {
      this.gitDirs.delete(event.path);
      const exists = await this.index.rescanProject(event.path);
      if (!exists) return this.walk();
      return;
    }
    await this.index.refreshGit(event.path);
  }
}
