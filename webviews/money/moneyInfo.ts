/**
 * One project's money as the Money dashboard is sent it, and the guard that checks it. Every number is checked
 * to be finite and in its range (a NaN, a negative hour or an amount of 1e300 is refused, never drawn), every
 * string and list is bounded.
 */
import { isFraction, isInt, isListOf, isNullOr, isOneOf, isRecord, isText } from '../shared/guards';

export const LIMITS = {
  /** A name, a title, a label. */
  text: 500,
  /** A note, a signal's evidence, a gap, a message for the user. */
  sentence: 2_000,
  path: 4_096,
  projects: 5_000,
  /** Costs and revenues of one project: far past what anyone enters by hand. */
  entries: 1_000,
  /** A century of months. */
  months: 1_200,
  authors: 200,
  opportunities: 50,
  /** Signals or gaps of one revenue model. */
  reasons: 50,
  notes: 100,
  /** The server's bounds (advisor/money/moneyChange.ts, advisor/roi/entryText.ts). */
  rate: 1_000_000,
  amount: 1_000_000_000,
  entryName: 200,
  /** A sum of amounts over months and entries, or hours times a rate: far past any real project. */
  figure: 1e18,
  hours: 1e9,
  count: 1e12,
} as const;

export const DIRECTIONS = ['cost', 'revenue'] as const;
export const RECURRENCES = ['monthly', 'one-off'] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type Recurrence = (typeof RECURRENCES)[number];

export interface MonthHours {
  /** YYYY-MM */
  month: string;
  hours: number;
}

export interface AuthorHours {
  name: string;
  email: string;
  hours: number;
  commits: number;
}

export interface HoursInfo {
  hours: number;
  sessions: number;
  commits: number;
  /** Months with commits, oldest first; months without one are absent. */
  byMonth: MonthHours[];
  /** Most hours first, cut to LIMITS.authors. */
  authors: AuthorHours[];
  /** Authors left out of `authors`. */
  otherAuthors: number;
}

/** What the user typed for a cost or a revenue. */
export interface EntryItem {
  name: string;
  amount: number;
  kind: Recurrence;
  /** YYYY-MM-DD of the first charge or payment. */
  since: string;
}

export interface EntryInfo extends EntryItem {
  id: number;
  direction: Direction;
}

export interface FiguresInfo {
  labour: number;
  costsToDate: number;
  revenueToDate: number;
  invested: number;
  /** A ratio (0.25 is 25%); null when nothing is invested. */
  roi: number | null;
  costPerMonth: number;
  revenuePerMonth: number;
  /** 0 when paid back, null when it never will be at the current monthly figures. */
  paybackMonths: number | null;
}

export interface OpportunityInfo {
  model: string;
  title: string;
  confidence: number;
  signals: string[];
  gaps: string[];
}

export interface NpmInfo {
  package: string;
  weeklyDownloads: number;
  monthlyDownloads: number;
  fetchedAt: string;
}

export interface GithubInfo {
  repo: string;
  stars: number;
  forks: number;
  watchers: number;
  openIssues: number;
  pushedAt: string | null;
  archived: boolean | null;
  fetchedAt: string;
}

/** A source that did not answer is null: the page says "no data" and never shows a number for it. */
export type MarketInfo = { state: 'off' } | { state: 'on'; npm: NpmInfo | null; github: GithubInfo | null; notes: string[] };

export interface MoneyInfo {
  path: string;
  name: string;
  /** The project type id, `cli`, `web-app`, `unknown`… */
  type: string;
  typeEvidence: string[];
  hours: HoursInfo;
  /** null when never set: labour is then priced at 0. */
  hourlyRate: number | null;
  entries: EntryInfo[];
  figures: FiguresInfo;
  /** Best first. */
  opportunities: OpportunityInfo[];
  market: MarketInfo;
  /** What was not known or could not be read (the market's own notes are in `market`). */
  notes: string[];
}

const isShort = (v: unknown): v is string => isText(v, LIMITS.text);
const isSentence = (v: unknown): v is string => isText(v, LIMITS.sentence);
const isSentences = (max: number) => (v: unknown): v is string[] => isListOf(v, max, isSentence);
export const isPath = (v: unknown): v is string => isText(v, LIMITS.path) && v !== '';
const isCount = (v: unknown): v is number => isInt(v, 0, LIMITS.count);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(v);
const isTime = (v: unknown): v is string => isText(v, 40) && !Number.isNaN(Date.parse(v));

/** A finite number from `min` to `max`: NaN, Infinity and anything out of range are refused. */
export function isNumberIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

