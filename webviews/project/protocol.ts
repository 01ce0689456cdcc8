/**
 * The Project detail panel's one protocol: what the webview asks of the extension host (commands) and what the
 * host tells the webview (messages). Both sides import this module and check every message they receive with
 * its guard; a message that fails is dropped with a log line, never acted on.
 *
 * The page names the project it means in every command, and the host acts only when that is the project it
 * shows. A file to open is named by the list it is in, its index there and the `ref` of the detail message
 * that list came in: the page never sends a path to open. A next action is named by its id alone, and runs only
 * when the host sent that id for the project shown.
 */
import { isInt, isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';
import { DEBT_RATINGS, isDetailView, isTime, type DebtRating, type DetailView } from './detailView';
import { isNextActionId, isNextActionMessage, isNextActions, type NextAction } from './nextActions';

export const LIMITS = {
  /** A name, a label, a branch, an error line. */
  text: 500,
  /** A plain message for the user. */
  message: 2_000,
  path: 4_096,
  projects: 5_000,
  stackTags: 24,
  ports: 32,
  /** Days with commits in the 12 months (366 at most). */
  days: 400,
  commits: 100_000_000,
  /** Runtime samples kept for the sparkline. */
  samples: 120,
  /** CPU as a share of one core: 100 per core, and a machine has at most a few hundred. */
  cpuPercent: 100_000,
  /** Indexes into the lists of a detail message. */
  index: 5_000,
} as const;

export const RUN_STATES = ['running', 'stopped', 'crashed'] as const;
export const TAG_KINDS = ['language', 'framework'] as const;
export const RUN_ACTIONS = ['start', 'stop', 'analyze'] as const;
export const OPEN_LISTS = ['files', 'functions', 'findings'] as const;
/** Why the host cannot show the project the page names: the project list is still loading, or it has no such project. */
export const MISSING_REASONS = ['indexing', 'unknown'] as const;

export type RunState = (typeof RUN_STATES)[number];
export type RunAction = (typeof RUN_ACTIONS)[number];
export type OpenList = (typeof OPEN_LISTS)[number];
export type MissingReason = (typeof MISSING_REASONS)[number];

export interface ProjectChoice {
  path: string;
  name: string;
}

export interface StackTag {
  id: string;
  label: string;
  kind: (typeof TAG_KINDS)[number];
}

export interface HeaderRun {
  state: RunState;
  /** Summed over the project's processes, as a share of one core. */
  cpuPercent: number;
  memoryBytes: number;
  ports: number[];
}

export interface HeaderGit {
  /** null when HEAD is detached. */
  branch: string | null;
  /** Changed plus untracked files. */
  changed: number;
  ahead: number | null;
  behind: number | null;
  error: string | null;
}

/** What the client's models know of the project: kept live as they change. */
export interface ProjectHeader {
  path: string;
  name: string;
  stack: StackTag[];
  git: HeaderGit | null;
  run: HeaderRun;
  /** Out of 100, rounded; null when never analyzed. */
  health: number | null;
  debt: DebtRating | null;
  debtMinutes: number | null;
  analyzedAt: string | null;
}

export interface ActivityDay {
  /** YYYY-MM-DD */
  date: string;
  commits: number;
}

/** The project's commits per day over the last 12 months. */
export interface ActivityView {
  from: string;
  to: string;
  /** Days with at least one commit, oldest first. */
  days: ActivityDay[];
}

export interface UsageSample {
  /** Milliseconds since the epoch. */
  at: number;
  cpuPercent: number;
  memoryBytes: number;
}

/** webview → host */
export type ProjectCommand =
  /** The page's own project from its saved state (null for a new page): a revived host shows that one. */
  | { type: 'ready'; project: string | null }
  | { type: 'pickProject'; project: string }
  | { type: 'refresh'; project: string }
  | { type: RunAction; project: string }
  | { type: 'open'; project: string; ref: number; list: OpenList; index: number }
  /** The action of one of the project's next actions, by the id the host sent it under. */
  | { type: 'nextAction'; project: string; id: string };

/** host → webview */
export type ProjectMessage =
  | { type: 'projects'; projects: ProjectChoice[] }
  /** No project chosen: the page offers its picker. */
  | { type: 'noProject' }
  /** The project to show, or its new state; a header for another project switches the page to it. */
  | { type: 'header'; header: ProjectHeader }
  | { type: 'missing'; project: string; reason: MissingReason }
  | { type: 'loading'; project: string }
  | { type: 'detail'; project: string; ref: number; detail: DetailView }
  | { type: 'detailFailed'; project: string; message: string }
  /** null: the project is not a git repository. */
  | { type: 'activity'; project: string; activity: ActivityView | null }
  | { type: 'activityFailed'; project: string; message: string }
  /** The recent samples, oldest first, while the project runs. */
  | { type: 'usage'; project: string; samples: UsageSample[] }
  /** A start, stop or analysis asked for has ended (whatever its outcome, which VS Code showed). */
  | { type: 'actionDone'; project: string; action: RunAction }
  /** The project's next actions, ranked (the advisor's list for it, re-read as the project and its scores change). */
  | { type: 'nextActions'; project: string; actions: NextAction[] }
  /** The server could not work them out: its message. */
  | { type: 'nextActionsFailed'; project: string; message: string }
  /** A next action asked for has ended (whatever its outcome, which VS Code showed). */
  | { type: 'nextActionDone'; project: string; id: string }
  /** A command the host refused or that failed, in plain words. */
  | { type: 'failed'; message: string };

const isShort = (v: unknown): v is string => isText(v, LIMITS.text);
const isMessageText = (v: unknown): v is string => isText(v, LIMITS.message);
const isPath = (v: unknown): v is string => isText(v, LIMITS.path) && v !== '';
const isCount = (v: unknown): v is number => isInt(v, 0, LIMITS.commits);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9][a-z0-9._+#-]{0,63}$/i.test(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isRef = (v: unknown): v is number => isInt(v, 1);
const isCpu = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.cpuPercent;

export function isProjectChoice(v: unknown): v is ProjectChoice {
  return isRecord(v) && isPath(v.path) && isShort(v.name);
}

function isStackTag(v: unknown): v is StackTag {
  return isRecord(v) && isId(v.id) && isShort(v.label) && isOneOf(v.kind, TAG_KINDS);
}

function isHeaderRun(v: unknown): v is HeaderRun {
  return isRecord(v) && isOneOf(v.state, RUN_STATES) && isCpu(v.cpuPercent) && isInt(v.memoryBytes, 0) && isListOf(v.ports, LIMITS.ports, (p) => isInt(p, 1, 65_535));
}

function isHeaderGit(v: unknown): v is HeaderGit {
  return isRecord(v) && isNullOr(v.branch, isShort) && isCount(v.changed) && isNullOr(v.ahead, isCount) && isNullOr(v.behind, isCount) && isNullOr(v.error, isShort);
}

export function isProjectHeader(v: unknown): v is ProjectHeader {
  return (
    isRecord(v) && isPath(v.path) && isShort(v.name) && isListOf(v.stack, LIMITS.stackTags, isStackTag) && isNullOr(v.git, isHeaderGit) &&
    isHeaderRun(v.run) && isNullOr(v.health, (h) => isInt(h, 0, 100)) && isNullOr(v.debt, (d) => isOneOf(d, DEBT_RATINGS)) &&
    isNullOr(v.debtMinutes, (m) => isInt(m, 0)) && isNullOr(v.analyzedAt, isTime)
  );
}

export function isActivityView(v: unknown): v is ActivityView {
  return (
    isRecord(v) && isDate(v.from) && isDate(v.to) && v.from <= v.to &&
    isListOf(v.days, LIMITS.days, (d): d is ActivityDay => isRecord(d) && isDate(d.date) && isInt(d.commits, 1, LIMITS.commits))
  );
}

export function isUsageSample(v: unknown): v is UsageSample {
  return isRecord(v) && isInt(v.at, 0) && isCpu(v.cpuPercent) && isInt(v.memoryBytes, 0);
}

export const isUsage = (v: unknown): v is UsageSample[] => isListOf(v, LIMITS.samples, isUsageSample);
export const isProjects = (v: unknown): v is ProjectChoice[] => isListOf(v, LIMITS.projects, isProjectChoice);

export function isProjectCommand(m: unknown): m is ProjectCommand {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
      return isNullOr(m.project, isPath);
    case 'pickProject':
    case 'refresh':
    case 'start':
    case 'stop':
    case 'analyze':
      return isPath(m.project);
    case 'open':
      return isPath(m.project) && isRef(m.ref) && isOneOf(m.list, OPEN_LISTS) && isInt(m.index, 0, LIMITS.index - 1);
    case 'nextAction':
      return isPath(m.project) && isNextActionId(m.id);
    default:
      return false;
  }
}

export function isProjectMessage(m: unknown): m is ProjectMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'projects':
      return isProjects(m.projects);
    case 'noProject':
      return true;
    case 'header':
      return isProjectHeader(m.header);
    case 'missing':
      return isPath(m.project) && isOneOf(m.reason, MISSING_REASONS);
    case 'loading':
      return isPath(m.project);
    case 'detail':
      return isPath(m.project) && isRef(m.ref) && isDetailView(m.detail);
    case 'detailFailed':
    case 'activityFailed':
      return isPath(m.project) && isMessageText(m.message);
    case 'activity':
      return isPath(m.project) && isNullOr(m.activity, isActivityView);
    case 'usage':
      return isPath(m.project) && isUsage(m.samples);
    case 'actionDone':
      return isPath(m.project) && isOneOf(m.action, RUN_ACTIONS);
    case 'nextActions':
      return isPath(m.project) && isNextActions(m.actions);
    case 'nextActionsFailed':
      return isPath(m.project) && isNextActionMessage(m.message);
    case 'nextActionDone':
      return isPath(m.project) && isNextActionId(m.id);
    case 'failed':
      return isMessageText(m.message);
    default:
      return false;
  }
}
