import { minimatch } from 'minimatch';
import path from 'node:path';

/** Decides whether a folder is left out of the walk by the user's `optimus.scan.ignore` globs. */
export type IgnoreMatcher = (absPath: string, root: string) => boolean;

/**
 * Globs match the folder's path relative to its root (`**\/archive`, `clients/old/**`) or, when they start with
 * `/` or `~`, its absolute path. A pattern ending in `/**` also ignores the folder itself, as users mean it.
 */
export function makeIgnoreMatcher(patterns: readonly string[], home: string): IgnoreMatcher {
  const globs = patterns.filter((p) => p.trim() !== '').map((p) => expandHome(p.trim(), home));
  if (globs.length === 0) return () => false;
  return (absPath, root) => {
    const rel = toPosix(path.relative(root, absPath));
    const abs = toPosix(absPath);
    return globs.some((glob) => {
      const target = glob.startsWith('/') ? abs : rel;
      return minimatch(target, glob, { dot: true }) || minimatch(`${target}/`, glob, { dot: true });
    });
  };
}

/** Replaces a leading `~` with the home folder. */
export function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
