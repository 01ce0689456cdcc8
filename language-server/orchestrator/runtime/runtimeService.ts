import type { ContainerInfo, DockerAvailability, ProcessInfo, Project, ProjectRuntime, RuntimeSnapshot } from '../../model';
import type { PortOwners, RunInfo, RuntimeChangedParams, StartParams, StartPlan, StopResult } from '../../protocol';
import type { ContainerEngine, ContainerEngineOptions } from '../../scanner/containers/containerEngine';
import type { ContainerWatch } from '../../scanner/containers/watch';
import { killTrees } from '../../scanner/runtime/killTree';
import { RuntimeMonitor } from '../../scanner/runtime/monitor';
import { toRuntimeSnapshot } from '../../scanner/runtime/snapshot';
import type { Store } from '../../store/store';
import { runAction, type ActionContext } from '../actionGate';
import { projectRuntimes } from './projectRuntimes';
import { RunService } from './runService';

export interface RuntimeServiceDeps {
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  projects: () => readonly Project[];
  onChange: (params: RuntimeChangedParams) => void;
  onOutput: (runId: string, data: string) => void;
  onExit: (run: RunInfo) => void;
  /** Off in tests that must not look for a container engine; ContainerEngine options otherwise. */
  containers: ContainerEngineOptions | false;
}

/** How much less often the monitor looks while the window has no focus. */
const BACKGROUND_FACTOR = 4;

/**
 * What runs, for the tree and the status bar: the process monitor, the container engine (events, not
 * polling) and the runs Optimus started, merged per project and sent only when what a user sees changed.
 */
export class RuntimeService {
  readonly runs: RunService;
  private readonly monitor: RuntimeMonitor;
  private engine: ContainerEngine | null = null;
  private wantedContainers: ContainerEngineOptions | false;
  private monitoring = false;
  private generation = 0;
  private disposed = false;
  private pathsKey = '';
  private watch: ContainerWatch | null = null;
  private containers: ContainerInfo[] = [];
  private docker: DockerAvailability = 'unavailable: not checked yet';
  private lastSent = '';
  private processes: ReadonlyMap<string, ProjectRuntime> = new Map();
  private focused = true;
  private sampleMs = 3000;

  constructor(private readonly deps: RuntimeServiceDeps) {
    this.wantedContainers = deps.containers;
    this.monitor = new RuntimeMonitor({ projectPaths: this.paths(), intervalMs: this.sampleMs });
    this.monitor.onChange((change) => {
      this.processes = change.projects;
      this.publish();
    });
    this.runs = new RunService({
      context: deps.context,
      store: deps.store,
      project: (path) => deps.projects().find((p) => p.path === path),
      onOutput: deps.onOutput,
      onExit: (run) => {
        deps.onExit(run);
        this.publish();
        void this.monitor.sample();
      },
    });
  }

  /**
   * Starts sampling and following containers after `delayMs`: the first (cold) sample and the engine probe
   * would otherwise compete with the first walk and git reads that put the project list on screen.
   */
  startMonitoring(delayMs = 0): void {
    const begin = (): void => {
      if (this.disposed) return;
      this.monitoring = true;
      this.monitor.start();
      void this.followContainers();
    };
    if (delayMs <= 0) return begin();
    setTimeout(begin, delayMs).unref();
  }

  /** Follows a container engine's events, or with false stops following them (the setting changed). */
  setContainers(options: ContainerEngineOptions | false): void {
    const same = (options === false) === (this.wantedContainers === false);
    this.wantedContainers = options;
    if (this.monitoring && !same) void this.followContainers();
  }

  // dockerode is loaded on first use: it is a fifth of the server's start-up time otherwise.
  private async followContainers(): Promise<void> {
    const generation = ++this.generation;
    this.watch?.close();
    this.watch = null;
    this.engine = null;
    this.containers = [];
    const options = this.wantedContainers;
    this.docker = options === false ? 'unavailable: container monitoring is off' : 'unavailable: not checked yet';
    this.publish();
    if (options === false) return;
    const { ContainerEngine } = await import('../../scanner/containers/containerEngine');
    if (generation !== this.generation) return; // the setting changed meanwhile
    const engine = (this.engine = new ContainerEngine(options));
    this.watch = engine.watchContainers((change) => {
      this.containers = change.containers;
      this.docker = change.docker;
      this.publish();
    }, { projectPaths: () => this.paths() });
  }

  /** The project list changed: place processes and containers in the new one. */
  projectsChanged(): void {
    // Most changes are git state or stacks filling in: only a project added or removed moves processes.
    const paths = this.paths();
    const key = [...paths].sort().join('\n');
    if (key === this.pathsKey) return;
    this.pathsKey = key;
    this.monitor.setProjects(paths);
    if (!this.monitoring) return; // the first sample, when monitoring starts, uses them
    this.watch?.refresh();
    void this.monitor.sample();
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    this.monitor.setInterval(this.interval());
    if (focused && this.monitoring) void this.monitor.sample();
  }

  setSampleInterval(ms: number): void {
    this.sampleMs = ms;
    this.monitor.setInterval(this.interval());
  }

