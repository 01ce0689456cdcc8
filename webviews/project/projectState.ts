import { isInt, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';
import { isDetailView, type DetailView } from './detailView';
import {
  INITIAL_NEXT_ACTIONS,
  isNextActionsState,
  nextActionDone,
  nextActionsFailed,
  nextActionsRead,
  nextActionsRestored,
  type NextActionsState,
} from './nextActions';
import {
  isActivityView,
  isProjectHeader,
  isProjects,
  isUsage,
  LIMITS,
  MISSING_REASONS,
  RUN_ACTIONS,
  type ActivityView,
  type MissingReason,
  type ProjectChoice,
  type ProjectHeader,
  type ProjectMessage,
  type RunAction,
  type UsageSample,
} from './protocol';

export const DEP_FILTERS = ['all', 'vulnerable', 'outdated'] as const;
export type DepFilter = (typeof DEP_FILTERS)[number];
export const LOAD_STATES = ['idle', 'loading', 'failed'] as const;
export type LoadState = (typeof LOAD_STATES)[number];

/** Everything the page shows; all of it is saved with `setState`, so a hidden panel comes back as it was. */
export interface ProjectState {
  projects: ProjectChoice[];
  /** The project shown, by path; null until the host names one (or when none is chosen). */
  project: string | null;
  /** null until the host has said anything: the page does not claim "no project" before it knows. */
  chosen: boolean | null;
  header: ProjectHeader | null;
  missing: MissingReason | null;
  /** The detail and the `ref` its lists are named by when a file is opened. */
  detail: { ref: number; view: DetailView } | null;
  detailState: LoadState;
  detailError: string | null;
  activity: ActivityView | null;
  /** `none`: not a git repository. */
  activityState: 'loading' | 'ready' | 'none' | 'failed';
  activityError: string | null;
  usage: UsageSample[];
  /** An action asked for whose end the host has not reported. */
  pending: RunAction | null;
  /** The last command the host refused or that failed; shown until the next action. */
  error: string | null;
  depFilter: DepFilter;
  /** The project's next actions: null until the host has read them. */
  next: NextActionsState;
}

/** What a page saved; one saved by a build before Next actions has none, and is still taken. */
export type SavedProjectState = Omit<ProjectState, 'next'> & { next?: NextActionsState };

export const INITIAL_STATE: ProjectState = {
  projects: [],
  project: null,
  chosen: null,
  header: null,
  missing: null,
  detail: null,
  detailState: 'idle',
  detailError: null,
  activity: null,
  activityState: 'loading',
  activityError: null,
  usage: [],
  pending: null,
  error: null,
  depFilter: 'all',
  next: INITIAL_NEXT_ACTIONS,
};

const isMessageText = (v: unknown): v is string => isText(v, LIMITS.message);

/** Saved state is read back from VS Code and may come from an older build: it is checked like a message. */
export function isProjectState(v: unknown): v is SavedProjectState {
  return (
    isRecord(v) && isProjects(v.projects) && isNullOr(v.project, (p) => isText(p, LIMITS.path)) && isNullOr(v.chosen, (c) => typeof c === 'boolean') &&
    isNullOr(v.header, isProjectHeader) && isNullOr(v.missing, (r) => isOneOf(r, MISSING_REASONS)) &&
    isNullOr(v.detail, (d): d is ProjectState['detail'] => isRecord(d) && isInt(d.ref, 1) && isDetailView(d.view)) &&
    isOneOf(v.detailState, LOAD_STATES) && isNullOr(v.detailError, isMessageText) && isNullOr(v.activity, isActivityView) &&
    isOneOf(v.activityState, ['loading', 'ready', 'none', 'failed'] as const) && isNullOr(v.activityError, isMessageText) && isUsage(v.usage) &&
    isNullOr(v.pending, (a) => isOneOf(a, RUN_ACTIONS)) && isNullOr(v.error, isMessageText) && isOneOf(v.depFilter, DEP_FILTERS) &&
    (v.next === undefined || isNextActionsState(v.next))
  );
}

/** The state of another project: what the page held of the last one is gone, the user's filter stays. */
function switchedTo(state: ProjectState, project: string): ProjectState {
  return { ...INITIAL_STATE, projects: state.projects, depFilter: state.depFilter, project, chosen: true };
}

/** The state after a host message. Messages about a project other than the one shown come late: they are ignored. */
export function applyMessage(state: ProjectState, message: ProjectMessage): ProjectState {
  switch (message.type) {
    case 'projects':
      return { ...state, projects: message.projects };
    case 'noProject':
      return { ...INITIAL_STATE, projects: state.projects, depFilter: state.depFilter, chosen: false };
    case 'header': {
      const base = message.header.path === state.project ? state : switchedTo(state, message.header.path);
      return { ...base, header: message.header, missing: null };
    }
    case 'missing': {
      const base = message.project === state.project ? state : switchedTo(state, message.project);
      return { ...base, header: null, missing: message.reason };
    }
    case 'failed':
      return { ...state, error: message.message, pending: null, next: { ...state.next, pending: null } };
    default:
      return message.project === state.project ? projectMessage(state, message) : state;
  }
}

function projectMessage(state: ProjectState, message: Extract<ProjectMessage, { project: string }>): ProjectState {
  switch (message.type) {
    case 'loading':
      return { ...state, detailState: 'loading', detailError: null };
    case 'detail':
      // A detail after an analysis is its result: the analysis is no longer pending, whatever the command says later.
      return { ...state, detail: { ref: message.ref, view: message.detail }, detailState: 'idle', detailError: null, pending: state.pending === 'analyze' && message.detail.analyzedAt !== null ? null : state.pending };
    case 'detailFailed':
      // What was shown stays: the last analysis is still mostly right when reading it again fails.
      return { ...state, detailState: 'failed', detailError: message.message };
    case 'activity':
      return { ...state, activity: message.activity, activityState: message.activity ? 'ready' : 'none', activityError: null };
    case 'activityFailed':
      return { ...state, activityState: 'failed', activityError: message.message };
    case 'usage':
      return { ...state, usage: message.samples };
    case 'actionDone':
      return { ...state, pending: state.pending === message.action ? null : state.pending };
    case 'nextActions':
      return { ...state, next: nextActionsRead(state.next, message.actions) };
    case 'nextActionsFailed':
      return { ...state, next: nextActionsFailed(state.next, message.message) };
    case 'nextActionDone':
      return { ...state, next: nextActionDone(state.next, message.id) };
    case 'missing':
      return state;
  }
}

/** What a rebuilt webview starts from: what it last showed, until the host sends the current state. */
export function restored(saved: SavedProjectState | undefined): ProjectState {
  // An action that was pending when the page was destroyed is reported to the page that asked, not this one.
  return saved ? { ...saved, pending: null, next: nextActionsRestored(saved.next) } : INITIAL_STATE;
}
