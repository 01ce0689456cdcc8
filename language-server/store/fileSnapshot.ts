import fs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { errnoCode } from './errors';

/**
 * Identity of one version of the database file. Every save renames a new file into place, so the inode alone
 * changes on each save; mtime and size also catch a file rewritten in place by something else.
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

export type Snapshot = { kind: 'missing' } | { kind: 'not-a-file'; stamp: FileStamp } | { kind: 'file'; bytes: Uint8Array; stamp: FileStamp };

export function stampOf(stats: Stats): FileStamp {
  return { mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino };
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The file's stamp, or null when there is no file. Other errors (EACCES on the folder, ...) are thrown. */
export async function statStamp(file: string): Promise<FileStamp | null> {
  try {
    return stampOf(await fs.stat(file));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Reads the bytes and the stamp from the same open file, so the stamp describes exactly the bytes read. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { kind: 'not-a-file', stamp: stampOf(stats) };
    return { kind: 'file', bytes: await handle.readFile(), stamp: stampOf(stats) };
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
