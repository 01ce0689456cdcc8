import type { Project } from '../../model';

/** What the list shows of a project: enough to pick one, small enough that 200 of them answer in a blink. */
export function projectSummary(p: Project, id: string) {
  const g = p.git;
  return {
    id,
    name: p.name,
    path: p.path,
    root: p.root,
    parent: p.parent,
    stack: p.stack,
    git: g && { branch: g.branch, head: g.head, dirty: g.dirty, changedFiles: g.changedFiles, ahead: g.ahead, behind: g.behind, lastCommit: g.lastCommit, ...(g.error ? { error: g.error } : {}) },
    dependencies: p.dependencies.count,
    findings: p.findings.length,
    scannedAt: p.scannedAt,
  };
}

/** Each project's summary is serialised once per version of it (the index replaces a project that changed). */
const serialised = new WeakMap<Project, string>();

export function summaryJson(p: Project, id: string): string {
  let text = serialised.get(p);
  if (text === undefined) serialised.set(p, (text = JSON.stringify(projectSummary(p, id))));
  return text;
}

let listed: { projects: readonly Project[]; body: Buffer } | null = null;

/**
 * The whole list as the bytes sent, made again only when a project changed (the index hands out a new
 * object then): 200 projects are ~150 KB, and building and encoding that on every request would be most of
 * the request's cost and of the garbage under load.
 */
export function listBody(projects: readonly Project[], idOf: (p: Project) => string): Buffer {
  const same = listed !== null && listed.projects.length === projects.length && projects.every((p, i) => p === listed?.projects[i]);
  if (!same || !listed) listed = { projects, body: Buffer.from(`{"projects":[${projects.map((p) => summaryJson(p, idOf(p))).join(',')}]}`, 'utf8') };
  return listed.body;
}
