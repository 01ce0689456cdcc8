import { isNullOr, isOneOf, isRecord, isText } from '../shared/guards';
import { EMPTY_DRAFT, isEntryDraft, type DraftField, type EntryDraft } from './entryDraft';
import { isMoneyInfo, isPath, LIMITS, type MoneyInfo } from './moneyInfo';
import { isProjects, type MoneyMessage, type ProjectChoice } from './protocol';

export const CHANGES = ['rate', 'add', 'remove'] as const;
export type PendingChange = (typeof CHANGES)[number];
const DRAFT_FIELDS = ['name', 'amount', 'since'] as const;

/** Everything the dashboard shows; all of it is saved with `setState`, so a hidden panel comes back as it was. */
export interface MoneyState {
  projects: ProjectChoice[];
  /** false until the host sent its project list: the page does not claim "no projects" before it knows. */
  heard: boolean;
  indexing: boolean;
  /** The project shown; the host decides it (`loading`), the picker asks for another. */
  project: string | null;
  /** The view of `project`, once it came. */
  view: MoneyInfo | null;
  loading: boolean;
  /** Why the view of `project` could not be had. */
  error: string | null;
  /** A change that was refused, shown above the view it left as it was. */
  notice: string | null;
  /** A change sent and not yet answered. */
  pending: PendingChange | null;
  /** The hourly rate as being typed; null shows the stored rate. */
  rateDraft: string | null;
  rateError: string | null;
  draft: EntryDraft;
  formError: { field: DraftField; message: string } | null;
}

export const INITIAL_STATE: MoneyState = {
  projects: [],
  heard: false,
  indexing: true,
  project: null,
  view: null,
  loading: false,
  error: null,
  notice: null,
  pending: null,
  rateDraft: null,
  rateError: null,
  draft: EMPTY_DRAFT,
  formError: null,
};

const isMessageText = (v: unknown): v is string => isText(v, LIMITS.sentence);

function isFormError(v: unknown): v is MoneyState['formError'] {
  return isRecord(v) && isOneOf(v.field, DRAFT_FIELDS) && isMessageText(v.message);
}

/** Saved state is read back from VS Code and may come from an older build: it is checked like a message. */
export function isMoneyState(v: unknown): v is MoneyState {
  return (
    isRecord(v) && isProjects(v.projects) && typeof v.heard === 'boolean' && typeof v.indexing === 'boolean' && isNullOr(v.project, isPath) &&
    isNullOr(v.view, isMoneyInfo) && typeof v.loading === 'boolean' && isNullOr(v.error, isMessageText) && isNullOr(v.notice, isMessageText) &&
    isNullOr(v.pending, (p) => isOneOf(p, CHANGES)) && isNullOr(v.rateDraft, (r) => isText(r, 100)) && isNullOr(v.rateError, isMessageText) &&
    isEntryDraft(v.draft) && isNullOr(v.formError, isFormError)
  );
}

/** The state after a host message. */
export function applyMessage(state: MoneyState, message: MoneyMessage): MoneyState {
  switch (message.type) {
    case 'projects':
      return { ...state, projects: message.projects, indexing: message.indexing, heard: true };
    case 'loading':
      // Another project starts blank; the same one keeps its figures on screen until the new ones come.
      if (message.project === state.project) return { ...state, loading: true, error: null };
      return { ...switched(state), project: message.project, loading: true };
    case 'view':
      // An answer for a project the user has since left is stale.
      if (message.project !== state.project) return state;
      return afterView(state, message.view);
    case 'viewFailed':
      if (message.project !== state.project) return state;
      return { ...state, loading: false, pending: null, error: message.message };
    case 'failed':
      return { ...state, pending: null, notice: message.message };
  }
}

/** A new view answers what was pending: the change it confirms is no longer a draft. */
function afterView(state: MoneyState, view: MoneyInfo): MoneyState {
  const next: MoneyState = { ...state, view, loading: false, error: null, pending: null };
  if (state.pending === 'rate') return { ...next, rateDraft: null, rateError: null, notice: null };
  if (state.pending === 'add') return { ...next, draft: { ...EMPTY_DRAFT, direction: state.draft.direction, kind: state.draft.kind }, formError: null, notice: null };
  if (state.pending === 'remove') return { ...next, notice: null };
  return next;
}

/** What another project starts from: nothing of the last one's but the form's choices. */
function switched(state: MoneyState): MoneyState {
  return { ...state, view: null, error: null, notice: null, pending: null, rateDraft: null, rateError: null, formError: null, draft: { ...EMPTY_DRAFT, direction: state.draft.direction, kind: state.draft.kind } };
}

/** The state when the user picks another project: blank until the host answers. */
export function picked(state: MoneyState, project: string): MoneyState {
  return { ...switched(state), project, loading: true };
}

/**
 * What a rebuilt webview starts from: what it last showed, until the host sends it again. A change in flight
 * when the page was hidden is answered by a fresh view (or lost with the page): nothing waits for it.
 */
export function restored(saved: MoneyState | undefined): MoneyState {
  return saved ? { ...saved, pending: null, loading: false } : INITIAL_STATE;
}
