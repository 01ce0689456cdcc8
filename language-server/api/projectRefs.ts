import { createHash } from 'node:crypto';
import type { Project } from '../model';

/** A project's id in URLs: stable for a path (across restarts and processes), short, and nothing but hex. */
export function projectIdOf(projectPath: string): string {
  return createHash('sha256').update(projectPath, 'utf8').digest('hex').slice(0, 16);
}

const ID_PATTERN = /^[0-9a-f]{16}$/;

/**
 * Resolves the `{id}` of a URL to a project the index holds: its id, or its absolute path (URL-encoded in the
 * URL, decoded by the router). Only exact matches count and nothing touches the disk, so `..`, a symlink or
 * any other path outside the known projects names nothing (404).
 */
export class ProjectRefs {
  private seen: readonly Project[] = [];
  private byId = new Map<string, Project>();
  private byPath = new Map<string, Project>();
  private readonly ids = new WeakMap<Project, string>();

  constructor(private readonly projects: () => readonly Project[]) {}

  resolve(ref: string): Project | undefined {
    this.refresh();
    if (ID_PATTERN.test(ref)) return this.byId.get(ref);
    return this.byPath.get(ref) ?? (ref.length > 1 && /[\\/]$/.test(ref) ? this.byPath.get(ref.slice(0, -1)) : undefined);
  }

  idOf(project: Project): string {
    let id = this.ids.get(project);
    if (id === undefined) this.ids.set(project, (id = projectIdOf(project.path)));
    return id;
  }

  /** The index hands out a new object for a project that changed, so comparing objects tells what changed. */
  private refresh(): void {
    const now = this.projects();
    if (now.length === this.seen.length && now.every((p, i) => p === this.seen[i])) return;
    this.seen = now;
    this.byId = new Map(now.map((p) => [this.idOf(p), p]));
    this.byPath = new Map(now.map((p) => [p.path, p]));
  }
}
