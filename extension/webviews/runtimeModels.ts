import type { ContainerInfo, DockerAvailability, ProcessInfo, ProjectRuntime, RuntimeSnapshot } from '../../language-server/model';
import { LIMITS, type ContainerRow, type CrashRow, type ProcessRow, type RunningProject, type RuntimeView } from '../../webviews/runtime/protocol';
import type { ProjectUsage } from './runtimeHistory';

/** What the runtime view is drawn from: the client's runtime model, names from the projects model, and the last snapshot. */
export interface RuntimeSources {
  /** Every project the runtime model holds (running, or whose last run crashed). */
  runtimes: readonly ProjectRuntime[];
  docker: DockerAvailability;
  nameOf: (path: string) => string;
  /** Every process and container, for commands and container rows; undefined until read. */
  snapshot: RuntimeSnapshot | undefined;
  /** Why the snapshot could not be read, when it could not. */
  snapshotError: string | null;
}

/** Shown commands are cut here: the row has one line for each, and the tooltip gets the same text. */
const COMMAND_SHOWN = 200;
// The terminal Optimus gives a run (util-linux `script`, see launcher/ptyCommand.ts): named for what it is,
// as the Runtime view names it.
const PTY_WRAPPER = /^\/usr\/bin\/script -q -e -f -c /;

/**
 * What the Runtime monitor is sent, drawn from the client's models: only the fields the page shows, cut to the
 * protocol's bounds so one odd project is shortened rather than the whole view refused by the webview's guard.
 */
export function runtimeView(s: RuntimeSources): RuntimeView {
  const processes = new Map((s.snapshot?.processes ?? []).map((p) => [p.pid, p]));
  return {
    running: s.runtimes
      .filter((r) => r.running && r.path.length <= LIMITS.path)
      .map((r) => runningProject(r, s.nameOf(r.path), processes, s.snapshot !== undefined))
      .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path))
      .slice(0, LIMITS.projects),
    containers: s.snapshot ? containerRows(s.snapshot.containers, s.nameOf) : null,
    dockerProblem: dockerProblem(s.docker),
    detailsProblem: s.snapshotError === null ? null : text(`Optimus could not read the processes and containers: ${s.snapshotError}`),
    crashes: crashRows(s.runtimes, s.nameOf),
  };
}

export function runningProject(r: ProjectRuntime, name: string, processes: ReadonlyMap<number, ProcessInfo>, read: boolean): RunningProject {
  return {
    path: r.path,
    name: text(name),
    cpuPercent: cpu(r.cpuPercent),
    memoryBytes: bytes(r.memoryBytes),
    ports: ports(r.ports),
    processes: r.pids.filter((pid) => Number.isSafeInteger(pid) && pid >= 0).slice(0, LIMITS.processes).map((pid) => processRow(pid, processes.get(pid), read)),
    containers: Math.min(r.containerIds.length, LIMITS.containers),
    startedByOptimus: r.runId !== undefined,
  };
}

/** A process the snapshot does not hold (it started since) is listed by pid alone until the next read. */
function processRow(pid: number, p: ProcessInfo | undefined, read: boolean): ProcessRow {
  if (!p) return { pid, command: read ? '' : null };
  return { pid, command: shortCommand(PTY_WRAPPER.test(p.command) ? 'terminal of the Optimus run' : p.command) };
}

/** Running containers first, each group by name. */
export function containerRows(containers: readonly ContainerInfo[], nameOf: (path: string) => string): ContainerRow[] {
  return [...containers]
    .sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || a.name.localeCompare(b.name))
    .slice(0, LIMITS.containers)
    .map((c) => ({
      id: text(c.id),
      name: text(c.name),
      image: text(c.image),
      state: text(c.state),
      ports: ports(c.ports),
      project: c.projectPath ? text(nameOf(c.projectPath)) : null,
    }));
}

/** Projects whose last run crashed and that do not run again, the latest first. */
export function crashRows(runtimes: readonly ProjectRuntime[], nameOf: (path: string) => string): CrashRow[] {
  const rows: CrashRow[] = [];
  for (const r of runtimes) {
    const c = r.crashed;
    if (!c || r.running || r.path.length > LIMITS.path || Number.isNaN(Date.parse(c.at)) || c.at.length > 40) continue;
    const exitCode = c.exitCode !== null && Number.isSafeInteger(c.exitCode) ? c.exitCode : null;
    const signal = c.signal !== null && c.signal.length <= 40 ? c.signal : null;
    rows.push({ path: r.path, name: text(nameOf(r.path)), at: c.at, exitCode, signal, command: shortCommand(c.command) });
  }
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, LIMITS.projects);
}

/** Why no container is shown, in the engine's words without the prefix; null when the engine answers. */
export function dockerProblem(docker: DockerAvailability): string | null {
  return docker === 'available' ? null : text(docker.replace(/^unavailable:\s*/, '') || 'no container engine answers');
}

/** One line, cut to what a row shows: `npm run dev`, a long `node … --flag` ending in "…". */
export function shortCommand(command: string): string {
  const line = command.replace(/\s+/g, ' ').trim();
  return line.length > COMMAND_SHOWN ? `${line.slice(0, COMMAND_SHOWN - 1)}…` : line;
}

/** The figures of each running project the view shows: what the history records as one sample. */
export function usageOf(view: RuntimeView): ProjectUsage[] {
  return view.running.map((p) => ({ path: p.path, cpuPercent: p.cpuPercent, memoryBytes: p.memoryBytes }));
}

/**
 * What decides whether the snapshot must be read again: the processes and containers of the running projects
 * and the engine's state. CPU and memory come with every model change and need no snapshot.
 */
export function detailsKey(runtimes: readonly ProjectRuntime[], docker: DockerAvailability): string {
  const running = runtimes.filter((r) => r.running).map((r) => `${r.path}:${r.pids.join(',')}:${r.containerIds.join(',')}`);
  return [docker, ...running.sort()].join('\n');
}

function cpu(n: number): number {
  // One decimal: what the page shows; finer figures would only make the samples bigger.
  return Number.isFinite(n) ? Math.min(LIMITS.cpuPercent, Math.max(0, Math.round(n * 10) / 10)) : 0;
}

function bytes(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.min(Number.MAX_SAFE_INTEGER, Math.round(n)) : 0;
}

function ports(list: readonly number[]): number[] {
  return [...new Set(list)].filter((p) => Number.isInteger(p) && p >= 1 && p <= 65_535).sort((a, b) => a - b).slice(0, LIMITS.ports);
}

function text(s: string): string {
  return s.length > LIMITS.text ? `${s.slice(0, LIMITS.text - 1)}…` : s;
}
