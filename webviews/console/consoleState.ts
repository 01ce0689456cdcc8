import { isInt, isListOf, isNullOr, isRecord, isText } from '../shared/guards';
import { isDiagnosisInfo, isHistoryEntry, isProjectChoice, LIMITS, type ConsoleMessage, type DiagnosisInfo, type HistoryEntry, type ProjectChoice } from './protocol';
import { isVerdict, withVerdict, type Verdict } from './verdicts';

/** Everything the console shows; all of it is saved with `setState`, so a hidden panel comes back as it was. */
export interface ConsoleState {
  text: string;
  /** The last diagnosis the host sent. */
  diagnosis: DiagnosisInfo | null;
  /** A history row picked to be shown instead of the diagnosis. */
  shownRow: number | null;
  /** The project whose history is listed; null lists every project's. */
  project: string | null;
  projects: ProjectChoice[];
  history: HistoryEntry[];
  diagnosisIds: string[];
  verdicts: Verdict[];
  /** A diagnosis was asked for and has not come back. */
  busy: boolean;
  /** What went wrong last, shown until the next request. */
  error: string | null;
}

export const INITIAL_STATE: ConsoleState = {
  text: '',
  diagnosis: null,
  shownRow: null,
  project: null,
  projects: [],
  history: [],
  diagnosisIds: [],
  verdicts: [],
  busy: false,
  error: null,
};

/** Saved state is read back from VS Code and may come from an older build: it is checked like a message. */
export function isConsoleState(v: unknown): v is ConsoleState {
  return (
    isRecord(v) && isText(v.text, LIMITS.errorText) && isNullOr(v.diagnosis, isDiagnosisInfo) && isNullOr(v.shownRow, (r) => isInt(r, 1)) &&
    isNullOr(v.project, (p) => isText(p, LIMITS.shortText)) && isListOf(v.projects, LIMITS.projects, isProjectChoice) &&
    isListOf(v.history, LIMITS.historyRows, isHistoryEntry) && isListOf(v.diagnosisIds, LIMITS.diagnosisIds, (i) => isText(i, 100)) &&
    isListOf(v.verdicts, LIMITS.historyRows, isVerdict) &&
    typeof v.busy === 'boolean' && isNullOr(v.error, (e) => isText(e, LIMITS.longText))
  );
}

/** The state after a host message. */
export function applyMessage(state: ConsoleState, message: ConsoleMessage): ConsoleState {
  switch (message.type) {
    case 'init':
      return { ...state, projects: message.projects, diagnosisIds: message.diagnosisIds, busy: false };
    case 'projects':
      return { ...state, projects: message.projects };
    case 'clipboard':
      return { ...state, text: message.text };
    case 'diagnosis': {
      // The host sends its latest diagnosis again to a page that was rebuilt: that must not hide a picked row.
      const same = state.diagnosis?.ref === message.diagnosis.ref;
      return { ...state, diagnosis: message.diagnosis, shownRow: same ? state.shownRow : null, busy: false, error: same ? state.error : null };
    }
    case 'history':
      // An answer for a project the user has since left is stale.
      return message.project === state.project ? { ...state, history: message.rows } : state;
    case 'feedbackRecorded': {
      const { historyId, helpful, correctId } = message;
      const history = state.history.map((r) => (r.id === historyId ? { ...r, feedback: helpful ? (1 as const) : (-1 as const), confirmed: correctId } : r));
      return { ...state, history, verdicts: withVerdict(state.verdicts, { historyId, helpful, correctId }) };
    }
    case 'failed':
      return { ...state, busy: false, error: message.message };
  }
}

/** What a rebuilt webview starts from; a diagnosis in flight when it was hidden is sent again by the host on `ready`. */
export function restored(saved: ConsoleState | undefined): ConsoleState {
  return saved ? { ...saved, busy: false } : INITIAL_STATE;
}
