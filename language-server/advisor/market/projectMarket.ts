/**
 * The market signals of one project within a run: which questions its package.json and git remote allow,
 * and what their answers (or the lack of them) come to. npm and GitHub are asked side by side; the two npm
 * periods one after the other, so an unreachable npm costs one timeout, not two.
 */
import { isNpmPackageName } from '../../analyzer/dependencies/npmPackageName';
import { parseGithubRemote } from './githubRemote';
import type { Asked, MarketRun } from './marketRun';
import { askDownloads, askRepo } from './marketRun';
import * as note from './marketNotes';
import type { GithubSignals, MarketInput, MarketSignals, NpmSignals } from './marketTypes';

/** One source's outcome: its value or null, the notes that say why, and what kept it from the network. */
interface Part<T> {
  value: T | null;
  notes: string[];
  offline: [host: string, reason: string][];
  cancelled: boolean;
}

export async function projectMarket(input: MarketInput, run: MarketRun): Promise<MarketSignals> {
  const [npm, github] = await Promise.all([npmPart(input, run), githubPart(input, run)]);
  const notes = [...npm.notes, ...github.notes];
  const offline = new Map([...npm.offline, ...github.offline]);
  if (offline.size > 0) notes.push(note.offline(offline));
  if (npm.cancelled || github.cancelled) notes.push(note.CANCELLED);
  return { npm: npm.value, github: github.value, notes };
}

async function npmPart(input: MarketInput, run: MarketRun): Promise<Part<NpmSignals>> {
  const name = input.packageName;
  if (input.isPrivate) return noted(note.PRIVATE_PACKAGE);
  if (name === null || name === '') return noted(note.NO_PACKAGE_NAME);
  if (!isNpmPackageName(name)) return noted(note.INVALID_PACKAGE_NAME);
  if (!run.npmApi) return noted(note.NPM_API_NOT_HTTP);
  const weekly = await askDownloads(run, run.npmApi, 'last-week', name);
  if (weekly.kind !== 'answer' || weekly.value === null) return missing(weekly, note.npmUnknown(name), (reason) => note.npmBad(name, reason));
  const monthly = await askDownloads(run, run.npmApi, 'last-month', name);
  if (monthly.kind !== 'answer' || monthly.value === null) return missing(monthly, note.npmUnknown(name), (reason) => note.npmBad(name, reason));
  const fetchedAt = new Date(Math.min(weekly.at, monthly.at)).toISOString();
  return found({ package: name, weeklyDownloads: weekly.value, monthlyDownloads: monthly.value, fetchedAt });
}

async function githubPart(input: MarketInput, run: MarketRun): Promise<Part<GithubSignals>> {
  if (input.remoteUrl === null || input.remoteUrl.trim() === '') return noted(note.NO_REMOTE);
  const ref = parseGithubRemote(input.remoteUrl);
  if (!ref) return noted(note.NOT_GITHUB);
  if (!run.githubApi) return noted(note.GITHUB_API_NOT_HTTP);
  const repo = `${ref.owner}/${ref.repo}`;
  const asked = await askRepo(run, run.githubApi, ref);
  if (asked.kind === 'rate-limited') return noted(note.githubRateLimited(repo, asked.until));
  if (asked.kind !== 'answer' || asked.value === null) return missing(asked, note.githubUnknown(repo), (reason) => note.githubBad(repo, reason));
  return found({ ...asked.value, fetchedAt: new Date(asked.at).toISOString() });
}

function found<T>(value: T): Part<T> {
  return { value, notes: [], offline: [], cancelled: false };
}

function noted<T>(text: string): Part<T> {
  return { value: null, notes: [text], offline: [], cancelled: false };
}

/** Why there is no value: 404, an unusable answer, an unreachable host (one joint note later), cancelled. */
function missing<T>(asked: Asked<unknown>, unknown: string, bad: (reason: string) => string): Part<T> {
  switch (asked.kind) {
    case 'answer':
      return noted(unknown);
    case 'bad':
      return noted(bad(asked.reason));
    case 'rate-limited':
      return noted(bad('rate limited'));
    case 'offline':
      return { value: null, notes: [], offline: [[asked.host, asked.reason]], cancelled: false };
    case 'cancelled':
      return { value: null, notes: [], offline: [], cancelled: true };
  }
}
