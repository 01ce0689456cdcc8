import { ManagedRun, type RunExit, type RunPlan } from './managedRun';

export interface LauncherEvents {
  onOutput(run: ManagedRun, text: string): void;
  onExit(run: ManagedRun, exit: RunExit): void;
}

/**
 * The runs Optimus started, at most one per project. A project's earlier run is kept after it exits (its
 * output and exit code explain a crash) until the project is started again.
 */
export class Launcher {
  private runs = new Map<string, ManagedRun>();

  constructor(private readonly events: LauncherEvents) {}

  /** Starts the plan, or returns the project's run when it is still running. */
  start(plan: RunPlan): { run: ManagedRun; started: boolean } {
    const current = this.runs.get(plan.projectPath);
    if (current?.running) return { run: current, started: false };
    const run = new ManagedRun(plan);
    this.runs.set(plan.projectPath, run);
    run.onOutput((text) => this.events.onOutput(run, text));
    void run.whenExited().then((exit) => this.events.onExit(run, exit));
    return { run, started: true };
  }

  get(projectPath: string): ManagedRun | undefined {
    return this.runs.get(projectPath);
  }
  byId(id: string): ManagedRun | undefined {
    return [...this.runs.values()].find((r) => r.id === id);
  }
  all(): ManagedRun[] {
    return [...this.runs.values()];
  }

  /** Stops the project's run; resolves with its exit, or null when Optimus has no running run for it. */
  async stop(projectPath: string, graceMs?: number): Promise<RunExit | null> {
    const run = this.runs.get(projectPath);
    return run?.running ? run.stop(graceMs) : null;
  }

  /** Stops every run (the window is closing), unless the caller keeps them. */
  async stopAll(graceMs = 3000): Promise<void> {
    await Promise.all(this.all().filter((r) => r.running).map((r) => r.stop(graceMs)));
  }
}
