/**
 * Samples what runs for each project on an interval the caller sets (about 2–3 s while the UI shows it, slower
 * or paused otherwise) and tells listeners only when something a user would see has changed. Every sample is
 * incremental (see linuxSource.ts), which keeps the idle cost to a few ms per sample.
 */
import type { ProcessInfo, ProjectRuntime } from '../../model';
import { changedProjects, DEFAULT_THRESHOLDS, vanished, type ChangeThresholds } from './changes';
import { killTrees, stopProject, type KillOptions, type KillResult } from './killTree';
import { takeSnapshot, type ProcessSample } from './snapshot';
import { summarise } from './summarise';
import type { SampleState } from './types';

export interface RuntimeChange {
  /** ISO 8601. */
  takenAt: string;
  /** Processes in projects (not the whole machine). */
  processes: ProcessInfo[];
  /** Every project, running or not. */
  projects: Map<string, ProjectRuntime>;
  /** Projects whose summary changed visibly since it was last reported (all of them on the first sample). */
  changed: string[];
  /**
   * Processes of projects that were there on the last sample and are gone now. Optimus did not start them, so
   * their exit code is unknown: they are only reported as gone.
   */
  vanished: ProcessInfo[];
}

/** While the UI shows runtime state: a new server shows within ~2.5 s, and an idle sample costs a few ms. */
export const DEFAULT_INTERVAL_MS = 2500;

export interface RuntimeMonitorOptions {
  projectPaths?: readonly string[];
  /** Sampling interval, DEFAULT_INTERVAL_MS when left out; null or 0 leaves the monitor paused until setInterval. */
  intervalMs?: number | null;
  thresholds?: Partial<ChangeThresholds>;
  /** A failed sample (it should not happen on Linux) is reported here and sampling goes on. */
  onError?: (error: unknown) => void;
}

export type ChangeListener = (change: RuntimeChange) => void;

export class RuntimeMonitor {
  private projectPaths: readonly string[];
  private intervalMs: number | null;
  private readonly thresholds: ChangeThresholds;
  private readonly listeners = new Set<ChangeListener>();
  private state: SampleState | undefined;
  private last: ProcessSample | null = null;
  private reported = new Map<string, ProjectRuntime>();
  private inFlight: Promise<RuntimeChange | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly options: RuntimeMonitorOptions = {}) {
    this.projectPaths = options.projectPaths ?? [];
    this.intervalMs = options.intervalMs === undefined ? DEFAULT_INTERVAL_MS : options.intervalMs || null;
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  }

  /** Returns the function that removes the listener. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last sample: every process on the machine, placed in projects. */
  get latest(): ProcessSample | null {
    return this.last;
  }

  setProjects(projectPaths: readonly string[]): void {
    this.projectPaths = [...projectPaths];
  }

  /** null or 0 pauses sampling; a new interval takes effect from the next tick. */
  setInterval(intervalMs: number | null): void {
    this.intervalMs = intervalMs && intervalMs > 0 ? intervalMs : null;
    if (this.running) this.schedule();
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  /** Samples now (or joins the sample under way); resolves to the change that was emitted, or null. */
  sample(): Promise<RuntimeChange | null> {
    this.inFlight ??= this.sampleOnce().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /**
   * Stops what runs for a project, from a fresh sample: the last one may predate a process started since, and
   * that process would be left running.
   */
  async stopProject(projectPath: string, options?: KillOptions): Promise<KillResult> {
    await this.sample();
    const result = await stopProject(projectPath, this.last?.processes ?? [], options);
    this.resample();
    return result;
  }

  async killTree(pid: number, options?: KillOptions): Promise<KillResult> {
    const result = await killTrees([pid], options);
    this.resample();
    return result;
  }

  /** Shows the effect of a stop at once; a failure goes to onError, never out as an unhandled rejection. */
  private resample(): void {
    this.sample().catch((error: unknown) => this.options.onError?.(error));
  }

  private async sampleOnce(): Promise<RuntimeChange | null> {
    const paths = this.projectPaths;
    const sample = await takeSnapshot(paths, this.state);
    this.state = sample.state;
    const inProjects = sample.processes.filter((p) => p.projectPath !== null);
    // Against every process, not just those in projects: one of a project removed since still runs.
    const gone = this.last ? vanished(this.last.processes.filter((p) => p.projectPath !== null), sample.processes) : [];
    this.last = sample;
    const projects = summarise(inProjects, paths);
    const changed = changedProjects(this.reported, projects, this.thresholds);
    if (changed.length === 0 && gone.length === 0) return null;
    for (const path of changed) {
      const now = projects.get(path);
      if (now) this.reported.set(path, now);
      else this.reported.delete(path);
    }
    const change: RuntimeChange = { takenAt: sample.takenAt, processes: inProjects, projects, changed, vanished: gone };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    return change;
  }

  private schedule(delay = this.intervalMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.running || delay === null) return;
    this.timer = setTimeout(() => {
      this.sample()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedule());
    }, delay);
    // The monitor alone never keeps the server or the CLI alive.
    this.timer.unref();
  }
}
