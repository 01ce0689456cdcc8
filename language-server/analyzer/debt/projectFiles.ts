import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { shouldSkipDir } from '../../scanner/markers';

/** The entries of a folder; none when it cannot be read (missing, a file, no permission). */
export async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export interface FindOptions {
  /** Folder levels below the root to look in. */
  maxDepth: number;
  /** Entries to look at in all before giving up. */
  maxEntries: number;
}

export interface FindResult {
  /** The first match, absolute. */
  found: string | null;
  /** True when the search stopped at a limit before looking everywhere. */
  truncated: boolean;
}

/**
 * Breadth-first search under `root` for the first folder or file `matches` accepts, skipping dependency and
 * build folders and hidden ones; bounded by depth and by the number of entries looked at.
 */
export async function findEntry(root: string, matches: (entry: Dirent, rel: string) => boolean, options: FindOptions): Promise<FindResult> {
  let level = [root];
  let seen = 0;
  for (let depth = 0; depth <= options.maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      for (const entry of await entriesOf(dir)) {
        if (++seen > options.maxEntries) return { found: null, truncated: true };
        const abs = path.join(dir, entry.name);
        if (matches(entry, path.relative(root, abs))) return { found: abs, truncated: false };
        if (entry.isDirectory() && !entry.name.startsWith('.') && !shouldSkipDir(entry.name)) next.push(abs);
      }
    }
    level = next;
  }
  return { found: null, truncated: level.length > 0 };
}

/**
 * The nearest folder at or above `dir` that holds `.git` (a folder or a worktree's file), looking no higher than
 * `stopAt` (the configured root the project was found under: a dotfiles repo in the home folder is not the
 * project's) and at most `maxUp` levels.
 */
export async function gitRootOf(dir: string, stopAt?: string, maxUp = 10): Promise<string | null> {
  let current = path.resolve(dir);
  for (let i = 0; i <= maxUp; i++) {
    const found = await stat(path.join(current, '.git')).then(
      () => true,
      () => false,
    );
    if (found) return current;
    const parent = path.dirname(current);
    if (parent === current || (stopAt !== undefined && current === path.resolve(stopAt))) return null;
    current = parent;
  }
  return null;
}
