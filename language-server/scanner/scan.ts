import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, Project, ScanNote } from '../model';
import { mapLimit } from '../util/limit';
import { discover, errorCode, type FoundRoot } from './discover';
import { readHead } from './git/head';
import type { IgnoreMatcher } from './ignore';
import { identifyProject } from './identify';
import { expandWorkspaceMembers } from './workspaces';

export interface ScanOptions {
  maxDepth: number;
  ignore: IgnoreMatcher;
  signal?: AbortSignal;
  /** Projects identified in parallel. */
  concurrency?: number;
  /**
   * Returns the projects already known for a found folder (itself and its members) when reading it again
   * would learn nothing new; null to read it.
   */
  reuse?: (found: FoundRoot) => Project[] | null;
}

export interface RootsScan {
  projects: Project[];
  notes: ScanNote[];
  /** Non-project folders walked through, for the watcher. */
  containers: string[];
  elapsedMs: number;
}

/**
 * Discovery and stacks for every root: what the tree needs to show at once. Git is the fast part only
 * (branch and head read from .git); the full git state and lockfile versions come later, in the background.
 */
export async function scanRoots(roots: readonly string[], opts: ScanOptions): Promise<RootsScan> {
  const started = performance.now();
  const found = await discover(roots, { maxDepth: opts.maxDepth, ignore: opts.ignore, signal: opts.signal });
  const groups = await mapLimit(found.found, opts.concurrency ?? 16, async (f) => opts.reuse?.(f) ?? readProjectTree(f, null));
  const projects = groups.flat().sort((a, b) => a.path.localeCompare(b.path));
  return { projects, notes: found.notes, containers: found.containers, elapsedMs: performance.now() - started };
}

/** Reads one project folder again (after a change), with its monorepo members. */
export async function scanProject(dir: string, root: string, parent: string | null): Promise<Project[] | null> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return null;
  }
  return readProjectTree({ path: dir, root, entries }, parent);
}

/** The project and, when it is a monorepo, its members as child projects. */
async function readProjectTree(found: FoundRoot, parent: string | null): Promise<Project[]> {
  // Members share their monorepo's repository; a folder without .git has none to read.
  const hasGit = parent === null && found.entries.includes('.git');
  const [identity, git] = await Promise.all([identifyProject(found.path, found.entries), hasGit ? readHead(found.path) : null]);
  const project: Project = {
    name: path.basename(found.path),
    path: found.path,
    root: found.root,
    stack: identity.stack,
    git,
    dependencies: identity.dependencies,
    children: [],
    parent,
    findings: identity.findings,
    scannedAt: new Date().toISOString(),
  };
  if (identity.workspace === null || parent !== null) return [project];
  const members = await readMembers(project, identity.workspace);
  project.children = members.map((m) => m.path);
  return [project, ...members];
}

async function readMembers(project: Project, workspace: NonNullable<Awaited<ReturnType<typeof identifyProject>>['workspace']>): Promise<Project[]> {
  let dirs: string[];
  try {
    dirs = await expandWorkspaceMembers(project.path, workspace);
  } catch (error) {
    project.findings.push(memberFinding(project.path, error));
    return [];
  }
  const members = await mapLimit(dirs, 8, async (dir) => (await scanProject(dir, project.root, project.path)) ?? []);
  return members.flat();
}

function memberFinding(dir: string, error: unknown): Finding {
  return { code: 'workspace/unreadable', severity: 'warning', message: `Could not list the workspace members of ${dir} (${errorCode(error)}).`, file: dir };
}
