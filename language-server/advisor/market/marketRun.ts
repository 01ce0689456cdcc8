/**
 * The state of one round of market questions, for one project or many: the cache (read once, written once,
 * so projects asked side by side cannot overwrite each other's entries), the hosts that proved unreachable
 * (nobody waits for a second timeout from them), GitHub's rate limit once it is known to be used up, and the
 * questions already under way (two projects naming one package ask once).
 */
import { registryUrl } from '../../analyzer/dependencies/npmrcRegistry';
import type { RepoFigures } from './githubRepo';
import { fetchRepo } from './githubRepo';
import type { GithubRepoRef } from './githubRemote';
import type { MarketRequest, Unusable } from './marketAnswer';
import type { Cached, MarketCache } from './marketCache';
import { downloadsKey, emptyMarketCache, isFresh, marketCacheFile, readMarketCache, repoKey, writeMarketCache } from './marketCache';
import type { MarketOptions } from './marketTypes';
import type { DownloadPeriod } from './npmDownloads';
import { fetchDownloads } from './npmDownloads';

export const DEFAULT_NPM_API = 'https://api.npmjs.org';
export const DEFAULT_GITHUB_API = 'https://api.github.com';
const TIMEOUT_MS = 5000;

/** What one question came to, from the cache or the network. */
export type Asked<T> =
  /** `value` null: the service answered 404. `at`: when it answered. */
  | { kind: 'answer'; value: T | null; at: number }
  | { kind: 'rate-limited'; until: number | null }
  | { kind: 'bad'; reason: string }
  | { kind: 'offline'; host: string; reason: string }
  | { kind: 'cancelled' };

export interface MarketRun {
  /** Normalised bases; undefined when the option is not an http(s) URL (nothing is asked there). */
  npmApi: string | undefined;
  githubApi: string | undefined;
  cache: MarketCache;
  cacheFile: string | undefined;
  now: () => number;
  request: MarketRequest;
  unreachable: Map<string, string>;
  githubLimit: { until: number | null } | undefined;
  pending: Map<string, Promise<Asked<unknown>>>;
  learnt: boolean;
}

export function openMarketRun(options: MarketOptions): MarketRun {
  const cacheFile = options.cacheDir ? marketCacheFile(options.cacheDir) : undefined;
  return {
    // registryUrl: an http(s) base without credentials, query or trailing slash, as for npm registries.
    npmApi: registryUrl(options.npmApi ?? DEFAULT_NPM_API),
    githubApi: registryUrl(options.githubApi ?? DEFAULT_GITHUB_API),
    cache: cacheFile ? readMarketCache(cacheFile) : emptyMarketCache(),
    cacheFile,
    now: options.now ?? Date.now,
    request: { timeoutMs: options.timeoutMs ?? TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) },
    unreachable: new Map(),
    githubLimit: undefined,
    pending: new Map(),
    learnt: false,
  };
}

export function hostOf(api: string): string {
  return new URL(api).host;
}

export async function askDownloads(run: MarketRun, api: string, period: DownloadPeriod, name: string): Promise<Asked<number>> {
  const key = downloadsKey(api, period, name);
  return ask(run, run.cache.downloads, key, api, async () => {
    const answer = await fetchDownloads(api, period, name, run.request);
    return answer.kind === 'downloads' ? { value: answer.downloads } : answer.kind === 'unknown' ? { value: null } : answer;
  });
}

export async function askRepo(run: MarketRun, api: string, ref: GithubRepoRef): Promise<Asked<RepoFigures>> {
  return ask(run, run.cache.repos, repoKey(api, ref), api, async () => {
    const limit = run.githubLimit;
    if (limit && (limit.until === null || run.now() < limit.until)) return { kind: 'rate-limited', until: limit.until };
    const answer = await fetchRepo(api, ref, run.request, run.now());
    if (answer.kind === 'rate-limited') run.githubLimit = { until: answer.until };
    return answer.kind === 'repo' ? { value: answer.figures } : answer.kind === 'unknown' ? { value: null } : answer;
  });
}

/** Writes what was learnt; returns a note when that failed (it costs requests next time, nothing more). */
export async function saveMarketRun(run: MarketRun): Promise<string[]> {
  if (!run.cacheFile || !run.learnt) return [];
  try {
    await writeMarketCache(run.cacheFile, run.cache, run.now());
    return [];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
    return [`The market-signal cache ${run.cacheFile} could not be written (${code}): npm and GitHub will be asked again next time.`];
  }
}

type Fetched<T> = { value: T | null } | { kind: 'rate-limited'; until: number | null } | Unusable;

/** From the cache when fresh; else once per run, not at all to a host that already proved unreachable. */
async function ask<T>(run: MarketRun, entries: Map<string, Cached<T>>, key: string, api: string, fetchOne: () => Promise<Fetched<T>>): Promise<Asked<T>> {
  const cached = entries.get(key);
  if (cached && isFresh(cached, run.now())) return { kind: 'answer', ...cached };
  const pending = run.pending.get(key) as Promise<Asked<T>> | undefined;
  if (pending) return pending;
  const asking = (async (): Promise<Asked<T>> => {
    const host = hostOf(api);
    const unreachable = run.unreachable.get(host);
    if (unreachable !== undefined) return { kind: 'offline', host, reason: unreachable };
    if (run.request.signal?.aborted) return { kind: 'cancelled' };
    const fetched = await fetchOne();
    if ('value' in fetched) {
      const entry = { value: fetched.value, at: run.now() };
      entries.set(key, entry);
      run.learnt = true;
      return { kind: 'answer', ...entry };
    }
    if (fetched.kind !== 'failed') return fetched;
    if (fetched.reason === 'cancelled') return { kind: 'cancelled' };
    run.unreachable.set(host, fetched.reason);
    return { kind: 'offline', host, reason: fetched.reason };
  })();
  run.pending.set(key, asking);
  return asking;
}
