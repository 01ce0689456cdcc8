/**
 * Every custom message between the extension (client) and the language server. Both sides import this module
 * and nothing else to talk to each other; the direction of each message is in its comment.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DockerAvailability, Project, ProjectRuntime, RuntimeSnapshot, ScanNote } from './model';

/** Settings the server pulls with `workspace/configuration` (section `optimus`). */
export interface OptimusSettings {
  roots: string[];
  scan: { ignore: string[]; maxDepth: number };
}

/** Passed once in `initializationOptions`. */
export interface InitOptions {
  /** The store file (the extension's global storage); the server falls back to $OPTIMUS_HOME/optimus.sqlite. */
  storePath?: string;
  /** False in untrusted workspaces: the server then only reads. */
  trusted: boolean;
}

/** Where the project list stands: loaded from the store, being scanned, or current. */
export type IndexState = 'starting' | 'stored' | 'scanning' | 'ready';

export interface ProjectList {
  projects: Project[];
  notes: ScanNote[];
  state: IndexState;
  /** The roots in effect (settings plus workspace folders), after `~` expansion. */
  roots: string[];
}

export namespace ListProjectsRequest {
  /** client → server: the whole current list. */
  export const method = 'optimus/listProjects';
  export const type = new RequestType0<ProjectList, void>(method);
}

export interface RescanParams {
  /** A project folder to rescan alone; all roots when absent. */
  path?: string;
}

export interface RescanResult {
  elapsedMs: number;
  projectCount: number;
}

export namespace RescanRequest {
  /** client → server: rescan everything or one project; answers once discovery and stacks are done. */
  export const method = 'optimus/rescan';
  export const type = new RequestType<RescanParams, RescanResult, void>(method);
}

export interface ProjectsChangedParams {
  /** Projects added or changed, whole. */
  updated: Project[];
  /** Paths of projects that are gone. */
  removed: string[];
  /** True when `updated` is the complete list and anything not in it is gone. */
  full: boolean;
  state: IndexState;
  notes: ScanNote[];
  roots: string[];
}

export namespace ProjectsChangedNotification {
  /** server → client: the project list changed. */
  export const method = 'optimus/projectsChanged';
  export const type = new NotificationType<ProjectsChangedParams>(method);
}

export interface ServerMessageParams {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export namespace ServerMessageNotification {
  /** server → client: something the user should read once (a recovered store, a missing root, a bad setting). */
  export const method = 'optimus/message';
  export const type = new NotificationType<ServerMessageParams>(method);
}

// ---- Runtime: what runs, and the runs Optimus started ----

export interface RuntimeChangedParams {
  /** Every project that runs now, or whose last run crashed. */
  projects: ProjectRuntime[];
  docker: DockerAvailability;
}

export namespace RuntimeChangedNotification {
  /** server → client: the running state of projects changed (sent only on a visible change). */
  export const method = 'optimus/runtimeChanged';
  export const type = new NotificationType<RuntimeChangedParams>(method);
}

export namespace RuntimeSnapshotRequest {
  /** client → server: every process and container now, for the Runtime view's details. */
  export const method = 'optimus/runtimeSnapshot';
  export const type = new RequestType0<RuntimeSnapshot, void>(method);
}

export interface MonitorModeParams {
  /** The window has focus: sample often. Without focus the monitor slows down. */
  focused: boolean;
}

export namespace MonitorModeNotification {
  /** client → server: how often the runtime monitor should look. */
  export const method = 'optimus/monitorMode';
  export const type = new NotificationType<MonitorModeParams>(method);
}

export interface StartPlan {
  path: string;
  command: string;
  cwd: string;
  /** Where the command came from: `override`, `.optimus.json`, `package.json script dev`, ... */
  source: string;
  /** The .env profile the start uses, if any; its values never leave the server. */
  envProfile: string | null;
  envFiles: string[];
  /** Other commands that could start the project, for "Change Start Command…". */
  alternatives: Array<{ label: string; command: string; source: string }>;
}

export namespace StartPlanRequest {
  /** client → server: what starting the project would run (shown to the user before it runs). */
  export const method = 'optimus/startPlan';
  export const type = new RequestType<{ path: string }, StartPlan | null, void>(method);
}

export interface StartParams {
  path: string;
  /** The exact command the user confirmed; the server refuses if the plan changed meanwhile. */
  command: string;
  columns?: number;
  rows?: number;
}

export interface RunInfo {
  runId: string;
  path: string;
  command: string;
  pid: number | null;
  startedAt: string;
  running: boolean;
  exitCode: number | null;
  signal: string | null;
}

export namespace StartRequest {
  /** client → server: start the project with the confirmed command. */
  export const method = 'optimus/start';
  export const type = new RequestType<StartParams, RunInfo, void>(method);
}

export interface StopResult {
  /** Processes that ended, by pid. */
  stopped: number[];
  /** Processes that could not be stopped (another user's), with why. */
  failed: Array<{ pid: number; reason: string }>;
}

export interface StopParams {
  path: string;
  /** Stop only this run (its terminal was closed); without it, everything that runs for the project. */
  runId?: string;
}

export namespace StopRequest {
  /** client → server: stop a run, or everything that runs for the project (its run, processes, containers). */
  export const method = 'optimus/stop';
  export const type = new RequestType<StopParams, StopResult, void>(method);
}

export namespace RunsRequest {
  /** client → server: the runs Optimus started, with the output so far of one of them when asked. */
  export const method = 'optimus/runs';
  export const type = new RequestType<{ historyOf?: string }, { runs: RunInfo[]; history?: string }, void>(method);
}

export namespace RunOutputNotification {
  /** server → client: output of a run, batched. */
  export const method = 'optimus/runOutput';
  export const type = new NotificationType<{ runId: string; data: string }>(method);
}

export namespace RunExitNotification {
  /** server → client: a run ended. */
  export const method = 'optimus/runExit';
  export const type = new NotificationType<RunInfo>(method);
}

export namespace RunInputNotification {
  /** client → server: keystrokes typed in a run's terminal. */
  export const method = 'optimus/runInput';
  export const type = new NotificationType<{ runId: string; data: string }>(method);
}
