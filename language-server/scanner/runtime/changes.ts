/** Whether a new sample changes anything a user sees, so the monitor stays quiet while nothing does. */
import type { ProcessInfo, ProjectRuntime } from '../../model';

export interface ChangeThresholds {
  /** CPU moves of at most this many percentage points (of one core) are not news. */
  cpuPoints: number;
  /** Memory moves within this share of the last reported figure ... */
  memoryFraction: number;
  /** ... or within this many bytes are not news. */
  memoryBytes: number;
}

export const DEFAULT_THRESHOLDS: ChangeThresholds = { cpuPoints: 10, memoryFraction: 0.1, memoryBytes: 16 << 20 };

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Projects whose summary differs in a way that shows: started or stopped, a process came or went, ports
 * changed, or CPU/memory moved past a threshold. `reported` holds what was last sent for each project — not the
 * last sample — so a slow drift adds up until it is worth a message.
 */
export function changedProjects(reported: ReadonlyMap<string, ProjectRuntime>, current: ReadonlyMap<string, ProjectRuntime>, t: ChangeThresholds = DEFAULT_THRESHOLDS): string[] {
  const out: string[] = [];
  for (const [path, now] of current) {
    const before = reported.get(path);
    if (!before || visiblyDifferent(before, now, t)) out.push(path);
  }
  for (const path of reported.keys()) if (!current.has(path)) out.push(path);
  return out;
}

function visiblyDifferent(a: ProjectRuntime, b: ProjectRuntime, t: ChangeThresholds): boolean {
  if (a.running !== b.running || !sameList(a.pids, b.pids) || !sameList(a.ports, b.ports)) return true;
  if (Math.abs(a.cpuPercent - b.cpuPercent) > t.cpuPoints) return true;
  return Math.abs(a.memoryBytes - b.memoryBytes) > Math.max(t.memoryBytes, t.memoryFraction * a.memoryBytes);
}

/** Processes of projects in `before` that are not in `after` (a reused pid with a new start time counts as gone). */
export function vanished(before: readonly ProcessInfo[], after: readonly ProcessInfo[]): ProcessInfo[] {
  const now = new Set(after.map((p) => `${p.pid}@${p.startedAt}`));
  return before.filter((p) => p.projectPath !== null && !now.has(`${p.pid}@${p.startedAt}`));
}
