/**
 * Writes a checked archive into the destination: tar's Unpack for files and folders, then the modes the
 * backup recorded, then (only when asked) the symlinks that point outside, which tar itself refuses to make.
 */
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { Unpack } from 'tar';
import { planKey, type ArchivePlan, type ExternalLink } from './archiveCheck';
import type { ProgressMeter } from './progress';
import type { RestoreSource } from './restoreSource';

/** How long a cancelled extraction gets to finish the file writes already started before its folder is removed. */
const SETTLE_MS = 3000;

/** Extracts every planned entry except the external symlinks, which `linkExternal` makes on request. */
export async function extract(source: RestoreSource, dest: string, plan: ArchivePlan, meter: ProgressMeter, signal?: AbortSignal): Promise<void> {
  // unpack listens for the abort event, which does not fire again for a signal aborted already.
  signal?.throwIfAborted();
  const external = new Set(plan.externalLinks.map((l) => l.path));
  await unpack(source, dest, plan, external, meter, signal);
  await applyModes(dest, plan);
}

function unpack(source: RestoreSource, dest: string, plan: ArchivePlan, skip: ReadonlySet<string>, meter: ProgressMeter, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let read = 0;
    let files = 0;
    let settled = false;
    const total = Math.max(1, source.archiveBytes);
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const unpack = new Unpack({
      cwd: dest,
      strict: true,
      preserveOwner: false,
      // Our own checksummed backup may hold a huge run of zeros; an unknown archive keeps tar's zip-bomb guard.
      maxDecompressionRatio: source.manifest ? Infinity : undefined,
      // '' is the archive's own `./` entry: the destination's mode is the user's, not the archive's.
      filter: (p) => planKey(p) !== '' && !skip.has(planKey(p)),
      onReadEntry: (entry) => {
        if (entry.type !== 'Directory') meter.set(++files, Math.floor((read / total) * plan.bytes));
      },
    });
    const input = createReadStream(source.archive);
    // Stopping the input lets the write already under way finish, so removing the folder afterwards races nothing.
    const onAbort = (): void => {
      input.unpipe(unpack);
      input.destroy();
      unpack.end();
      const timer = setTimeout(() => finish(signal?.reason), SETTLE_MS);
      unpack.on('close', () => (clearTimeout(timer), finish(signal?.reason)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    input.on('data', (chunk: Buffer | string) => (read += chunk.length));
    input.on('error', (e) => finish(new Error(`Cannot read ${source.archive}: ${e.message}`)));
    unpack.on('error', (e: Error) => {
      if (!signal?.aborted) finish(new Error(`Cannot restore ${source.archive}: ${e.message}`));
    });
    unpack.on('close', () => finish());
    input.pipe(unpack);
  });
}

/**
 * Setuid and setgid never come back: restored by root, an archive's setuid file would be a root-owned setuid
 * program. The sticky bit on a folder is harmless and kept.
 */
const RESTORABLE_MODE = 0o1777;

/** tar creates files through the process umask; a backup should come back with the modes it had. */
async function applyModes(dest: string, plan: ArchivePlan): Promise<void> {
  for (const entry of plan.entries) {
    if (entry.mode === undefined || (entry.type !== 'File' && entry.type !== 'Directory')) continue;
    const file = path.join(dest, entry.path);
    const info = await lstat(file).catch(() => null);
    const mode = entry.mode & RESTORABLE_MODE;
    // lstat, then chmod only a real file or folder: chmod follows symlinks.
    if (info && (info.isFile() || info.isDirectory()) && (info.mode & 0o7777) !== mode) await chmod(file, mode);
  }
}

/**
 * The archive check already refused any entry written through a symlink, so these links are leaves: making
 * them writes nothing outside `dest`. Their parent folders may be missing when the link was alone in one.
 */
export async function linkExternal(dest: string, links: readonly ExternalLink[]): Promise<void> {
  for (const link of links) {
    const at = path.join(dest, link.path);
    await mkdir(path.dirname(at), { recursive: true });
    await symlink(link.target, at);
  }
}
