import type { Engine } from '../engine';
import type { Project } from '../model';
import type { ProjectScore } from '../protocol';
import type { ApiEngine } from './apiEngine';

/** How long the stored scores answer detail requests: an analysis run elsewhere shows within this. */
const SCORES_MS = 1000;
/** How long one read of the project list answers requests: a change the watcher found shows within this. */
const PROJECTS_MS = 100;

export interface AdapterTimings {
  /** Seconds a scan (one project or every root) took. */
  onScan?: (seconds: number) => void;
  /** Seconds a project analysis took. */
  onAnalysis?: (seconds: number) => void;
}

/** The language server's engine seen as the API's: forwarding only, no logic of its own. */
export function engineApi(engine: Engine, timings: AdapterTimings = {}): ApiEngine {
  const timed = async <T>(work: () => Promise<T>, record: ((seconds: number) => void) | undefined): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      record?.((performance.now() - started) / 1000);
    }
  };
  // Every detail answer shows the project's last score: read the store once a second at most, not per request.
  let scores: { at: number; list: Promise<ProjectScore[]> } | null = null;
  const storedScores = (): Promise<ProjectScore[]> => {
    const now = performance.now();
    if (!scores || now - scores.at > SCORES_MS) scores = { at: now, list: engine.storedScores() };
    return scores.list;
  };
  // The index sorts its whole list on every read: under load that sort would cost more than the request. A
  // copy at most PROJECTS_MS old serves the reads; a scan or an analysis through the API drops it at once.
  let projects: { at: number; list: readonly Project[] } | null = null;
  const currentProjects = (): readonly Project[] => {
    const now = performance.now();
    if (!projects || now - projects.at > PROJECTS_MS) projects = { at: now, list: engine.list().projects };
    return projects.list;
  };
  const fresh = <T>(work: Promise<T>): Promise<T> => work.finally(() => (projects = null));
  return {
    projects: currentProjects,
    indexState: () => engine.list().state,
    rescan: (path) => fresh(timed(() => engine.rescan(path), timings.onScan)),
    analyze: (path, signal) => timed(async () => (await engine.analyzer()).analyzeProject(path, () => undefined, signal), timings.onAnalysis).finally(() => (scores = null)),
    detail: (path) => engine.projectDetail(path),
    advise: (path) => engine.advise(path),
    runtimeOf: (path) => engine.runtime.current(path) ?? null,
    runtimeSnapshot: () => engine.runtime.snapshot(),
    startPlan: (path) => engine.runtime.plan(path),
    start: (params) => engine.runtime.start(params),
    stop: (path, runId) => engine.runtime.stop(path, runId),
    money: async (path) => (await engine.money()).view(path),
    diagnose: async (params) => (await engine.troubleshooter()).diagnose(params),
    approveFix: async (params) => (await engine.troubleshooter()).approveCommand(params),
    backup: async (params, signal) => (await engine.backups()).backup(params, signal),
    deployPlan: async (path) => (await engine.deploys()).plan(path),
    deploy: async (path, command) => (await engine.deploys()).deploy(path, command),
    scores: storedScores,
    store: () => engine.store(),
  };
}
