import {
  INITIAL_NEXT_ACTIONS,
  isNextActionsState,
  nextActionDone,
  nextActionsFailed,
  nextActionsRead,
  nextActionsRestored,
  type NextActionsState,
} from '../project/nextActions';
import { isNullOr, isOneOf, isRecord, isText } from '../shared/guards';
import { INDEX_STATES, isCards, isPortfolioActivity, LIMITS, RUN_STATES, type IndexState, type PortfolioActivity, type PortfolioMessage, type ProjectCard } from './protocol';

export const SORTS = ['name', 'health', 'activity'] as const;
export const RUN_FILTERS = ['all', ...RUN_STATES] as const;
export type Sort = (typeof SORTS)[number];
export type RunFilter = (typeof RUN_FILTERS)[number];

/** What the user chose to see: kept across hide/show like the data. */
export interface PortfolioView {
  query: string;
  /** A stack tag id; null shows every stack. */
  stack: string | null;
  run: RunFilter;
  sort: Sort;
}

/** Everything the portfolio shows; all of it is saved with `setState`, so a hidden panel comes back as it was. */
export interface PortfolioState {
  view: PortfolioView;
  cards: ProjectCard[];
  /** null until the host has said anything: the page does not claim "no projects" before it knows. */
  index: IndexState | null;
  activity: PortfolioActivity | null;
  activityError: string | null;
  /** The card holding the grid's one tab stop, by path. */
  focused: string | null;
  /** The top of the advisor's list across the portfolio. */
  next: NextActionsState;
  /** The last command the host refused; shown until the next one. */
  error: string | null;
}

/** What a page saved; one saved by a build before Next actions has neither of these, and is still taken. */
export type SavedPortfolioState = Omit<PortfolioState, 'next' | 'error'> & Partial<Pick<PortfolioState, 'next' | 'error'>>;

export const QUERY_MAX = 200;

export const INITIAL_STATE: PortfolioState = {
  view: { query: '', stack: null, run: 'all', sort: 'name' },
  cards: [],
  index: null,
  activity: null,
  activityError: null,
  focused: null,
  next: INITIAL_NEXT_ACTIONS,
  error: null,
};

export function isPortfolioView(v: unknown): v is PortfolioView {
  return isRecord(v) && isText(v.query, QUERY_MAX) && isNullOr(v.stack, (s) => isText(s, 64)) && isOneOf(v.run, RUN_FILTERS) && isOneOf(v.sort, SORTS);
}

/** Saved state is read back from VS Code and may come from an older build: it is checked like a message. */
export function isPortfolioState(v: unknown): v is SavedPortfolioState {
  return (
    isRecord(v) && isPortfolioView(v.view) && isCards(v.cards) && isNullOr(v.index, (i) => isOneOf(i, INDEX_STATES)) &&
    isNullOr(v.activity, isPortfolioActivity) && isNullOr(v.activityError, (e) => isText(e, LIMITS.text)) &&
    isNullOr(v.focused, (f) => isText(f, LIMITS.path)) && (v.next === undefined || isNextActionsState(v.next, LIMITS.nextActions)) &&
    (v.error === undefined || isNullOr(v.error, (e) => isText(e, LIMITS.message)))
  );
}

/**
 * The state after a host message. A live update keeps every other card the same object, so the grid redraws
 * only the cards that changed.
 */
export function applyMessage(state: PortfolioState, message: PortfolioMessage): PortfolioState {
  switch (message.type) {
    case 'cards':
      return { ...state, cards: message.cards, index: message.index };
    case 'cardsChanged':
      return { ...state, cards: mergeCards(state.cards, message.updated, message.removed), index: message.index };
    case 'activity':
      return { ...state, activity: message.activity, activityError: null };
    case 'activityFailed':
      // The activity read before stays on screen: a year of commits is still mostly right when a refresh fails.
      return { ...state, activityError: message.message };
    case 'nextActions':
      return { ...state, next: nextActionsRead(state.next, message.actions) };
    case 'nextActionsFailed':
      return { ...state, next: nextActionsFailed(state.next, message.message) };
    case 'nextActionDone':
      return { ...state, next: nextActionDone(state.next, message.id) };
    case 'failed':
      return { ...state, error: message.message, next: { ...state.next, pending: null } };
  }
}

/** Updated cards in place, new ones at the end, removed ones gone; the others untouched. */
export function mergeCards(cards: readonly ProjectCard[], updated: readonly ProjectCard[], removed: readonly string[]): ProjectCard[] {
  const gone = new Set(removed);
  const fresh = new Map(updated.map((c) => [c.path, c]));
  const next = cards.filter((c) => !gone.has(c.path)).map((c) => fresh.get(c.path) ?? c);
  const known = new Set(cards.map((c) => c.path));
  for (const c of updated) if (!known.has(c.path) && !gone.has(c.path)) next.push(c);
  return next;
}

/** What a rebuilt webview starts from: the cards it last showed, until the host sends the current ones. */
export function restored(saved: SavedPortfolioState | undefined): PortfolioState {
  // A refusal, and an action asked for by the page before, belong to that page, not this one.
  return saved ? { ...saved, error: null, next: nextActionsRestored(saved.next) } : INITIAL_STATE;
}
