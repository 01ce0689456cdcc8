/**
 * "Next actions" as both dashboards carry them: the advisor's ranked recommendations cut to what a page shows,
 * their guards, and the part of a page's state that holds them. Project detail and the Portfolio each put
 * their own messages in their protocol.ts around these items; this module is shared by the two apps (the
 * Portfolio imports it from here) so the item is checked the same way in both.
 *
 * A page names an item only by its `id` when it asks for its action: the host runs an action only for an id
 * it sent, with the command and path it holds itself, never anything the page says.
 */
import { isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';

export const NEXT_ACTION_LIMITS = {
  /** `kind:path`, as the advisor makes them. */
  id: 4_096 + 64,
  path: 4_096,
  /** A project name, a title. */
  text: 500,
  /** Why it matters. */
  why: 2_000,
  /** One project's list (the advisor has 14 kinds) or the portfolio's top. */
  items: 50,
  /** The server's message when it could not work the list out. */
  message: 2_000,
} as const;

/** What an action button does; each is carried out by the command the Next actions view runs for it. */
export const ACTION_KINDS = ['backup', 'analyze', 'diagnose', 'open'] as const;
export const IMPACTS = ['high', 'medium', 'low'] as const;
export const EFFORTS = ['minutes', 'hours', 'days'] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];
export type Impact = (typeof IMPACTS)[number];
export type Effort = (typeof EFFORTS)[number];

/** One recommendation as a page shows it, highest ranked first in a list. */
export interface NextAction {
  id: string;
  projectPath: string;
  projectName: string;
  title: string;
  why: string;
  impact: Impact;
  effort: Effort;
  /** null: nothing to do in one click (the title says what to do). */
  action: ActionKind | null;
}

export const isNextActionId = (v: unknown): v is string => isText(v, NEXT_ACTION_LIMITS.id) && v !== '';

export function isNextAction(v: unknown): v is NextAction {
  return (
    isRecord(v) && isNextActionId(v.id) && isText(v.projectPath, NEXT_ACTION_LIMITS.path) && v.projectPath !== '' &&
    isText(v.projectName, NEXT_ACTION_LIMITS.text) && isText(v.title, NEXT_ACTION_LIMITS.text) && isText(v.why, NEXT_ACTION_LIMITS.why) &&
    isOneOf(v.impact, IMPACTS) && isOneOf(v.effort, EFFORTS) && isNullOr(v.action, (a) => isOneOf(a, ACTION_KINDS))
  );
}

/** A list of at most `max` items, no two with one id (the page keys its rows and the host its lookups by id). */
export function isNextActions(v: unknown, max: number = NEXT_ACTION_LIMITS.items): v is NextAction[] {
  return isListOf(v, max, isNextAction) && new Set(v.map((a) => a.id)).size === v.length;
}

export const isNextActionMessage = (v: unknown): v is string => isText(v, NEXT_ACTION_LIMITS.message);

/** The part of a page's state that holds its next actions; saved with the rest. */
export interface NextActionsState {
  /** null until the host has answered. */
  actions: NextAction[] | null;
  /** Why the last list could not be read, in the server's words; what was shown before stays. */
  error: string | null;
  /** The item whose action was asked for and whose end the host has not reported, by id. */
  pending: string | null;
}

export const INITIAL_NEXT_ACTIONS: NextActionsState = { actions: null, error: null, pending: null };

export function isNextActionsState(v: unknown, max: number = NEXT_ACTION_LIMITS.items): v is NextActionsState {
  return isRecord(v) && isNullOr(v.actions, (a) => isNextActions(a, max)) && isNullOr(v.error, isNextActionMessage) && isNullOr(v.pending, isNextActionId);
}

export function nextActionsRead(state: NextActionsState, actions: NextAction[]): NextActionsState {
  // An action still running whose item left the list (it did its job) is no longer shown as busy.
  return { actions, error: null, pending: actions.some((a) => a.id === state.pending) ? state.pending : null };
}

export function nextActionsFailed(state: NextActionsState, message: string): NextActionsState {
  return { ...state, error: message };
}

export function nextActionAsked(state: NextActionsState, id: string): NextActionsState {
  return { ...state, pending: id };
}

export function nextActionDone(state: NextActionsState, id: string): NextActionsState {
  return state.pending === id ? { ...state, pending: null } : state;
}

/** A page rebuilt from saved state: an action asked for by the page before is reported to that page, not this one. */
export function nextActionsRestored(saved: NextActionsState | undefined): NextActionsState {
  return saved ? { ...saved, pending: null } : INITIAL_NEXT_ACTIONS;
}
