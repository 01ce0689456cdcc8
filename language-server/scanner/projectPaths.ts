import path from 'node:path';

/** True when `child` is `parent` or lies below it (by path segments, so /a/bc is not inside /a/b). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The deepest project folder holding `target` (a file, a process's folder, a mount); null when none does. */
export function deepestProject(target: string, projectPaths: readonly string[]): string | null {
  let best: string | null = null;
  for (const project of projectPaths) {
    if (isInside(target, project) && (best === null || project.length > best.length)) best = project;
  }
  return best;
}
