/**
 * The Portfolio panel's one protocol: what the webview asks of the extension host (commands) and what the host
 * tells the webview (messages). Both sides import this module and check every message they receive with its
 * guard; a message that fails is dropped with a log line, never acted on.
 *
 * The webview names a project only by a path the host sent; the host opens it only if it knows that project.
 * It names a next action only by its id; the host runs one only when it sent that id.
 */
import { isNextActionId, isNextActionMessage, isNextActions, type NextAction } from '../project/nextActions';
import { isInt, isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';

/** Bounds the guards enforce; the host cuts what it sends to them, so only a hostile message is ever too big. */
export const LIMITS = {
  /** A name, a label, a branch, an error line. */
  text: 500,
  path: 4_096,
  projects: 5_000,
  stackTags: 24,
  ports: 32,
  /** Days with commits in the 12 months (366 at most). */
  days: 400,
  failures: 50,
  /** Commits in a day, or a year, in one project or all: a bound far past any real count. */
  commits: 100_000_000,
  /** CPU as a share of one core: 100 per core, and a machine has at most a few hundred. */
  cpuPercent: 100_000,
  /** The top of the advisor's list across the portfolio. */
  nextActions: 8,
  /** A plain message for the user. */
  message: 2_000,
} as const;

export const RUN_STATES = ['running', 'stopped', 'crashed'] as const;
export const DEBT_RATINGS = ['A', 'B', 'C', 'D', 'E'] as const;
/** Where the project list stands: `starting`/`scanning` with no card yet is "looking", not "none". */
export const INDEX_STATES = ['starting', 'stored', 'scanning', 'ready'] as const;
export const TAG_KINDS = ['language', 'framework'] as const;

export type RunState = (typeof RUN_STATES)[number];
export type IndexState = (typeof INDEX_STATES)[number];

/** One part of a project's stack: `typescript` shown as "TypeScript". */
export interface StackTag {
  id: string;
  label: string;
  kind: (typeof TAG_KINDS)[number];
}

export interface CardRun {
  state: RunState;
  /** Summed over the project's processes, as a share of one core. */
  cpuPercent: number;
  memoryBytes: number;
  ports: number[];
}

export interface CardGit {
  /** null when HEAD is detached. */
  branch: string | null;
  /** Changed plus untracked files. */
  changed: number;
  ahead: number | null;
  behind: number | null;
  /** What git could not read, in one line. */
  error: string | null;
}

/** One project as the portfolio shows it. */
export interface ProjectCard {
  path: string;
  name: string;
  /** The monorepo a member project belongs to, by name; null for a top-level project. */
  parentName: string | null;
  stack: StackTag[];
  run: CardRun;
  /** Health out of 100, rounded; null when the project has not been analyzed. */
  health: number | null;
  debt: (typeof DEBT_RATINGS)[number] | null;
  /** The last commit's author date, ISO 8601; null without git or commits. */
  lastActivity: string | null;
  git: CardGit | null;
}

export interface ActivityDay {
  /** YYYY-MM-DD */
  date: string;
  commits: number;
}

/** Commits per day across the projects' repositories over the last 12 months. */
export interface PortfolioActivity {
  from: string;
  to: string;
  /** Days with at least one commit, oldest first. */
  days: ActivityDay[];
  /** Busiest first. */
  byProject: Array<{ path: string; commits: number }>;
  /** Repositories git could not read. */
  failed: number;
}

/** webview → host */
export type PortfolioCommand =
  | { type: 'ready' }
  | { type: 'openProject'; path: string }
  | { type: 'addRoot' }
  /** The action of one of the next actions, by the id the host sent it under. */
  | { type: 'nextAction'; id: string };

/** host → webview */
export type PortfolioMessage =
  /** The whole list, in the host's order (by name). */
  | { type: 'cards'; cards: ProjectCard[]; index: IndexState }
  /** Only what changed since the last message: a live update. */
  | { type: 'cardsChanged'; updated: ProjectCard[]; removed: string[]; index: IndexState }
  | { type: 'activity'; activity: PortfolioActivity }
  | { type: 'activityFailed'; message: string }
  /** The top of the advisor's ranked list across the portfolio (re-read as projects and scores change). */
  | { type: 'nextActions'; actions: NextAction[] }
  /** The server could not work them out: its message. */
  | { type: 'nextActionsFailed'; message: string }
  /** A next action asked for has ended (whatever its outcome, which VS Code showed). */
  | { type: 'nextActionDone'; id: string }
  /** A command the host refused, in plain words. */
  | { type: 'failed'; message: string };

const isShort = (v: unknown): v is string => isText(v, LIMITS.text);
const isPath = (v: unknown): v is string => isText(v, LIMITS.path) && v !== '';
const isCount = (v: unknown): v is number => isInt(v, 0, LIMITS.commits);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9][a-z0-9._+#-]{0,63}$/i.test(v);
/** An ISO time: bounded, and one Date can read (the card counts "3 days ago" from it). */
const isTime = (v: unknown): v is string => isText(v, 40) && !Number.isNaN(Date.parse(v));
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function isStackTag(v: unknown): v is StackTag {
  return isRecord(v) && isId(v.id) && isShort(v.label) && isOneOf(v.kind, TAG_KINDS);
}

export function isCardRun(v: unknown): v is CardRun {
  return (
    isRecord(v) && isOneOf(v.state, RUN_STATES) && typeof v.cpuPercent === 'number' && Number.isFinite(v.cpuPercent) &&
    v.cpuPercent >= 0 && v.cpuPercent <= LIMITS.cpuPercent && isInt(v.memoryBytes, 0) && isListOf(v.ports, LIMITS.ports, (p) => isInt(p, 1, 65_535))
  );
}

export function isCardGit(v: unknown): v is CardGit {
  return (
    isRecord(v) && isNullOr(v.branch, isShort) && isCount(v.changed) && isNullOr(v.ahead, isCount) && isNullOr(v.behind, isCount) &&
    isNullOr(v.error, isShort)
  );
}

export function isProjectCard(v: unknown): v is ProjectCard {
  return (
    isRecord(v) && isPath(v.path) && isShort(v.name) && isNullOr(v.parentName, isShort) && isListOf(v.stack, LIMITS.stackTags, isStackTag) &&
    isCardRun(v.run) && isNullOr(v.health, (h) => isInt(h, 0, 100)) && isNullOr(v.debt, (d) => isOneOf(d, DEBT_RATINGS)) &&
    isNullOr(v.lastActivity, isTime) && isNullOr(v.git, isCardGit)
  );
}

function isActivityDay(v: unknown): v is ActivityDay {
  return isRecord(v) && isDate(v.date) && isInt(v.commits, 1, LIMITS.commits);
}

export function isPortfolioActivity(v: unknown): v is PortfolioActivity {
  return (
    isRecord(v) && isDate(v.from) && isDate(v.to) && v.from <= v.to && isListOf(v.days, LIMITS.days, isActivityDay) &&
    isListOf(v.byProject, LIMITS.projects, (p): p is { path: string; commits: number } => isRecord(p) && isPath(p.path) && isCount(p.commits)) &&
    isInt(v.failed, 0, LIMITS.projects)
  );
}

export const isCards = (v: unknown): v is ProjectCard[] => isListOf(v, LIMITS.projects, isProjectCard);

export function isPortfolioCommand(m: unknown): m is PortfolioCommand {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
    case 'addRoot':
      return true;
    case 'openProject':
      return isPath(m.path);
    case 'nextAction':
      return isNextActionId(m.id);
    default:
      return false;
  }
}

export function isPortfolioMessage(m: unknown): m is PortfolioMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'cards':
      return isCards(m.cards) && isOneOf(m.index, INDEX_STATES);
    case 'cardsChanged':
      return isCards(m.updated) && isListOf(m.removed, LIMITS.projects, isPath) && isOneOf(m.index, INDEX_STATES);
    case 'activity':
      return isPortfolioActivity(m.activity);
    case 'activityFailed':
      return isShort(m.message);
    case 'nextActions':
      return isNextActions(m.actions, LIMITS.nextActions);
    case 'nextActionsFailed':
      return isNextActionMessage(m.message);
    case 'nextActionDone':
      return isNextActionId(m.id);
    case 'failed':
      return isText(m.message, LIMITS.message);
    default:
      return false;
  }
}
