import type { ApiEngine } from '../../../language-server/api/apiEngine';
import type { Project } from '../../../language-server/model';

/** A project as the index would hold it, for handler tests that need no disk. */
export function project(name: string, root = '/home/dev/code', overrides: Partial<Project> = {}): Project {
  return {
    name, path: `${root}/${name}`, root, stack: { languages: ['typescript'], frameworks: [], packageManagers: ['npm'] }, git: null,
    dependencies: { count: 0, manifests: [] }, children: [], parent: null, findings: [], scannedAt: '2026-01-01T00:00:00.000Z', ...overrides,
  };
}

/** An ApiEngine whose every method fails unless the test gives it: a handler reaching one it should not is caught. */
export function fakeEngine(parts: Partial<ApiEngine> & { projects: () => readonly Project[] }): ApiEngine {
  const refuse = (name: string) => async () => {
    throw new Error(`the test did not expect ${name}`);
  };
  const base: ApiEngine = {
    projects: parts.projects,
    indexState: () => 'ready',
    rescan: refuse('rescan'),
    analyze: refuse('analyze'),
    detail: refuse('detail'),
    advise: refuse('advise'),
    runtimeOf: () => null,
    runtimeSnapshot: refuse('runtimeSnapshot'),
    startPlan: refuse('startPlan'),
    start: refuse('start'),
    stop: refuse('stop'),
    money: refuse('money'),
    diagnose: refuse('diagnose'),
    approveFix: refuse('approveFix'),
    backup: refuse('backup'),
    deployPlan: refuse('deployPlan'),
    deploy: refuse('deploy'),
    scores: async () => [],
    store: async () => null,
  };
  return { ...base, ...parts };
}
