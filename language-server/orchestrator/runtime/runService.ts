import type { Project } from '../../model';
import type { RunInfo, StartParams, StartPlan, StopResult } from '../../protocol';
import type { Store } from '../../store/store';
import { runAction, type ActionContext } from '../actionGate';
import { childEnv } from './childEnv';
import { envForStart } from '../env/envForStart';
import { Launcher } from '../launcher/launcher';
import type { ManagedRun, RunExit } from '../launcher/managedRun';
import { resolveEnvProfile } from '../projectSettings';
import { resolveStartCommand } from '../startCommand/resolve';

const SHUTDOWN_GRACE_MS = 1200;

export interface RunServiceDeps {
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  project: (path: string) => Project | undefined;
  onOutput: (runId: string, data: string) => void;
  onExit: (run: RunInfo) => void;
}

/**
 * Starting and stopping the commands Optimus runs for projects: what would run (the plan the user confirms),
 * the run itself (through the action gate, so it is refused when untrusted and audited), its output batched
 * for the terminal, and the last crash of each project.
 */
export class RunService {
  private readonly launcher: Launcher;
  private pending = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private crashes = new Map<string, RunInfo>();

  constructor(private readonly deps: RunServiceDeps) {
    this.launcher = new Launcher({
      onOutput: (run, text) => this.queue(run.id, text),
      onExit: (run, exit) => this.exited(run, exit),
    });
  }

  async plan(path: string): Promise<StartPlan | null> {
    const project = this.deps.project(path);
    if (!project) return null;
    const store = await this.deps.store();
    const resolved = await resolveStartCommand(path, undefined, store);
    if (!resolved.command) return null;
    const profile = await resolveEnvProfile(path, store, undefined, 'development');
    const env = await envForStart(path, profile.profile);
    return {
      path,
      command: resolved.command,
      cwd: resolved.cwd,
      source: resolved.source,
      envProfile: env.files.length > 0 ? profile.profile : null,
      envFiles: env.files,
      alternatives: resolved.candidates.map((c) => ({ label: c.label, command: c.command, source: c.source })),
    };
  }

  /** Starts with the command the user confirmed; refuses when the plan changed since. */
  async start(params: StartParams): Promise<RunInfo> {
    const plan = await this.plan(params.path);
    if (!plan) throw new Error(`Optimus knows no way to start ${params.path}.`);
    if (plan.command !== params.command) throw new Error(`The start command changed to "${plan.command}" since you confirmed "${params.command}". Start again to confirm it.`);
    const request = { action: 'start', target: params.path, details: { command: plan.command, cwd: plan.cwd, envProfile: plan.envProfile } };
    return runAction(this.deps.context(), request, async () => {
      const env = plan.envProfile ? (await envForStart(params.path, plan.envProfile)).vars : {};
      const size = params.columns && params.rows ? { columns: params.columns, rows: params.rows } : undefined;
      const { run } = this.launcher.start({ projectPath: params.path, command: plan.command, cwd: plan.cwd, env: childEnv(process.env, env), ...(size ? { size } : {}) });
      this.crashes.delete(params.path);
      return info(run);
    });
  }

  /** Stops the run Optimus started for the project (its terminal was closed); audited on its own. */
  async stopRun(path: string, runId?: string): Promise<StopResult> {
    const run = this.launcher.get(path);
    if (!run?.running || (runId && run.id !== runId)) return { stopped: [], failed: [] };
    const details = { command: run.plan.command, pid: run.pid };
    const pid = await runAction(this.deps.context(), { action: 'stop', target: path, details }, () => this.stopOwn(path));
    return { stopped: pid === undefined ? [] : [pid], failed: [] };
  }

  /** Stops the project's run without auditing: for a caller that audits the whole stop it is part of. */
  async stopOwn(path: string): Promise<number | undefined> {
    const run = this.launcher.get(path);
    if (!run?.running) return undefined;
    const pid = run.pid;
    await run.stop();
    return pid;
  }

  /** The run Optimus started for the project, while it runs. */
  running(path: string): ManagedRun | undefined {
    const run = this.launcher.get(path);
    return run?.running ? run : undefined;
  }

  /** Runs that are running now, by project path. */
  runningByPath(): Map<string, RunInfo> {
    return new Map(this.launcher.all().filter((r) => r.running).map((r) => [r.plan.projectPath, info(r)]));
  }

  runs(historyOf?: string): { runs: RunInfo[]; history?: string } {
    const runs = this.launcher.all().map(info);
    const history = historyOf ? this.launcher.byId(historyOf)?.history() : undefined;
    return history === undefined ? { runs } : { runs, history };
  }

  input(runId: string, data: string): void {
    this.launcher.byId(runId)?.write(data);
  }

  /** The last run of each project that ended on its own with a failure. */
  crashed(): RunInfo[] {
    return [...this.crashes.values()];
  }

  /** The window is closing: stop what Optimus started unless the user keeps it running. */
  async dispose(keepRunning: boolean): Promise<void> {
    this.flush();
    // The client gives the server 2 s to shut down before it kills it, which would leave the runs orphaned.
    if (!keepRunning) await this.launcher.stopAll(SHUTDOWN_GRACE_MS);
  }

  private queue(runId: string, text: string): void {
    this.pending.set(runId, (this.pending.get(runId) ?? '') + text);
    this.flushTimer ??= setTimeout(() => this.flush(), 30);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const [runId, data] of this.pending) this.deps.onOutput(runId, data);
    this.pending.clear();
  }

  private exited(run: ManagedRun, exit: RunExit): void {
    this.flush();
    const done = info(run);
    if (!exit.stopped && exit.exitCode !== 0) this.crashes.set(run.plan.projectPath, done);
    this.deps.onExit(done);
  }
}

function info(run: ManagedRun): RunInfo {
  return {
    runId: run.id,
    path: run.plan.projectPath,
    command: run.plan.command,
    pid: run.pid ?? null,
    startedAt: run.startedAt,
    running: run.running,
    exitCode: run.exit?.exitCode ?? null,
    signal: run.exit?.signal ?? null,
    ...(run.exit ? { endedAt: run.exit.at } : {}),
  };
}
