/**
 * Parsed project files kept between calls: the checks run on every keystroke of an open document, so
 * manifests, lockfiles and .env files are parsed again only when their (mtime, size, inode) changes.
 */
import { statSync } from 'node:fs';
import { readTextCapped } from '../../scanner/ecosystems/read';

interface Stamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

interface Entry extends Stamp {
  value: unknown;
}

/** Projects a user has open at once need far fewer; the oldest entry goes first. */
const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();

/** Synchronous on purpose: a stat is far cheaper than the thread-pool hand-off (see util/readSmall.ts). */
export function fileStamp(file: string): Stamp | undefined {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    return info?.isFile() ? { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino } : undefined;
  } catch {
    // ELOOP, EACCES on a parent folder, a name too long: the file cannot be used either way
    return undefined;
  }
}

export type PathKind = 'file' | 'dir' | 'none' | 'unknown';

/** `unknown` when the answer cannot be had (a symlink loop, a folder we may not enter): callers then judge nothing. */
export function pathKind(file: string): PathKind {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return 'none';
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'unknown';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'none' : 'unknown';
  }
}

/**
 * `parse` applied to the file's text, cached. Undefined when the file is missing, unreadable, binary, over
 * `maxBytes`, or `parse` returns undefined or throws; a failure is cached too, so a broken file is not re-read.
 */
export async function cachedParse<T>(file: string, kind: string, maxBytes: number, parse: (text: string) => T | undefined): Promise<T | undefined> {
  const stamp = fileStamp(file);
  const key = `${kind}\0${file}`;
  if (!stamp) {
    entries.delete(key);
    return undefined;
  }
  const known = entries.get(key);
  if (known && sameStamp(known, stamp)) {
    entries.delete(key);
    entries.set(key, known);
    return known.value as T | undefined;
  }
  const value = await readAndParse(file, maxBytes, parse);
  remember(key, { ...stamp, value });
  return value;
}

async function readAndParse<T>(file: string, maxBytes: number, parse: (text: string) => T | undefined): Promise<T | undefined> {
  const read = await readTextCapped(file, file, 'config', maxBytes);
  if (!read.ok) return undefined;
  try {
    return parse(read.text);
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}

function remember(key: string, entry: Entry): void {
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}
