/** Which project a process belongs to: by its working folder, else by its nearest ancestor that has one. */
import path from 'node:path';

export interface MatcherOptions {
  /** `path.posix` on Linux and macOS, `path.win32` on Windows. */
  paths?: path.PlatformPath;
  /** Windows folders differ only in case: match them case-insensitively. */
  ignoreCase?: boolean;
}

/**
 * Deepest project folder holding a given folder. Project folders go into a hash set keyed by their normalised
 * path, and a query walks up the queried folder's ancestors: O(depth) per process whatever the number of
 * projects. (A sorted array with binary search needs the same upward walk anyway once projects nest — /a,
 * /a/b and a query /a/c land next to /a/b — so the set is the simpler of the two.)
 */
export class ProjectMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly paths: path.PlatformPath;
  private readonly ignoreCase: boolean;

  constructor(projectPaths: readonly string[], options: MatcherOptions = {}) {
    this.paths = options.paths ?? path;
    this.ignoreCase = options.ignoreCase ?? this.paths === path.win32;
    for (const p of projectPaths) if (this.paths.isAbsolute(p)) this.byKey.set(this.key(p), p);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The deepest project folder that is `dir` or holds it; null when none does. */
  projectFor(dir: string | null): string | null {
    if (!dir || !this.paths.isAbsolute(dir) || this.byKey.size === 0) return null;
    let current = this.key(dir);
    for (let depth = 0; depth < 256; depth++) {
      const hit = this.byKey.get(current);
      if (hit !== undefined) return hit;
      const parent = this.paths.dirname(current);
      if (parent === current) return null;
      current = parent;
    }
    return null;
  }

  /** The first absolute path among `hints` that lies in a project (used where a process's folder is unknown). */
  projectForAny(hints: readonly string[]): string | null {
    for (const hint of hints) {
      const hit = this.projectFor(hint);
      if (hit) return hit;
    }
    return null;
  }

  private key(p: string): string {
    const normal = this.paths.normalize(p);
    const trimmed = normal.length > 1 && /[\\/]$/.test(normal) && this.paths.dirname(normal) !== normal ? normal.slice(0, -1) : normal;
    return this.ignoreCase ? trimmed.toLowerCase() : trimmed;
  }
}

export interface Placed {
  pid: number;
  ppid: number;
  cwd: string | null;
  /** Absolute paths from the command line, tried when the folder is unknown (Windows). */
  pathHints?: readonly string[];
}

/**
 * Assigns each process its project. A process whose folder is in no project inherits the project of its
 * nearest ancestor that has one (the node started by `npm run dev` from a project folder but running in /tmp).
 * `barriers` (Optimus itself, its ancestors, the editor's helpers) get no project, and inheritance does not
 * pass through them, so stopping a project never reaches the editor. Memoised; cycles in a torn table end.
 */
export function assignProjects(rows: readonly Placed[], matcher: ProjectMatcher, barriers: ReadonlySet<number> = new Set()): Map<number, string | null> {
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const result = new Map<number, string | null>();
  const own = (r: Placed): string | null => (r.cwd !== null ? matcher.projectFor(r.cwd) : matcher.projectForAny(r.pathHints ?? []));
  for (const row of rows) {
    const chain: number[] = [];
    let found: string | null = null;
    let cursor: Placed | undefined = row;
    while (cursor && !barriers.has(cursor.pid) && chain.length < 128) {
      const known = result.get(cursor.pid);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.push(cursor.pid);
      found = own(cursor);
      if (found) break;
      cursor = cursor.ppid !== cursor.pid ? byPid.get(cursor.ppid) : undefined;
      if (cursor && chain.includes(cursor.pid)) break;
    }
    for (const pid of chain) if (!result.has(pid)) result.set(pid, found);
    if (barriers.has(row.pid)) result.set(row.pid, null);
  }
  return result;
}
