import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inspectArchive, type ArchivePlan } from './archiveCheck';
import { extract, linkExternal } from './extract';
import { resolveSource, type RestoreSource } from './restoreSource';
import { restoreHistory } from './gitRestore';
import { ProgressMeter } from './progress';
import { checkStored } from './verify';
import { BackupCancelled, type BackupManifest, type GitSnapshot, type ProgressCallback, type SkippedFile } from './types';

export interface RestoreOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Create symlinks that point outside the destination (skipped and listed by default). */
  allowExternalSymlinks?: boolean;
}

export interface RestoreResult {
  destDir: string;
  files: number;
  bytes: number;
  /** Whether the folder is a git repository again, and whether it has its history back. */
  history: 'restored' | 'empty-repository' | 'none';
  git: GitSnapshot | null;
  /** Entries not created (symlinks leading outside the destination) and why. */
  skipped: SkippedFile[];
  manifest: BackupManifest | null;
}

/**
 * Restores a backup (its manifest, or a bare archive) into an empty or new folder. The archive is checked
 * first (checksums, then every entry's path) so a damaged or hostile one is refused before anything is written;
 * on failure or cancel the destination is left as it was found.
 */
export async function restoreBackup(manifestOrArchive: string, destDir: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  if (typeof destDir !== 'string' || destDir.trim() === '') throw new TypeError('restoreBackup needs a destination folder');
  const source = await resolveSource(manifestOrArchive);
  const dest = path.resolve(destDir);
  const exists = await checkDest(dest);
  const meter = new ProgressMeter(opts.onProgress);
  meter.phase('verifying');
  const plan = await checked(source, opts.signal);
  // mkdir names the first folder it had to create: undo removes from there, parents included.
  const created = exists ? null : ((await makeDest(dest)) ?? dest);
  try {
    meter.phase('restoring', { files: plan.files, bytes: plan.bytes });
    await extract(source, dest, plan, meter, opts.signal);
    if (opts.allowExternalSymlinks) await linkExternal(dest, plan.externalLinks);
    meter.phase('history');
    const history = await restoreGit(dest, source, opts.signal);
    meter.done();
    const skip = opts.allowExternalSymlinks ? [] : plan.externalLinks;
    const skipped = skip.map((l) => ({ path: l.path, reason: `a symlink to ${l.target}, outside the restored folder; not created (allowExternalSymlinks restores it)` }));
    return { destDir: dest, files: plan.files - skip.length, bytes: plan.bytes, history, git: source.manifest?.git ?? null, skipped, manifest: source.manifest };
  } catch (error) {
    await undo(dest, created);
    if (opts.signal?.aborted) throw new BackupCancelled('restore');
    throw error;
  }
}

/** Checksums, then every entry's path: both before the destination is touched. */
async function checked(source: RestoreSource, signal?: AbortSignal): Promise<ArchivePlan> {
  try {
    await checkChecksums(source, signal);
    return await inspectArchive(source.archive, signal);
  } catch (error) {
    if (signal?.aborted) throw new BackupCancelled('restore');
    throw error;
  }
}

/** Whether the destination exists (then it is an empty folder); refuses anything else. */
async function checkDest(dest: string): Promise<boolean> {
  const info = await stat(dest).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new Error(`Cannot restore into ${dest}: ${error.message}`);
  });
  if (info === null) return false;
  if (!info.isDirectory()) throw new Error(`Cannot restore into ${dest}: it is not a folder`);
  if ((await readdir(dest)).length > 0) throw new Error(`Refusing to restore into ${dest}: the folder is not empty`);
  return true;
}

function makeDest(dest: string): Promise<string | undefined> {
  return mkdir(dest, { recursive: true }).catch((error: unknown) => {
    throw new Error(`Cannot create ${dest} to restore into: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Puts the destination back as it was found: the folders we created removed, an empty one emptied again. */
async function undo(dest: string, created: string | null): Promise<void> {
  if (created) return void (await rm(created, { recursive: true, force: true }).catch(() => undefined));
  const names = await readdir(dest).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(path.join(dest, n), { recursive: true, force: true }).catch(() => undefined)));
}

async function checkChecksums(source: RestoreSource, signal?: AbortSignal): Promise<void> {
  const m = source.manifest;
  if (!m) return;
  const checks = [checkStored('archive', source.archive, m.archive, signal)];
  if (m.bundle && source.bundle) checks.push(checkStored('bundle', source.bundle, m.bundle, signal));
  for (const part of await Promise.all(checks)) {
    if (!part.ok) throw new Error(`Refusing to restore: the backup's ${part.part} (${part.file}) ${part.problem}`);
  }
}

async function restoreGit(dest: string, source: RestoreSource, signal?: AbortSignal): Promise<RestoreResult['history']> {
  const git = source.manifest?.git ?? null;
  if (!source.bundle && !git) return 'none';
  await restoreHistory(dest, source.bundle, git, signal);
  return source.bundle ? 'restored' : 'empty-repository';
}
