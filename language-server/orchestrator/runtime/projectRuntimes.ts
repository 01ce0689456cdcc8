import type { ContainerInfo, ProjectRuntime } from '../../model';
import type { RunInfo } from '../../protocol';

export interface RuntimeParts {
  /** From the process monitor: every project, running or not. */
  processes: ReadonlyMap<string, ProjectRuntime>;
  containers: readonly ContainerInfo[];
  /** Runs Optimus started that are still running, by project path. */
  runs: ReadonlyMap<string, RunInfo>;
  /** The last failed run of each project that has not been started again. */
  crashes: readonly RunInfo[];
}

/**
 * What the tree and status bar show: each project that runs (processes, its run, running containers) or whose
 * last run crashed, sorted by path. A run counts as running even before the monitor's next sample sees it.
 */
export function projectRuntimes(parts: RuntimeParts): ProjectRuntime[] {
  const out = new Map<string, ProjectRuntime>();
  const entry = (path: string): ProjectRuntime => {
    let e = out.get(path);
    if (!e) out.set(path, (e = copy(parts.processes.get(path)) ?? idle(path)));
    return e;
  };
  for (const [path, runtime] of parts.processes) if (runtime.running) entry(path);
  for (const container of parts.containers) addContainer(container, entry);
  for (const [path, run] of parts.runs) addRun(entry(path), run);
  for (const crash of parts.crashes) addCrash(entry(crash.path), crash);
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function addContainer(container: ContainerInfo, entry: (path: string) => ProjectRuntime): void {
  if (!container.projectPath || container.state !== 'running') return;
  const e = entry(container.projectPath);
  e.running = true;
  e.containerIds.push(container.id);
  for (const port of container.ports) if (!e.ports.includes(port)) e.ports.push(port);
  e.ports.sort((a, b) => a - b);
}

function addRun(e: ProjectRuntime, run: RunInfo): void {
  e.running = true;
  e.runId = run.runId;
  if (run.pid !== null && !e.pids.includes(run.pid)) e.pids = [...e.pids, run.pid].sort((a, b) => a - b);
}

function addCrash(e: ProjectRuntime, run: RunInfo): void {
  e.crashed = { exitCode: run.exitCode, signal: run.signal, at: run.endedAt ?? run.startedAt, command: run.command };
}

function copy(runtime: ProjectRuntime | undefined): ProjectRuntime | undefined {
  return runtime && { ...runtime, pids: [...runtime.pids], ports: [...runtime.ports], containerIds: [...runtime.containerIds] };
}

function idle(path: string): ProjectRuntime {
  return { path, running: false, pids: [], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [] };
}
