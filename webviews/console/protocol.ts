/**
 * The troubleshooting console's one protocol: what the webview asks of the extension host (commands) and what
 * the host tells the webview (messages). Both sides import this module and check every message they receive
 * with its guard; a message that fails is dropped with a log line, never acted on.
 *
 * The webview never names a file to open or a shell line to run: it names a diagnosis the host sent (`ref`)
 * and a fix key or frame index in it, and the host looks them up in what it holds.
 */
import { isFraction, isInt, isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';

/** Bounds the guards enforce; the host cuts what it sends to them, so only a hostile message is ever too big. */
export const LIMITS = {
  /** A pasted error or log (the server reads the tail of longer logs anyway). */
  errorText: 1_048_576,
  /** An explanation, a command line, a guide. */
  longText: 20_000,
  /** A title, a path, an id, an excerpt. */
  shortText: 2_000,
  frames: 50,
  fixes: 20,
  historyRows: 200,
  projects: 5_000,
  diagnosisIds: 500,
} as const;

export const FIX_KINDS = ['command', 'edit', 'guide'] as const;
export const DIAGNOSED_BY = ['rules', 'classifier', 'none'] as const;
export const FIX_OUTCOMES = ['ok', 'failed', 'recurred'] as const;

export interface ProjectChoice {
  path: string;
  name: string;
}

/** A frame in the user's code; `file` is absolute when the host could tell. */
export interface FrameLink {
  file: string;
  line: number;
  column: number | null;
  function: string | null;
}

export interface FixChoice {
  key: string;
  title: string;
  kind: (typeof FIX_KINDS)[number];
  /** The shell line a `command` fix runs after the user confirms it (shown so nothing runs unseen). */
  command: string | null;
  /** Markdown guidance of a `guide` fix, shown as text. */
  guide: string | null;
}

export interface DiagnosisInfo {
  /** The host's handle of this diagnosis: fixes and frames are asked for through it. */
  ref: number;
  /** The history row it was remembered as; null when the server keeps no store. */
  historyId: number | null;
  id: string;
  title: string;
  /** The cause in plain words, with who holds a port when that is the cause. */
  summary: string;
  confidence: number;
  /** Markdown from the knowledge base; the webview shows it as text paragraphs. */
  explanation: string;
  by: (typeof DIAGNOSED_BY)[number];
  frames: FrameLink[];
  fixes: FixChoice[];
  alternatives: string[];
  projectPath: string | null;
}

export interface HistoryEntry {
  id: number;
  projectPath: string | null;
  diagnosis: string;
  confidence: number;
  source: string;
  summary: string;
  excerpt: string;
  createdAt: string;
  /** 1 helpful, -1 not, null not said. */
  feedback: 1 | -1 | null;
  confirmed: string | null;
  outcomes: Array<{ fix: string; outcome: (typeof FIX_OUTCOMES)[number]; exitCode: number | null }>;
}

/** webview → host */
export type ConsoleCommand =
  | { type: 'ready'; project: string | null }
  | { type: 'diagnose'; text: string; project: string | null }
  | { type: 'readClipboard' }
  | { type: 'applyFix'; ref: number; fixKey: string }
  | { type: 'openFrame'; ref: number; frame: number }
  | { type: 'feedback'; historyId: number; helpful: boolean; correctId: string | null }
  | { type: 'pickProject'; project: string | null };

/** host → webview */
export type ConsoleMessage =
  | { type: 'init'; projects: ProjectChoice[]; diagnosisIds: string[] }
  | { type: 'projects'; projects: ProjectChoice[] }
  | { type: 'clipboard'; text: string }
  | { type: 'diagnosis'; diagnosis: DiagnosisInfo }
  | { type: 'history'; project: string | null; rows: HistoryEntry[] }
  | { type: 'feedbackRecorded'; historyId: number; helpful: boolean; correctId: string | null }
  | { type: 'failed'; message: string };

const isShort = (v: unknown): v is string => isText(v, LIMITS.shortText);
const isLong = (v: unknown): v is string => isText(v, LIMITS.longText);
const isRef = (v: unknown): v is number => isInt(v, 1);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9][a-z0-9._-]{0,99}$/i.test(v);
const isProject = (v: unknown): v is string | null => isNullOr(v, isShort);

