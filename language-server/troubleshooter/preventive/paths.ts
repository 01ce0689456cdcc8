import path from 'node:path';

/** `inner` is `outer` or below it (both absolute). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** One folder holds the other: a monorepo and its member count as one project when telling projects apart. */
export function related(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a);
}

/** Folders from `dir` up to the file-system root, `dir` first. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) return out;
  }
}

/** Installed packages and virtual environments inside the project are not the user's code. */
export function inDependencyFolder(file: string, projectDir: string): boolean {
  const rel = path.relative(projectDir, file).split(path.sep).join('/');
  return /(^|\/)(?:node_modules|site-packages|\.venv|venv|\.git)\//.test(rel);
}
