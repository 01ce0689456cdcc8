import { watch, type FSWatcher } from 'node:fs';
import { errorCode } from './discover';
import { isManifestName } from './markers';

/** What a file-system event means for the index. */
export type WatchEvent =
  | { kind: 'structure'; dir: string } // a folder between a root and the projects changed: projects may come or go
  | { kind: 'project'; path: string } // a manifest or marker of a project changed
  | { kind: 'git'; path: string }; // the repository or the work tree's top level changed

export interface WatchTargets {
  /** Roots and the non-project folders below them. */
  containers: readonly string[];
  projects: ReadonlyArray<{ path: string; gitDirs: readonly string[] }>;
}

interface Watched {
  watcher: FSWatcher;
  key: string;
}

interface Wanted {
  key: string;
  classify: (file: string | null) => WatchEvent | null;
}

/**
 * One non-recursive fs.watch per folder that matters: the folders above the projects, each project's own
 * folder (manifests) and its git folder (HEAD, index, refs, reflog). Measured here, this is ready in tens of
 * milliseconds where a recursive watcher of the whole tree takes seconds and tens of megabytes.
 */
export class ProjectWatcher {
  private watched = new Map<string, Watched>();
  private timers = new Map<string, NodeJS.Timeout>();
  private warnedLimit = false;

  constructor(
    private readonly onEvent: (event: WatchEvent) => void,
    private readonly onProblem: (message: string) => void,
    private readonly debounceMs = 150,
  ) {}

  get size(): number {
    return this.watched.size;
  }

  /** Watches exactly the given folders: new ones are opened, ones no longer wanted are closed. */
  update(targets: WatchTargets): void {
    const wanted = new Map<string, Wanted>();
    for (const dir of targets.containers) wanted.set(dir, { key: 'container', classify: () => ({ kind: 'structure', dir }) });
    for (const project of targets.projects) {
      const hasGit = project.gitDirs.length > 0;
      wanted.set(project.path, { key: 'project', classify: (file) => projectEvent(project.path, file, hasGit) });
      for (const gitDir of project.gitDirs) wanted.set(gitDir, { key: `git:${project.path}`, classify: (file) => gitEvent(file, project.path) });
    }
    // A folder whose role changed (a container that became a project) is watched anew.
    for (const [dir, entry] of this.watched) {
      if (wanted.get(dir)?.key !== entry.key) this.close(dir);
    }
    for (const [dir, want] of wanted) {
      if (!this.watched.has(dir)) this.open(dir, want.key, want.classify);
    }
  }

  dispose(): void {
    for (const dir of [...this.watched.keys()]) this.close(dir);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private open(dir: string, key: string, classify: (file: string | null) => WatchEvent | null): void {
    try {
      const watcher = watch(dir, { persistent: false }, (_type, file) => {
        const event = classify(file === null ? null : String(file));
        if (event) this.fire(event);
      });
      watcher.on('error', () => this.close(dir)); // the folder went away; its parent's watcher tells us
      this.watched.set(dir, { watcher, key });
    } catch (error) {
      this.reportOpenFailure(dir, error);
    }
  }

  private close(dir: string): void {
    this.watched.get(dir)?.watcher.close();
    this.watched.delete(dir);
  }

  /** Events come in bursts (a checkout touches many files): one event per target per quiet period. */
  private fire(event: WatchEvent): void {
    const id = event.kind === 'structure' ? 'structure' : `${event.kind}:${event.path}`;
    const pending = this.timers.get(id);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.onEvent(event);
    }, this.debounceMs);
    timer.unref?.();
    this.timers.set(id, timer);
  }

  private reportOpenFailure(dir: string, error: unknown): void {
    const code = errorCode(error);
    if (code === 'ENOENT') return; // gone between the scan and now; the next scan settles it
    if (code === 'ENOSPC' || code === 'EMFILE') {
      if (this.warnedLimit) return;
      this.warnedLimit = true;
      this.onProblem(`The system limit on watched folders is reached, so some projects will not update live. Raise it with: sudo sysctl fs.inotify.max_user_watches=524288`);
      return;
    }
    this.onProblem(`Cannot watch ${dir} (${code}); it will update on the next rescan.`);
  }
}

function projectEvent(project: string, file: string | null, hasGit: boolean): WatchEvent | null {
  if (file === null || isManifestName(file)) return { kind: 'project', path: project };
  if (file === '.git') return { kind: 'project', path: project };
  return hasGit ? { kind: 'git', path: project } : null;
}

/** Lock files come and go during every git command; the real change follows them. */
function gitEvent(file: string | null, project: string): WatchEvent | null {
  if (file !== null && file.endsWith('.lock')) return null;
  return { kind: 'git', path: project };
}
