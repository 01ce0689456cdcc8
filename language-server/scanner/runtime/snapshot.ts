/**
 * One sample of what runs on the machine, placed in projects. Returns processes only: the caller composes the
 * RuntimeSnapshot with containers (another module) — see `toRuntimeSnapshot`.
 */
import path from 'node:path';
import type { ContainerInfo, DockerAvailability, ProcessInfo, RuntimeSnapshot } from '../../model';
import { protectedPids } from './guard';
import { ProjectMatcher } from './projectMatcher';
import { assignProjects } from './projectMatcher';
import { LinuxSource } from './linuxSource';
import { DarwinSource } from './darwinSource';
import { WindowsSource } from './windowsSource';
import type { ProcessRow, SampleState } from './types';

export interface ProcessSample {
  /** ISO 8601. */
  takenAt: string;
  /** Every process on the machine but kernel threads and zombies; `projectPath` null for those in no project. */
  processes: ProcessInfo[];
  /** Pass back into the next takeSnapshot to make it incremental. */
  state: SampleState;
}

export function createSource(platform: NodeJS.Platform = process.platform): SampleState {
  if (platform === 'linux') return new LinuxSource();
  if (platform === 'darwin') return new DarwinSource();
  if (platform === 'win32') return new WindowsSource();
  throw new Error(`process monitoring is not supported on ${platform}`);
}

/**
 * `previous` is the `state` of the last sample: with it, only what changed is read again and CPU shares are
 * computed over the interval; without it, every process is read in full and `cpuPercent` is null.
 */
export async function takeSnapshot(projectPaths: readonly string[], previous?: SampleState): Promise<ProcessSample> {
  const state = previous ?? createSource();
  const rows = await state.collect();
  const takenAt = new Date().toISOString();
  const matcher = new ProjectMatcher(projectPaths, { paths: state.platform === 'win32' ? path.win32 : path.posix });
  const projectOf = assignProjects(rows, matcher, protectedPids(rows));
  const ports = await state.ports(rows, projectOf);
  return { takenAt, processes: rows.map((r) => toInfo(r, projectOf.get(r.pid) ?? null, ports.get(r.pid) ?? [])), state };
}

function toInfo(row: ProcessRow, projectPath: string | null, ports: number[]): ProcessInfo {
  const { pid, ppid, command, cpuPercent, memoryBytes, startedAt } = row;
  return { pid, ppid, projectPath, command, ports, cpuPercent, memoryBytes, startedAt };
}

/** The model's RuntimeSnapshot, for a caller that has containers (or knows Docker was not asked). */
export function toRuntimeSnapshot(sample: ProcessSample, containers: ContainerInfo[] = [], docker: DockerAvailability = 'unavailable: not checked'): RuntimeSnapshot {
  return { takenAt: sample.takenAt, processes: sample.processes, containers, docker };
}
