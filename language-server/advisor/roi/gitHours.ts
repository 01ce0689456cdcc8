/**
 * Hours invested, estimated from commit times with the session method of git-hours
 * (github.com/kimmobrunfeldt/git-hours), per author. Each author's commits are sorted by author date; a
 * commit less than `gapMinutes` after the author's previous one continues the session and adds the gap; any
 * other commit starts a session and adds `firstCommitMinutes`, for the work before it that no commit shows.
 *
 * Two deliberate departures from git-hours' code, both as the issue words the method ("each session's first
 * commit adds an allowance"): the author's first session gets the allowance too (git-hours adds nothing for
 * it, so one commit counts 0 h there), and nothing is rounded until it is shown (git-hours rounds each author
 * to whole hours and sums those). Per author, git-hours' figure is therefore round(ours - firstCommitMinutes).
 *
 * Everything is counted in whole seconds, so the figures are exact and any other implementation can be
 * compared to them with `===`.
 */
import type { AuthoredCommit } from './commitRecords';

export interface HoursOptions {
  /** Commits at least this far apart are in different sessions. */
  gapMinutes?: number;
  /** What the first commit of each session adds. */
  firstCommitMinutes?: number;
}

export const DEFAULT_GAP_MINUTES = 120;
export const DEFAULT_FIRST_COMMIT_MINUTES = 120;

export interface AuthorHours {
  /** As written on the author's newest commit (after .mailmap). */
  name: string;
  email: string;
  commits: number;
  sessions: number;
  seconds: number;
}

export interface MonthHours {
  /** `YYYY-MM`, UTC. */
  month: string;
  seconds: number;
}

export interface HoursEstimate {
  commits: number;
  sessions: number;
  seconds: number;
  /** Most hours first. */
  authors: AuthorHours[];
  /** Oldest month first; months without a commit are absent. */
  byMonth: MonthHours[];
}

interface Tally {
  author: AuthorHours;
  months: Map<string, number>;
}

export function estimateHours(commits: readonly AuthoredCommit[], options: HoursOptions = {}): HoursEstimate {
  const gap = (options.gapMinutes ?? DEFAULT_GAP_MINUTES) * 60;
  const first = (options.firstCommitMinutes ?? DEFAULT_FIRST_COMMIT_MINUTES) * 60;
  const tallies = [...groupByAuthor(commits).values()].map((own) => tallyAuthor(own, gap, first));
  const authors = tallies.map((t) => t.author).sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
  return {
    commits: commits.length,
    sessions: sum(authors.map((a) => a.sessions)),
    seconds: sum(authors.map((a) => a.seconds)),
    authors,
    byMonth: mergeMonths(tallies.map((t) => t.months)),
  };
}

/** Seconds as hours, to the tenth the contract shows. */
export function toHours(seconds: number): number {
  return Math.round(seconds / 360) / 10;
}

/**
 * One person per email, compared without case as git compares .mailmap emails; .mailmap (applied by git)
 * is where a user merges their other addresses. A commit without an email falls back to its name.
 */
export function identityKey(commit: Pick<AuthoredCommit, 'name' | 'email'>): string {
  return commit.email ? `email:${commit.email.toLowerCase()}` : `name:${commit.name.toLowerCase()}`;
}

function groupByAuthor(commits: readonly AuthoredCommit[]): Map<string, AuthoredCommit[]> {
  const groups = new Map<string, AuthoredCommit[]>();
  for (const commit of commits) {
    const key = identityKey(commit);
    const group = groups.get(key);
    if (group) group.push(commit);
    else groups.set(key, [commit]);
  }
  return groups;
}

/**
 * Each commit's contribution (the gap before it, or the allowance when it starts a session) counts in the
 * UTC month of that commit: a session running past midnight at a month's end puts the gaps that end in the
 * new month, and the allowance of a session started there, in the new month.
 */
function tallyAuthor(own: readonly AuthoredCommit[], gap: number, first: number): Tally {
  const sorted = [...own].sort((a, b) => a.time - b.time);
  const newest = sorted[sorted.length - 1] as AuthoredCommit;
  const author: AuthorHours = { name: newest.name, email: newest.email, commits: sorted.length, sessions: 0, seconds: 0 };
  const months = new Map<string, number>();
  let previous: number | undefined;
  for (const { time } of sorted) {
    const continues = previous !== undefined && time - previous < gap;
    const added = continues ? time - (previous as number) : first;
    if (!continues) author.sessions++;
    author.seconds += added;
    months.set(monthOf(time), (months.get(monthOf(time)) ?? 0) + added);
    previous = time;
  }
  return { author, months };
}

function mergeMonths(perAuthor: readonly Map<string, number>[]): MonthHours[] {
  const total = new Map<string, number>();
  for (const months of perAuthor) for (const [month, seconds] of months) total.set(month, (total.get(month) ?? 0) + seconds);
  return [...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, seconds]) => ({ month, seconds }));
}

export function monthOf(time: number): string {
  return new Date(time * 1000).toISOString().slice(0, 7);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
