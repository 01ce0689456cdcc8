import type { GitState, Project } from '../../../language-server/model';

/** A project as the scanner would report it, with only the fields a test cares about set. */
export function project(path: string, over: Partial<Project> = {}): Project {
  return {
    name: path.split('/').pop() ?? path,
    path,
    root: '/r',
    stack: { languages: [], frameworks: [], packageManagers: [] },
    git: null,
    dependencies: { count: 0, manifests: [] },
    children: [],
    parent: null,
    findings: [],
    scannedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function git(over: Partial<GitState> = {}): GitState {
  return {
    branch: 'main', head: 'a'.repeat(40), detached: false, dirty: false, changedFiles: 0, untrackedFiles: 0,
    upstream: null, ahead: null, behind: null, lastCommit: null, commitsLast30Days: 0, remoteUrl: null, complete: true,
    ...over,
  };
}
