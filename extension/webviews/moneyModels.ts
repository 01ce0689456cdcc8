import path from 'node:path';
import type { MoneyView } from '../../language-server/advisor/money/moneyTypes';
import type { Project } from '../../language-server/model';
import type { MoneyChange } from '../../language-server/protocol';
import { LIMITS, monthIndex, type HoursInfo, type MarketInfo, type MoneyInfo, type OpportunityInfo } from '../../webviews/money/moneyInfo';
import type { MoneyCommand, ProjectChoice } from '../../webviews/money/protocol';

/**
 * What the Money dashboard is sent, drawn from what the server answered: strings and lists cut to the
 * protocol's bounds so a long note shortens rather than the whole view being refused. Numbers are passed as
 * they are: one the page's guard refuses (NaN, negative) is not turned into another number here.
 */
export function moneyInfo(view: MoneyView): MoneyInfo {
  const shown = view.entries.slice(0, LIMITS.entries);
  const cutEntries = view.entries.length > shown.length ? [`Only ${shown.length} of the ${view.entries.length} costs and revenues are listed; the figures count them all.`] : [];
  const market = marketInfo(view.market);
  const marketNotes = new Set(view.market.state === 'on' ? view.market.figures.notes : []);
  return {
    path: view.path,
    name: text(view.name),
    type: view.type,
    typeEvidence: sentences(view.typeEvidence, LIMITS.reasons),
    hours: hoursInfo(view.hours),
    hourlyRate: view.hourlyRate,
    entries: shown.map((e) => ({ id: e.id, direction: e.direction, name: e.name.slice(0, LIMITS.entryName), amount: e.amount, kind: e.kind, since: e.since })),
    figures: { ...view.figures },
    opportunities: view.opportunities.slice(0, LIMITS.opportunities).map(opportunityInfo),
    market,
    // The market's notes are shown with the market figures, not twice.
    notes: sentences([...cutEntries, ...view.notes.filter((n) => !marketNotes.has(n))], LIMITS.notes),
  };
}

function hoursInfo(h: MoneyView['hours']): HoursInfo {
  const last = h.byMonth[h.byMonth.length - 1];
  // A history longer than the page charts keeps its latest century of months.
  const byMonth = last ? h.byMonth.filter((m) => monthIndex(last.month) - monthIndex(m.month) < LIMITS.months) : [];
  const authors = h.authors.slice(0, LIMITS.authors);
  return {
    hours: h.hours,
    sessions: h.sessions,
    commits: h.commits,
    byMonth: byMonth.map((m) => ({ month: m.month, hours: m.hours })),
    authors: authors.map((a) => ({ name: text(a.name), email: text(a.email), hours: a.hours, commits: a.commits })),
    otherAuthors: h.authors.length - authors.length,
  };
}

function opportunityInfo(o: MoneyView['opportunities'][number]): OpportunityInfo {
  return {
    model: o.model,
    title: text(o.title),
    confidence: Math.min(1, Math.max(0, o.confidence)),
    signals: sentences(o.signals, LIMITS.reasons),
    gaps: sentences(o.gaps, LIMITS.reasons),
  };
}

function marketInfo(m: MoneyView['market']): MarketInfo {
  if (m.state === 'off') return { state: 'off' };
  const { npm, github, notes } = m.figures;
  return {
    state: 'on',
    npm: npm && { package: text(npm.package), weeklyDownloads: npm.weeklyDownloads, monthlyDownloads: npm.monthlyDownloads, fetchedAt: npm.fetchedAt },
    github: github && {
      repo: text(github.repo),
      stars: github.stars,
      forks: github.forks,
      watchers: github.watchers,
      openIssues: github.openIssues,
      pushedAt: github.pushedAt,
      archived: github.archived,
      fetchedAt: github.fetchedAt,
    },
    notes: sentences(notes, LIMITS.notes),
  };
}

/** The change a page command asks the server for; null for a command that changes nothing. */
export function moneyChange(command: MoneyCommand): MoneyChange | null {
  switch (command.type) {
    case 'setRate':
      return { kind: 'rate', rate: command.rate };
    case 'addEntry':
      return { kind: 'add', direction: command.direction, item: { ...command.item } };
    case 'removeEntry':
      return { kind: 'remove', id: command.id };
    default:
      return null;
  }
}

/** What the user is told a failed change was: "The hourly rate was not saved: <the server's words>". */
export function changeFailedText(command: MoneyCommand, reason: string): string {
  const what = command.type === 'setRate' ? 'The hourly rate was not saved' : command.type === 'addEntry' ? `"${command.item.name}" was not added` : command.type === 'removeEntry' ? 'The entry was not removed' : 'Optimus could not do that';
  return sentence(`${what}: ${reason}`);
}

/** Top-level projects and members alike, by name, in the order the client lists them. */
export function projectChoices(projects: readonly Project[]): ProjectChoice[] {
  return projects.slice(0, LIMITS.projects).map((p) => ({ path: p.path, name: text(p.parent ? `${p.name} (in ${path.basename(p.parent)})` : p.name) }));
}

/**
 * The project to show: the first of `wanted` the client knows (the one a command asked for, then the one the
 * page showed before), else the first project listed, else none.
 */
export function projectToShow(known: (path: string) => boolean, listed: readonly Project[], ...wanted: Array<string | null | undefined>): string | null {
  for (const p of wanted) if (p && known(p)) return p;
  return listed[0]?.path ?? null;
}

const text = (s: string): string => cut(s, LIMITS.text);
export const sentence = (s: string): string => cut(s, LIMITS.sentence);
const sentences = (list: readonly string[], max: number): string[] => list.slice(0, max).map(sentence);

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
