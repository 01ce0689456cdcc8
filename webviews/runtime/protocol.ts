/**
 * The Runtime monitor's one protocol: what the webview asks of the extension host (commands) and what the host
 * tells the webview (messages). Both sides import this module and check every message they receive with its
 * guard; a message that fails is dropped with a log line, never acted on.
 *
 * The webview names a project and a port only as the host sent them; the host acts only on a project its
 * runtime model lists (a port only when the model says that project listens on it).
 */
import { isInt, isListOf, isNullOr, isRecord, isText } from '../shared/guards';

/** Bounds the guards enforce; the host cuts what it sends to them, so only a hostile message is ever too big. */
export const LIMITS = {
  /** A name, an image, a state, a reason. */
  text: 500,
  path: 4_096,
  /** A process's command line as shown (the host shortens longer ones). */
  command: 300,
  /** Running projects, crashed projects: far past any real machine. */
  projects: 500,
  processes: 64,
  containers: 200,
  ports: 32,
  /** Samples kept per project: ten minutes at one a second. */
  samples: 600,
  /** The longest window a chart may span: a day. */
  windowMs: 24 * 60 * 60 * 1000,
  /** CPU as a share of one core: 100 per core, and a machine has at most a few hundred. */
  cpuPercent: 100_000,
} as const;

/** One reading of a project's CPU and memory, `at` in milliseconds since 1970 (the host's clock). */
export interface UsageSample {
  at: number;
  cpuPercent: number;
  memoryBytes: number;
}

export interface ProjectHistory {
  path: string;
  /** Oldest first. */
  samples: UsageSample[];
}

export interface ProcessRow {
  pid: number;
  /** Shortened; null until the host has read the process table. */
  command: string | null;
}

/** A project that runs now, summed over its processes. */
export interface RunningProject {
  path: string;
  name: string;
  /** Share of one core. */
  cpuPercent: number;
  memoryBytes: number;
  ports: number[];
  processes: ProcessRow[];
  containers: number;
  /** Optimus started it: stopping asks no question. */
  startedByOptimus: boolean;
}

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  /** running, exited, paused, … as the engine says. */
  state: string;
  ports: number[];
  /** The project it belongs to, by name; null when none. */
  project: string | null;
}

/** A project whose last run Optimus started ended with a failure. */
export interface CrashRow {
  path: string;
  name: string;
  /** ISO 8601. */
  at: string;
  exitCode: number | null;
  signal: string | null;
  /** The command that ran, shortened. */
  command: string;
}

/** Everything the monitor shows now, but the charts' history. */
export interface RuntimeView {
  /** By name. */
  running: RunningProject[];
  /** null until the host has read them. */
  containers: ContainerRow[] | null;
  /** Why no container is shown (no engine, monitoring off); null when the engine answers. */
  dockerProblem: string | null;
  /** Why processes' commands and containers could not be read; null when they were, or are being. */
  detailsProblem: string | null;
  /** The latest first. */
  crashes: CrashRow[];
}

/** webview → host */
export type RuntimeCommand =
  | { type: 'ready' }
  | { type: 'stop'; path: string }
  | { type: 'openPort'; path: string; port: number }
  | { type: 'diagnose'; path: string }
  | { type: 'showOutput'; path: string }
  /** Pick a project to start (the existing Start command's picker). */
  | { type: 'start' };

/** host → webview */
export type RuntimeMessage =
  /** Everything, to a page that just said `ready`: `at` is the newest sample's time, the charts' right edge. */
  | { type: 'init'; at: number; windowMs: number; view: RuntimeView; history: ProjectHistory[] }
  /** A live update: each running project's figures in `view` are its sample at `at` (when newer than its last). */
  | { type: 'update'; at: number; view: RuntimeView }
  /** A command the host refused or that failed, in plain words. */
  | { type: 'failed'; message: string };