const isFigure = (v: unknown): v is number => isNumberIn(v, 0, LIMITS.figure);
const isHours = (v: unknown): v is number => isNumberIn(v, 0, LIMITS.hours);

export function isMonth(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
}

/** A real calendar day, YYYY-MM-DD: the server refuses 2024-02-30, so the page does too. */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isMonthHours(v: unknown): v is MonthHours {
  return isRecord(v) && isMonth(v.month) && isHours(v.hours);
}

/** Months since year 0: how far apart two months are. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Oldest first, each month once, spanning at most LIMITS.months: the chart fills the months between. */
function isMonths(v: unknown): v is MonthHours[] {
  if (!isListOf(v, LIMITS.months, isMonthHours) || !v.every((m, i) => i === 0 || (v[i - 1] as MonthHours).month < m.month)) return false;
  const first = v[0];
  const last = v[v.length - 1];
  return !first || !last || monthIndex(last.month) - monthIndex(first.month) < LIMITS.months;
}

function isAuthor(v: unknown): v is AuthorHours {
  return isRecord(v) && isShort(v.name) && isShort(v.email) && isHours(v.hours) && isCount(v.commits);
}

function isHoursInfo(v: unknown): v is HoursInfo {
  return (
    isRecord(v) && isHours(v.hours) && isCount(v.sessions) && isCount(v.commits) && isMonths(v.byMonth) &&
    isListOf(v.authors, LIMITS.authors, isAuthor) && isCount(v.otherAuthors)
  );
}

export function isEntryItem(v: unknown): v is EntryItem {
  return (
    isRecord(v) && typeof v.name === 'string' && v.name.trim() !== '' && v.name.length <= LIMITS.entryName &&
    isNumberIn(v.amount, 0, LIMITS.amount) && isOneOf(v.kind, RECURRENCES) && isDay(v.since)
  );
}

function isEntryInfo(v: unknown): v is EntryInfo {
  return isRecord(v) && isInt(v.id, 1) && isOneOf(v.direction, DIRECTIONS) && isEntryItem(v);
}

function isFiguresInfo(v: unknown): v is FiguresInfo {
  return (
    isRecord(v) && isFigure(v.labour) && isFigure(v.costsToDate) && isFigure(v.revenueToDate) && isFigure(v.invested) &&
    // Revenue is never negative, so the return is never below -100%.
    isNullOr(v.roi, (r) => isNumberIn(r, -1, LIMITS.figure)) && isFigure(v.costPerMonth) && isFigure(v.revenuePerMonth) &&
    isNullOr(v.paybackMonths, isFigure)
  );
}

function isOpportunity(v: unknown): v is OpportunityInfo {
  return (
    isRecord(v) && isId(v.model) && isShort(v.title) && isFraction(v.confidence) &&
    isSentences(LIMITS.reasons)(v.signals) && isSentences(LIMITS.reasons)(v.gaps)
  );
}

function isNpm(v: unknown): v is NpmInfo {
  return isRecord(v) && isShort(v.package) && isCount(v.weeklyDownloads) && isCount(v.monthlyDownloads) && isTime(v.fetchedAt);
}

function isGithub(v: unknown): v is GithubInfo {
  return (
    isRecord(v) && isShort(v.repo) && isCount(v.stars) && isCount(v.forks) && isCount(v.watchers) && isCount(v.openIssues) &&
    isNullOr(v.pushedAt, isTime) && (v.archived === null || typeof v.archived === 'boolean') && isTime(v.fetchedAt)
  );
}

function isMarket(v: unknown): v is MarketInfo {
  if (!isRecord(v)) return false;
  if (v.state === 'off') return true;
  return v.state === 'on' && isNullOr(v.npm, isNpm) && isNullOr(v.github, isGithub) && isSentences(LIMITS.notes)(v.notes);
}

export function isMoneyInfo(v: unknown): v is MoneyInfo {
  return (
    isRecord(v) && isPath(v.path) && isShort(v.name) && isId(v.type) && isSentences(LIMITS.reasons)(v.typeEvidence) &&
    isHoursInfo(v.hours) && isNullOr(v.hourlyRate, (r) => isNumberIn(r, 0, LIMITS.rate)) && isListOf(v.entries, LIMITS.entries, isEntryInfo) &&
    isFiguresInfo(v.figures) && isListOf(v.opportunities, LIMITS.opportunities, isOpportunity) && isMarket(v.market) &&
    isSentences(LIMITS.notes)(v.notes)
  );
}