export function isProjectChoice(v: unknown): v is ProjectChoice {
  return isRecord(v) && isShort(v.path) && isShort(v.name);
}

export function isFrameLink(v: unknown): v is FrameLink {
  return isRecord(v) && isShort(v.file) && isInt(v.line, 0) && isNullOr(v.column, (c) => isInt(c, 0)) && isNullOr(v.function, isShort);
}

export function isFixChoice(v: unknown): v is FixChoice {
  return isRecord(v) && isShort(v.key) && isShort(v.title) && isOneOf(v.kind, FIX_KINDS) && isNullOr(v.command, isLong) && isNullOr(v.guide, isLong);
}

export function isDiagnosisInfo(v: unknown): v is DiagnosisInfo {
  return (
    isRecord(v) && isRef(v.ref) && isNullOr(v.historyId, isRef) && isId(v.id) && isShort(v.title) && isLong(v.summary) &&
    isFraction(v.confidence) && isLong(v.explanation) && isOneOf(v.by, DIAGNOSED_BY) && isListOf(v.frames, LIMITS.frames, isFrameLink) &&
    isListOf(v.fixes, LIMITS.fixes, isFixChoice) && isListOf(v.alternatives, LIMITS.diagnosisIds, isId) && isProject(v.projectPath)
  );
}

function isOutcome(v: unknown): v is HistoryEntry['outcomes'][number] {
  return isRecord(v) && isShort(v.fix) && isOneOf(v.outcome, FIX_OUTCOMES) && isNullOr(v.exitCode, (c) => isInt(c));
}

export function isHistoryEntry(v: unknown): v is HistoryEntry {
  return (
    isRecord(v) && isRef(v.id) && isProject(v.projectPath) && isId(v.diagnosis) && isFraction(v.confidence) && isShort(v.source) &&
    isLong(v.summary) && isShort(v.excerpt) && isShort(v.createdAt) && (v.feedback === 1 || v.feedback === -1 || v.feedback === null) &&
    isNullOr(v.confirmed, isId) && isListOf(v.outcomes, LIMITS.fixes * 5, isOutcome)
  );
}

const isProjects = (v: unknown): v is ProjectChoice[] => isListOf(v, LIMITS.projects, isProjectChoice);

export function isConsoleCommand(m: unknown): m is ConsoleCommand {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
    case 'pickProject':
      return isProject(m.project);
    case 'diagnose':
      return isText(m.text, LIMITS.errorText) && m.text.trim() !== '' && isProject(m.project);
    case 'readClipboard':
      return true;
    case 'applyFix':
      return isRef(m.ref) && isShort(m.fixKey);
    case 'openFrame':
      return isRef(m.ref) && isInt(m.frame, 0, LIMITS.frames - 1);
    case 'feedback':
      return isRef(m.historyId) && typeof m.helpful === 'boolean' && isNullOr(m.correctId, isId);
    default:
      return false;
  }
}

export function isConsoleMessage(m: unknown): m is ConsoleMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'init':
      return isProjects(m.projects) && isListOf(m.diagnosisIds, LIMITS.diagnosisIds, isId);
    case 'projects':
      return isProjects(m.projects);
    case 'clipboard':
      return isText(m.text, LIMITS.errorText);
    case 'diagnosis':
      return isDiagnosisInfo(m.diagnosis);
    case 'history':
      return isProject(m.project) && isListOf(m.rows, LIMITS.historyRows, isHistoryEntry);
    case 'feedbackRecorded':
      return isRef(m.historyId) && typeof m.helpful === 'boolean' && isNullOr(m.correctId, isId);
    case 'failed':
      return isLong(m.message);
    default:
      return false;
  }
}