const isShort = (v: unknown): v is string => isText(v, LIMITS.text);
const isPath = (v: unknown): v is string => isText(v, LIMITS.path) && v !== '';
const isPort = (v: unknown): v is number => isInt(v, 1, 65_535);
const isPorts = (v: unknown): v is number[] => isListOf(v, LIMITS.ports, isPort);
const isCpu = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.cpuPercent;
const isBytes = (v: unknown): v is number => isInt(v, 0);
/** Milliseconds since 1970, from this century: a clock far off is as suspect as a missing one. */
export const isTimeMs = (v: unknown): v is number => isInt(v, Date.UTC(2000, 0, 1), Date.UTC(2200, 0, 1));
const isIso = (v: unknown): v is string => isText(v, 40) && !Number.isNaN(Date.parse(v));

export function isUsageSample(v: unknown): v is UsageSample {
  return isRecord(v) && isTimeMs(v.at) && isCpu(v.cpuPercent) && isBytes(v.memoryBytes);
}

/** Samples oldest first: a chart drawn from samples out of order would double back on itself. */
export function isSamples(v: unknown): v is UsageSample[] {
  return isListOf(v, LIMITS.samples, isUsageSample) && v.every((s, i) => i === 0 || (v[i - 1] as UsageSample).at < s.at);
}

export function isProjectHistory(v: unknown): v is ProjectHistory {
  return isRecord(v) && isPath(v.path) && isSamples(v.samples);
}

export function isProcessRow(v: unknown): v is ProcessRow {
  return isRecord(v) && isInt(v.pid, 0) && isNullOr(v.command, (c) => isText(c, LIMITS.command));
}

export function isRunningProject(v: unknown): v is RunningProject {
  return (
    isRecord(v) && isPath(v.path) && isShort(v.name) && isCpu(v.cpuPercent) && isBytes(v.memoryBytes) && isPorts(v.ports) &&
    isListOf(v.processes, LIMITS.processes, isProcessRow) && isInt(v.containers, 0, LIMITS.containers) && typeof v.startedByOptimus === 'boolean'
  );
}

export function isContainerRow(v: unknown): v is ContainerRow {
  return isRecord(v) && isShort(v.id) && isShort(v.name) && isShort(v.image) && isShort(v.state) && isPorts(v.ports) && isNullOr(v.project, isShort);
}

export function isCrashRow(v: unknown): v is CrashRow {
  return (
    isRecord(v) && isPath(v.path) && isShort(v.name) && isIso(v.at) && isNullOr(v.exitCode, (c) => isInt(c)) && isNullOr(v.signal, (s) => isText(s, 40)) &&
    isText(v.command, LIMITS.command)
  );
}

/** Each running project once: two rows with one path would be one row drawn twice. */
function uniquePaths(list: ReadonlyArray<{ path: string }>): boolean {
  return new Set(list.map((p) => p.path)).size === list.length;
}

export function isRuntimeView(v: unknown): v is RuntimeView {
  return (
    isRecord(v) && isListOf(v.running, LIMITS.projects, isRunningProject) && uniquePaths(v.running) &&
    isNullOr(v.containers, (c) => isListOf(c, LIMITS.containers, isContainerRow)) && isNullOr(v.dockerProblem, isShort) &&
    isNullOr(v.detailsProblem, isShort) && isListOf(v.crashes, LIMITS.projects, isCrashRow)
  );
}

export const isWindowMs = (v: unknown): v is number => isInt(v, 1_000, LIMITS.windowMs);
export const isHistory = (v: unknown): v is ProjectHistory[] => isListOf(v, LIMITS.projects, isProjectHistory) && uniquePaths(v);

export function isRuntimeCommand(m: unknown): m is RuntimeCommand {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
    case 'start':
      return true;
    case 'stop':
    case 'diagnose':
    case 'showOutput':
      return isPath(m.path);
    case 'openPort':
      return isPath(m.path) && isPort(m.port);
    default:
      return false;
  }
}

export function isRuntimeMessage(m: unknown): m is RuntimeMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'init':
      return isTimeMs(m.at) && isWindowMs(m.windowMs) && isRuntimeView(m.view) && isHistory(m.history);
    case 'update':
      return isTimeMs(m.at) && isRuntimeView(m.view);
    case 'failed':
      return isShort(m.message);
    default:
      return false;
  }
}

