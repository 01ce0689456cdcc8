import { realpath } from 'node:fs/promises';
import type { DockerAvailability, ProcessInfo } from '../model';
import { stopProject, type KillResult } from '../scanner/runtime/killTree';
import { takeSnapshot } from '../scanner/runtime/snapshot';
import { ContainerEngine } from '../scanner/containers/containerEngine';
import type { Store } from '../store/store';
import { storedProjectPaths } from './storedProjects';

/** A CLI run is short: an engine that does not answer a ping within this is counted as absent. */
const PING_TIMEOUT_MS = 1500;

/** What `optimus stop --json` prints. */
export interface StopReport {
  path: string;
  stopped: number[];
  failed: Array<{ pid: number; reason: string }>;
  containers: string[];
  docker: DockerAvailability;
}

/** What runs for the project now, read before stopping so the audit row says what was asked to stop. */
export interface StopPlan {
  path: string;
  projectPaths: string[];
  processes: ProcessInfo[];
}

/** Some process or container did not stop; the report still says what did. */
export class StopIncomplete extends Error {
  constructor(readonly report: StopReport, reason: string) {
    super(`Not everything of ${report.path} stopped: ${reason}`);
  }
}

export async function planStop(dir: string, store: Store | null): Promise<StopPlan> {
  // Processes report their real working folder; a project opened through a symlink must still match them.
  const real = await realpath(dir).catch(() => dir);
  const projectPaths = [...new Set([...(await storedProjectPaths(store)), dir, real])];
  const sample = await takeSnapshot(projectPaths);
  const processes = sample.processes
    .map((p) => (p.projectPath === real ? { ...p, projectPath: dir } : p))
    .filter((p) => p.projectPath === dir);
  return { path: dir, projectPaths, processes };
}

export function stopAuditDetails(plan: StopPlan): Record<string, unknown> {
  return { processes: plan.processes.map((p) => ({ pid: p.pid, command: p.command })) };
}

/** Stops every process of the project, then its running containers when an engine answers. */
export async function stopPlanned(plan: StopPlan, engine = new ContainerEngine({ pingTimeoutMs: PING_TIMEOUT_MS })): Promise<StopReport> {
  const killed = await stopProject(plan.path, plan.processes);
  const docker = await engine.availability();
  const report: StopReport = { path: plan.path, stopped: stoppedPids(killed), failed: failures(killed), containers: [], docker };
  if (docker === 'available') {
    try {
      report.containers = await engine.stopProjectContainers(plan.path, plan.projectPaths);
    } catch (error) {
      throw new StopIncomplete(report, error instanceof Error ? error.message : String(error));
    }
  }
  if (report.failed.length > 0) throw new StopIncomplete(report, report.failed.map((f) => `pid ${f.pid} ${f.reason}`).join('; '));
  return report;
}

function stoppedPids(killed: KillResult): number[] {
  return [...new Set([...killed.exited, ...killed.killed])].sort((a, b) => a - b);
}

/**
 * What did not stop, with why; a process that exited meanwhile is not a failure. (This CLI and its ancestors,
 * such as the shell it runs in, belong to no project in a snapshot, so they are never among the targets.)
 */
function failures(killed: KillResult): StopReport['failed'] {
  const skipped = killed.skipped.filter((s) => !s.reason.startsWith('no such process'));
  return [...skipped, ...killed.remaining.map((pid) => ({ pid, reason: 'is still running after SIGKILL' }))];
}
