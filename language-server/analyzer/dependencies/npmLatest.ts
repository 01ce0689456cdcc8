/**
 * The latest published version of npm packages, which `debt/outdated-dependency` compares installed versions
 * with: from a cache of the last day's answers where possible, else from the registry's dist-tags endpoint, a
 * few requests at a time. Never throws: what could not be learnt is left out of `versions` and explained by
 * one note per cause.
 */
import { mapLimit } from '../../util/limit';
import type { DistTagsAnswer } from './npmDistTags';
import { fetchDistTagsLatest, MAX_BODY_BYTES } from './npmDistTags';
import type { LatestCache, LatestEntry } from './npmLatestCache';
import { isFresh, readLatestCache, writeLatestCache } from './npmLatestCache';
import { isNpmPackageName } from './npmPackageName';
import { DEFAULT_NPM_REGISTRY, registryUrl } from './npmrcRegistry';

export interface NpmLatestOptions {
  /** Registry base URL, e.g. from registryOf(projectDir); default https://registry.npmjs.org. */
  registry?: string;
  /** Stops requests still running; what was learnt so far is returned. */
  signal?: AbortSignal;
  /** e.g. `$OPTIMUS_HOME/cache/npm-latest.json`; without one every name is asked each time. */
  cacheFile?: string;
  now?: () => number;
  /** Per request. Default 5 s. */
  timeoutMs?: number;
  /** Requests per call; names beyond are left for a later call (by then the others are cached). Default 300. */
  maxRequests?: number;
}

export interface NpmLatestResult {
  /** Package name → latest version, for the names the registry (or the cache) knows. */
  versions: Record<string, string>;
  notes: string[];
}

/** Polite to the registry, yet a project of 300 dependencies is done in a few seconds. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 5000;
const MAX_REQUESTS = 300;

/**
 * Invalid names (see isNpmPackageName) are skipped without a note: they cannot be on a registry. Packages the
 * registry does not know (404) are cached as such and simply left out.
 */
export async function latestNpmVersions(names: readonly string[], options: NpmLatestOptions = {}): Promise<NpmLatestResult> {
  const registry = registryUrl(options.registry ?? DEFAULT_NPM_REGISTRY);
  if (registry === undefined) return { versions: {}, notes: ['Outdated dependencies were not checked: the npm registry setting is not an http(s) URL.'] };
  const at = (options.now ?? Date.now)();
  const cache: LatestCache = options.cacheFile ? readLatestCache(options.cacheFile) : new Map();
  const known = cache.get(registry) ?? new Map<string, LatestEntry>();
  const wanted = [...new Set(names)].filter(isNpmPackageName);
  const stale = wanted.filter((name) => !isFreshEntry(known.get(name), at));
  const maxRequests = options.maxRequests ?? MAX_REQUESTS;
  const asked = stale.slice(0, maxRequests);
  const answers = await ask(registry, asked, options);
  const notes = notesFor(registry, asked, answers, stale.length - asked.length, maxRequests);
  if (remember(known, answers, at) && options.cacheFile) {
    cache.set(registry, known);
    notes.push(...(await saved(options.cacheFile, cache, at)));
  }
  return { versions: versionsOf(wanted, known, at), notes };
}

/**
 * Each name once, CONCURRENCY at a time. After the first failure nothing more is sent: an unreachable or
 * refusing registry would only fail every other request too, each after a timeout.
 */
async function ask(registry: string, names: readonly string[], options: NpmLatestOptions): Promise<Map<string, DistTagsAnswer>> {
  const answers = new Map<string, DistTagsAnswer>();
  let failed = false;
  const request = { timeoutMs: options.timeoutMs ?? TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) };
  await mapLimit(names, CONCURRENCY, async (name) => {
    if (failed || options.signal?.aborted) return;
    const answer = await fetchDistTagsLatest(registry, name, request);
    if (answer.kind === 'failed') failed = true;
    answers.set(name, answer);
  });
  return answers;
}

function notesFor(registry: string, asked: readonly string[], answers: Map<string, DistTagsAnswer>, leftOver: number, maxRequests: number): string[] {
  const notes: string[] = [];
  const unanswered = asked.filter((name) => answers.get(name)?.kind === 'failed' || !answers.has(name)).length;
  const failure = [...answers.values()].find((a) => a.kind === 'failed');
  const reason = failure?.kind === 'failed' ? failure.reason : 'cancelled';
  if (unanswered > 0 && reason === 'cancelled') notes.push(`The outdated-dependency check was cancelled: ${packages(unanswered)} not checked.`);
  else if (unanswered > 0) notes.push(`The npm registry at ${registry} could not be reached (${reason}): outdated dependencies were not checked for ${packages(unanswered)}.`);
  const malformed = [...answers.values()].filter((a) => a.kind === 'malformed').length;
  if (malformed > 0) notes.push(`The npm registry at ${registry} sent ${malformed} answer${malformed === 1 ? '' : 's'} that ${malformed === 1 ? 'was' : 'were'} not a dist-tags document (a JSON object with a semver \`latest\`, under ${MAX_BODY_BYTES / 1024} KB): outdated dependencies were not checked for ${packages(malformed)}.`);
  if (leftOver > 0) notes.push(`Outdated dependencies were not checked for ${packages(leftOver)}: at most ${maxRequests} are asked of the registry at a time; a later run asks the rest.`);
  return notes;
}

function packages(n: number): string {
  return `${n} package${n === 1 ? '' : 's'}`;
}

/** Adds what the registry said to `known`; failures and malformed answers are not kept, so they are asked again. */
function remember(known: Map<string, LatestEntry>, answers: Map<string, DistTagsAnswer>, at: number): boolean {
  let learnt = false;
  for (const [name, answer] of answers) {
    if (answer.kind !== 'latest' && answer.kind !== 'unknown') continue;
    known.set(name, { latest: answer.kind === 'latest' ? answer.version : null, at });
    learnt = true;
  }
  return learnt;
}

/** A cache that cannot be written costs requests next time, nothing more. */
async function saved(cacheFile: string, cache: LatestCache, at: number): Promise<string[]> {
  try {
    await writeLatestCache(cacheFile, cache, at);
    return [];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
    return [`The npm version cache ${cacheFile} could not be written (${code}): the registry will be asked again next time.`];
  }
}

function versionsOf(names: readonly string[], known: Map<string, LatestEntry>, at: number): Record<string, string> {
  const versions: [string, string][] = [];
  for (const name of names) {
    const entry = known.get(name);
    if (entry?.latest && isFresh(entry, at)) versions.push([name, entry.latest]);
  }
  return Object.fromEntries(versions);
}

function isFreshEntry(entry: LatestEntry | undefined, at: number): boolean {
  return entry !== undefined && isFresh(entry, at);
}
