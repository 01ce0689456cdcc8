import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStamp } from './fileSnapshot';
import { stampOf } from './fileSnapshot';

/** Private to the user: the database holds paths, git remotes and audit history. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Replaces `file` with `data` so that any reader, in any process, sees either the old or the new content and
 * never a half-written file, even if this process dies mid-write: temp file in the same folder (rename is only
 * atomic within one file system), fsync, rename. Returns the stamp of the new file.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<FileStamp> {
  const dir = path.dirname(file);
  await ensureDir(dir);
  const temp = tempPathFor(file);
  try {
    const stamp = await writeAndSync(temp, data);
    await fs.rename(temp, file);
    await syncDir(dir);
    return stamp;
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** A fresh temp path next to `file`, named so that removeOrphanTemps can tell whose it is. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `${tempPrefix(file)}${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

async function writeAndSync(temp: string, data: Uint8Array): Promise<FileStamp> {
  const handle = await fs.open(temp, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.chmod(FILE_MODE); // the open mode is filtered by the umask; make sure no other bits survive
    await handle.sync();
    return stampOf(await handle.stat()); // rename keeps inode, size and mtime
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; not supported everywhere (Windows), where it is skipped. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort only
  }
}

/**
 * Deletes temp files left by writers that died between creating and renaming them (SIGKILL, power loss);
 * nothing else ever would. Only files whose writer pid is gone: a live writer may be mid-write.
 */
export async function removeOrphanTemps(file: string, isAlive: (pid: number) => boolean): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = tempPrefix(file);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const orphans = names.filter((name) => {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    return match !== null && !isAlive(Number(match[1]));
  });
  await Promise.all(orphans.map((name) => fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)));
  return orphans;
}

function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}
