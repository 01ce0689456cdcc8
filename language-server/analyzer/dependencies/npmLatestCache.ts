/**
 * The file that remembers registry answers for a day, so analysing a folder of projects (or the same one
 * again) does not ask the registry about every dependency each time. Layout:
 * `{ "version": 1, "registries": { "<registry>": { "<name>": { "latest": "1.2.3" | null, "at": <ms> } } } }`,
 * `latest: null` meaning the registry did not know the package (404). Keyed by registry because a private
 * registry knows packages the public one answers 404 for.
 */
import { readJsonFileSync, writeJsonFileAtomic } from '../../util/jsonFile';
import { isLatestVersion } from './npmDistTags';

export interface LatestEntry {
  latest: string | null;
  at: number;
}

/** Registry → package name → entry. Maps, not objects: `constructor` is a valid package name. */
export type LatestCache = Map<string, Map<string, LatestEntry>>;

export const FRESH_MS = 24 * 60 * 60 * 1000;
const MAX_CACHE_BYTES = 8 * 1024 * 1024;

/** Entries from the future (a clock set back) are not trusted either. */
export function isFresh(entry: LatestEntry, now: number): boolean {
  const age = now - entry.at;
  return age >= 0 && age < FRESH_MS;
}

/** The cache, or an empty one when the file is missing, too large or not what this module writes. */
export function readLatestCache(file: string): LatestCache {
  const cache: LatestCache = new Map();
  const parsed = readJsonFileSync(file, MAX_CACHE_BYTES);
  const registries = isRecord(parsed) && parsed.version === 1 ? parsed.registries : undefined;
  if (!isRecord(registries)) return cache;
  for (const [registry, entries] of Object.entries(registries)) if (isRecord(entries)) cache.set(registry, entriesOf(entries));
  return cache;
}

/** Keeps only fresh entries (older ones would be asked again anyway), so the file cannot grow without end. */
export async function writeLatestCache(file: string, cache: LatestCache, now: number): Promise<void> {
  const registries: [string, Record<string, LatestEntry>][] = [];
  for (const [registry, entries] of cache) {
    const fresh = [...entries].filter(([, entry]) => isFresh(entry, now));
    if (fresh.length > 0) registries.push([registry, Object.fromEntries(fresh)]);
  }
  // fromEntries defines keys as own data, so a name like `__proto__` read back from the file stays a plain key.
  await writeJsonFileAtomic(file, { version: 1, registries: Object.fromEntries(registries) });
}

/** Entries that do not have the expected shape are dropped one by one; the rest stay usable. */
function entriesOf(raw: Record<string, unknown>): Map<string, LatestEntry> {
  const entries = new Map<string, LatestEntry>();
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry) || typeof entry.at !== 'number' || !Number.isFinite(entry.at)) continue;
    if (entry.latest === null || (typeof entry.latest === 'string' && isLatestVersion(entry.latest))) entries.set(name, { latest: entry.latest, at: entry.at });
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
