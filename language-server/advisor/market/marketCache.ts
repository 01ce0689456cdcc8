/**
 * The file that remembers market answers, so a folder of projects (or the same one again) does not ask npm
 * and GitHub each time, and GitHub's 60 requests an hour go a long way. Answers are kept a day; "no such
 * package / repository" (404) only an hour, since publishing or making a repository public changes that.
 * Layout: `{ "version": 1, "downloads": { "<api> <period> <name>": { "value": N | null, "at": ms } },
 * "repos": { "<api> <owner/repo>": { "value": RepoFigures | null, "at": ms } } }`, keyed by API base so a
 * test server's answers never pass for the real service's. Read back as hostile: entries of the wrong shape
 * are dropped one by one.
 */
import path from 'node:path';
import { readJsonFileSync, writeJsonFileAtomic } from '../../util/jsonFile';
import type { RepoFigures } from './githubRepo';
import { checkFigures } from './githubRepo';
import type { GithubRepoRef } from './githubRemote';
import { isCount, isRecord } from './marketAnswer';
import type { DownloadPeriod } from './npmDownloads';

export interface Cached<T> {
  /** null: the service answered 404. */
  value: T | null;
  at: number;
}

/** Maps, not objects: `constructor` is a valid package name. */
export interface MarketCache {
  downloads: Map<string, Cached<number>>;
  repos: Map<string, Cached<RepoFigures>>;
}

export const ANSWER_FRESH_MS = 24 * 60 * 60 * 1000;
export const NOT_FOUND_FRESH_MS = 60 * 60 * 1000;
const MAX_CACHE_BYTES = 8 * 1024 * 1024;

export function marketCacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'market-signals.json');
}

export function downloadsKey(api: string, period: DownloadPeriod, name: string): string {
  return `${api} ${period} ${name}`;
}

/** GitHub names are case-insensitive: `Owner/Repo` and `owner/repo` are one repository. */
export function repoKey(api: string, ref: GithubRepoRef): string {
  return `${api} ${ref.owner}/${ref.repo}`.toLowerCase();
}

/** Entries from the future (a clock set back) are not trusted either. */
export function isFresh(entry: Cached<unknown>, now: number): boolean {
  const age = now - entry.at;
  return age >= 0 && age < (entry.value === null ? NOT_FOUND_FRESH_MS : ANSWER_FRESH_MS);
}

export function emptyMarketCache(): MarketCache {
  return { downloads: new Map(), repos: new Map() };
}

/** The cache, or an empty one when the file is missing, too large or not what this module writes. */
export function readMarketCache(file: string): MarketCache {
  const parsed = readJsonFileSync(file, MAX_CACHE_BYTES);
  const cache = emptyMarketCache();
  if (!isRecord(parsed) || parsed.version !== 1) return cache;
  readEntries(parsed.downloads, cache.downloads, (value) => (isCount(value) ? value : undefined));
  readEntries(parsed.repos, cache.repos, (value) => checkFigures(value) ?? undefined);
  return cache;
}

/** Keeps only fresh entries (older ones would be asked again anyway), so the file cannot grow without end. */
export async function writeMarketCache(file: string, cache: MarketCache, now: number): Promise<void> {
  const fresh = <T>(entries: Map<string, Cached<T>>) => Object.fromEntries([...entries].filter(([, entry]) => isFresh(entry, now)));
  await writeJsonFileAtomic(file, { version: 1, downloads: fresh(cache.downloads), repos: fresh(cache.repos) });
}

/** `check` turns a stored non-null value into a usable one, or undefined to drop the entry. */
function readEntries<T>(raw: unknown, into: Map<string, Cached<T>>, check: (value: unknown) => T | undefined): void {
  if (!isRecord(raw)) return;
  for (const [key, entry] of Object.entries(raw)) {
    if (!isRecord(entry) || typeof entry.at !== 'number' || !Number.isFinite(entry.at)) continue;
    const value = entry.value === null ? null : check(entry.value);
    if (value !== undefined) into.set(key, { value, at: entry.at });
  }
}
