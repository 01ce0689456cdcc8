/**
 * Keeps the last loaded OSV database while its files look unchanged: analysing a folder of projects would
 * otherwise re-read and re-index an export of tens of thousands of files once per project.
 */
import { stat } from 'node:fs/promises';
import type { OsvLoad } from './osvDatabase';
import { loadOsvDatabase } from './osvDatabase';

/**
 * A folder's mtime changes when files are added, removed or renamed in it, not when one is rewritten in place
 * (as unzipping over an older export does), so a cached load is also dropped after this long.
 */
const MAX_AGE_MS = 10 * 60 * 1000;

interface Cached {
  path: string;
  stamp: string;
  at: number;
  load: Promise<OsvLoad>;
  signal: AbortSignal | undefined;
}

let last: Cached | undefined;

async function stampOf(dbPath: string): Promise<string | undefined> {
  try {
    const info = await stat(dbPath);
    return `${info.mtimeMs}:${info.size}:${info.ino}`;
  } catch {
    return undefined;
  }
}

function usable(cached: Cached | undefined, dbPath: string, stamp: string | undefined): cached is Cached {
  // A load whose owner cancelled it ends empty-handed: start another rather than share it.
  return cached !== undefined && stamp !== undefined && cached.path === dbPath && cached.stamp === stamp && Date.now() - cached.at < MAX_AGE_MS && !cached.signal?.aborted;
}

export async function cachedOsvDatabase(dbPath: string, signal?: AbortSignal): Promise<OsvLoad> {
  const stamp = await stampOf(dbPath);
  if (usable(last, dbPath, stamp)) return last.load;
  const load = loadOsvDatabase(dbPath, signal);
  last = stamp === undefined ? undefined : { path: dbPath, stamp, at: Date.now(), load, signal };
  const result = await load;
  // A failed load is not kept: the next call should try again.
  if (!result.database && last?.load === load) last = undefined;
  return result;
}
