import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ScanNote } from '../model';
import type { IgnoreMatcher } from './ignore';
import { isProjectRoot, SKIP_DIRS } from './markers';

export interface DiscoverOptions {
  /** Folder levels below a root that are searched for projects (the root is level 0). */
  maxDepth: number;
  ignore: IgnoreMatcher;
  signal?: AbortSignal;
  /** Parallel readdir calls. */
  concurrency?: number;
}

/** A folder that is a project root, with the names it holds (so stack detection needs no second readdir). */
export interface FoundRoot {
  path: string;
  root: string;
  entries: string[];
}

export interface Discovery {
  found: FoundRoot[];
  notes: ScanNote[];
  /** Folders walked through that are not projects: the watcher watches these to see projects come and go. */
  containers: string[];
}

interface Visit {
  dir: string;
  root: string;
  depth: number;
}

/**
 * Walks the roots breadth-first and stops at project roots, so a project's own tree (and its node_modules)
 * is never read. Symlinked folders are followed once; a link back into an already walked tree is a loop
 * and is noted, never followed.
 */
export async function discover(roots: readonly string[], opts: DiscoverOptions): Promise<Discovery> {
  const out: Discovery = { found: [], notes: [], containers: [] };
  const walked = new Set<string>();
  const queue: Visit[] = [];
  for (const root of roots) {
    const real = await checkRoot(root, out.notes);
    if (real === null || walked.has(real)) continue;
    walked.add(real);
    queue.push({ dir: root, root, depth: 0 });
  }
  await drain(queue, opts.concurrency ?? 16, async (visit) => {
    if (opts.signal?.aborted) return;
    const children = await visitFolder(visit, opts, out, walked);
    queue.push(...children);
  });
  out.found.sort((a, b) => a.path.localeCompare(b.path));
  out.containers.sort();
  return out;
}

async function checkRoot(root: string, notes: ScanNote[]): Promise<string | null> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) {
      notes.push({ code: 'root/not-a-folder', path: root, message: `${root} is a file, not a folder of projects.` });
      return null;
    }
    return await realpath(root);
  } catch (error) {
    const reason = errorCode(error) === 'ENOENT' ? 'does not exist' : `cannot be read (${errorCode(error)})`;
    notes.push({ code: 'root/missing', path: root, message: `The projects folder ${root} ${reason}.` });
    return null;
  }
}

async function visitFolder(visit: Visit, opts: DiscoverOptions, out: Discovery, walked: Set<string>): Promise<Visit[]> {
  const entries = await listFolder(visit.dir, out.notes);
  if (entries === null) return [];
  const names = entries.map((e) => e.name);
  if (isProjectRoot(names)) {
    out.found.push({ path: visit.dir, root: visit.root, entries: names });
    return [];
  }
  out.containers.push(visit.dir);
  if (visit.depth >= opts.maxDepth) return [];
  const next: Visit[] = [];
  for (const entry of entries) {
    const child = await childFolder(visit, entry, opts, out.notes, walked);
    if (child !== null) next.push(child);
  }
  return next;
}

async function listFolder(dir: string, notes: ScanNote[]): Promise<Dirent[] | null> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    notes.push({ code: 'scan/unreadable', path: dir, message: `Skipped ${dir}: it cannot be read (${errorCode(error)}).` });
    return null;
  }
}

async function childFolder(parent: Visit, entry: Dirent, opts: DiscoverOptions, notes: ScanNote[], walked: Set<string>): Promise<Visit | null> {
  const name = entry.name;
  if (!entry.isDirectory() && !entry.isSymbolicLink()) return null;
  if (name.startsWith('.') || SKIP_DIRS.has(name)) return null;
  const dir = path.join(parent.dir, name);
  if (name.includes('\uFFFD')) {
    notes.push({ code: 'scan/bad-name', path: dir, message: `Skipped a folder in ${parent.dir} whose name is not valid UTF-8.` });
    return null;
  }
  if (opts.ignore(dir, parent.root)) return null;
  if (entry.isSymbolicLink() && !(await followLink(dir, notes, walked))) return null;
  return { dir, root: parent.root, depth: parent.depth + 1 };
}

/** Follows a symlink to a folder only the first time its target is reached. */
async function followLink(link: string, notes: ScanNote[], walked: Set<string>): Promise<boolean> {
  let target: string;
  try {
    target = await realpath(link);
    if (!(await stat(target)).isDirectory()) return false;
  } catch {
    return false; // a dangling link is not a folder to walk
  }
  // Inside a walked tree: seen already. Above one: walking it would come back round to where we are.
  const overlaps = [...walked].some((seen) => isWithin(target, seen) || isWithin(seen, target));
  if (overlaps) {
    notes.push({ code: 'scan/symlink-loop', path: link, message: `Skipped ${link}: it links to ${target}, which is already scanned.` });
    return false;
  }
  walked.add(target);
  return true;
}

function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** Runs `work` over a queue that grows while it runs, with at most `concurrency` items in flight. */
async function drain<T>(queue: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (active < concurrency && queue.length > 0) {
        const item = queue.shift() as T;
        active++;
        work(item).then(() => {
          active--;
          pump();
        }, reject);
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
