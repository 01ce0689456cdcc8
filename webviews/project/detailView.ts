/**
 * The code part of the Project detail page: what the host passes on of the server's `ProjectDetail`, with the
 * guards the page checks it by. Paths are relative to the project folder and `/`-separated, as the server
 * makes them; the page shows them as text and names an item to open only by its index.
 */
import { isInt, isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';

export const DETAIL_LIMITS = {
  /** A name, a rule id, a version, a path inside the project. */
  text: 500,
  path: 4_096,
  /** A finding's message, a note. */
  message: 2_000,
  trend: 1_000,
  files: 2_000,
  functions: 100,
  findings: 500,
  dependencies: 5_000,
  advisories: 20,
  notes: 50,
  /** Lines, complexity, findings, minutes: far past any real count. */
  count: 1_000_000_000,
} as const;

export const CATEGORIES = ['quality', 'security', 'performance', 'debt'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const DEBT_RATINGS = ['A', 'B', 'C', 'D', 'E'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type DebtRating = (typeof DEBT_RATINGS)[number];

export interface TrendPoint {
  /** ISO 8601 UTC. */
  at: string;
  health: number;
  debtMinutes: number;
  debtRating: DebtRating;
  loc: number;
}

export interface FileStat {
  file: string;
  loc: number;
  complexity: number;
  maxComplexity: number;
  findings: number;
}

export interface FunctionStat {
  file: string;
  name: string;
  line: number;
  cyclomatic: number;
  cognitive: number;
  loc: number;
}

export interface FindingItem {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** `.` for a finding about the project as a whole. */
  file: string;
  line: number;
  column: number;
}

export interface DependencyItem {
  name: string;
  declared: string;
  locked: string | null;
  latest: string | null;
  dev: boolean;
  outdated: boolean;
  vulnerable: { severity: string; ids: string[] } | null;
}

export interface DetailView {
  /** null: never analyzed (the page offers to). */
  analyzedAt: string | null;
  /** Oldest first. */
  trend: TrendPoint[];
  /** The largest first. */
  files: FileStat[];
  /** The most complex first. */
  functions: FunctionStat[];
  /** Errors first; `findingCounts` counts all of them, listed or not. */
  findings: FindingItem[];
  findingCounts: Record<Category, number>;
  dependencies: DependencyItem[];
  notes: string[];
}

const isShort = (v: unknown): v is string => isText(v, DETAIL_LIMITS.text);
const isFile = (v: unknown): v is string => isText(v, DETAIL_LIMITS.path) && v !== '';
const isCount = (v: unknown): v is number => isInt(v, 0, DETAIL_LIMITS.count);
const isLine = (v: unknown): v is number => isInt(v, 1, DETAIL_LIMITS.count);
/** An ISO time the page can read: it draws the trend's time axis from it. */
export const isTime = (v: unknown): v is string => isText(v, 40) && !Number.isNaN(Date.parse(v));

export function isTrendPoint(v: unknown): v is TrendPoint {
  return isRecord(v) && isTime(v.at) && isInt(v.health, 0, 100) && isCount(v.debtMinutes) && isOneOf(v.debtRating, DEBT_RATINGS) && isCount(v.loc);
}

export function isFileStat(v: unknown): v is FileStat {
  return isRecord(v) && isFile(v.file) && isCount(v.loc) && isCount(v.complexity) && isCount(v.maxComplexity) && isCount(v.findings);
}

export function isFunctionStat(v: unknown): v is FunctionStat {
  return isRecord(v) && isFile(v.file) && isShort(v.name) && isLine(v.line) && isCount(v.cyclomatic) && isCount(v.cognitive) && isCount(v.loc);
}

export function isFindingItem(v: unknown): v is FindingItem {
  return (
    isRecord(v) && isShort(v.ruleId) && isOneOf(v.category, CATEGORIES) && isOneOf(v.severity, SEVERITIES) && isText(v.message, DETAIL_LIMITS.message) &&
    isFile(v.file) && isLine(v.line) && isLine(v.column)
  );
}

function isAdvisory(v: unknown): v is DependencyItem['vulnerable'] {
  return isRecord(v) && isShort(v.severity) && isListOf(v.ids, DETAIL_LIMITS.advisories, isShort);
}

export function isDependencyItem(v: unknown): v is DependencyItem {
  return (
    isRecord(v) && isShort(v.name) && v.name !== '' && isShort(v.declared) && isNullOr(v.locked, isShort) && isNullOr(v.latest, isShort) &&
    typeof v.dev === 'boolean' && typeof v.outdated === 'boolean' && isNullOr(v.vulnerable, isAdvisory)
  );
}

function isCounts(v: unknown): v is Record<Category, number> {
  return isRecord(v) && CATEGORIES.every((c) => isCount(v[c]));
}

export function isDetailView(v: unknown): v is DetailView {
  return (
    isRecord(v) && isNullOr(v.analyzedAt, isTime) && isListOf(v.trend, DETAIL_LIMITS.trend, isTrendPoint) &&
    isListOf(v.files, DETAIL_LIMITS.files, isFileStat) && isListOf(v.functions, DETAIL_LIMITS.functions, isFunctionStat) &&
    isListOf(v.findings, DETAIL_LIMITS.findings, isFindingItem) && isCounts(v.findingCounts) &&
    isListOf(v.dependencies, DETAIL_LIMITS.dependencies, isDependencyItem) && isListOf(v.notes, DETAIL_LIMITS.notes, (n) => isText(n, DETAIL_LIMITS.message))
  );
}