  private interval(): number {
    return this.focused ? this.sampleMs : this.sampleMs * BACKGROUND_FACTOR;
  }

  /** Every process on the machine now, and the containers as last reported. */
  async snapshot(): Promise<RuntimeSnapshot> {
    await this.monitor.sample();
    const sample = this.monitor.latest;
    if (!sample) throw new Error('The process table could not be read.');
    return toRuntimeSnapshot(sample, this.containers, this.docker);
  }

  plan(path: string): Promise<StartPlan | null> {
    return this.runs.plan(path);
  }

  async start(params: StartParams): Promise<RunInfo> {
    const run = await this.runs.start(params);
    this.publish();
    return run;
  }

  /** With a runId, that run only; otherwise everything that runs for the project, audited as one stop. */
  async stop(path: string, runId?: string): Promise<StopResult> {
    if (runId) return this.runs.stopRun(path, runId);
    const details = { processes: this.current(path)?.pids ?? [], containers: this.current(path)?.containerIds ?? [] };
    return runAction(this.deps.context(), { action: 'stop', target: path, details }, async () => {
      const own = await this.runs.stopOwn(path);
      const killed = await this.monitor.stopProject(path);
      const containers = this.engine && this.current(path)?.containerIds.length ? await this.engine.stopProjectContainers(path, this.paths()) : [];
      this.watch?.refresh();
      const stopped = [...(own === undefined ? [] : [own]), ...killed.exited, ...killed.killed];
      const failed = [...killed.skipped.filter((s) => !s.reason.startsWith('no such process')), ...killed.remaining.map((pid) => ({ pid, reason: 'still running after SIGKILL' }))];
      return { stopped: [...new Set(stopped)], failed, containers };
    });
  }

  /** The processes of the last sample (no new one is taken): for checks that run on every pause in typing. */
  lastProcesses(): readonly ProcessInfo[] {
    return this.monitor.latest?.processes ?? [];
  }

  /** What listens on a TCP port now: processes (with their projects) and containers that publish it. */
  async portOwners(port: number): Promise<PortOwners> {
    const snapshot = await this.snapshot();
    return { processes: snapshot.processes.filter((p) => p.ports.includes(port)), containers: snapshot.containers.filter((c) => c.state === 'running' && c.ports.includes(port)) };
  }

  /**
   * Frees a port: stops the process trees listening on it (never the editor or Optimus: killTrees refuses
   * them) and the containers publishing it; audited as one action naming what was stopped.
   */
  async stopPort(port: number): Promise<StopResult> {
    const owners = await this.portOwners(port);
    const details = { port, processes: owners.processes.map((p) => `${p.pid} ${p.command.slice(0, 120)}`), containers: owners.containers.map((c) => c.name) };
    return runAction(this.deps.context(), { action: 'stop-port', target: `port ${port}`, details }, async () => {
      if (owners.processes.length === 0 && owners.containers.length === 0) throw new Error(`Nothing listens on port ${port} now.`);
      const killed = await killTrees(owners.processes.map((p) => p.pid));
      for (const c of owners.containers) await this.engine?.stopContainer(c.id);
      this.watch?.refresh();
      void this.monitor.sample();
      const failed = [...killed.skipped, ...killed.remaining.map((pid) => ({ pid, reason: 'still running after SIGKILL' }))];
      return { stopped: [...new Set([...killed.exited, ...killed.killed])], failed, containers: owners.containers.map((c) => c.id) };
    });
  }

  /** One container, by id or name; audited with its name and project. */
  async containerAction(id: string, action: 'start' | 'stop' | 'restart'): Promise<void> {
    const engine = this.engine;
    if (!engine) throw new Error('Container monitoring is off (setting optimus.containers.enabled).');
    const known = this.containers.find((c) => c.id === id || c.name === id);
    const details = { container: known?.name ?? id, image: known?.image ?? null };
    await runAction(this.deps.context(), { action: `container.${action}`, target: known?.projectPath ?? id, details }, async () => {
      if (action === 'start') await engine.startContainer(id);
      else if (action === 'stop') await engine.stopContainer(id);
      else await engine.restartContainer(id);
    });
    this.watch?.refresh();
  }

  /** The server is shutting down: stop what Optimus started unless the user keeps it running. */
  async dispose(keepRunning: boolean): Promise<void> {
    this.disposed = true;
    this.generation++;
    this.monitor.dispose();
    this.watch?.close();
    await this.runs.dispose(keepRunning);
  }

  /** What runs for the project as last published; undefined when nothing runs or crashed. */
  current(path: string): ProjectRuntime | undefined {
    return this.state().find((p) => p.path === path);
  }

  private state(): ProjectRuntime[] {
    return projectRuntimes({ processes: this.processes, containers: this.containers, runs: this.runs.runningByPath(), crashes: this.runs.crashed() });
  }

  private publish(): void {
    const params: RuntimeChangedParams = { projects: this.state(), docker: this.docker };
    const text = JSON.stringify(params);
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.deps.onChange(params);
  }

  private paths(): string[] {
    return this.deps.projects().map((p) => p.path);
  }
}
