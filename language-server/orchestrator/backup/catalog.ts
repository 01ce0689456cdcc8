import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { safeName } from './backup';
import { isPartialName } from './files';
import { MANIFEST_SUFFIX, besideManifest, parseManifest } from './manifest';
import type { BackupManifest } from './types';

export interface BackupListing {
  manifestPath: string;
  /** ISO 8601: the manifest's time, or the file's modification time when the manifest is damaged. */
  createdAt: string;
  manifest: BackupManifest | null;
  /** Set when the manifest cannot be read or is not a valid manifest; what is wrong with it. */
  damaged?: string;
}

export interface PruneOptions {
  /** How many of the newest backups to keep (at least 1). */
  keep: number;
  /** Also remove backups older than this many days, except the newest one. */
  maxAgeDays?: number;
  /** For tests: the current time. */
  now?: Date;
}

export interface PruneResult {
  removed: BackupListing[];
  kept: BackupListing[];
  /** Leftovers of backups that were killed outright (temporary `.partial` files), removed. */
  leftovers: string[];
}

const DAY_MS = 24 * 60 * 60_000;
/** A `.partial` file this old belongs to no backup still running. */
const STALE_PARTIAL_MS = DAY_MS;

/** Backups under `backupDir` (of one project when `projectDir` is given), newest first; damaged ones are listed too. */
export async function listBackups(backupDir: string, projectDir?: string): Promise<BackupListing[]> {
  const root = path.resolve(backupDir);
  const folders = projectDir === undefined ? await subfolders(root) : [path.join(root, safeName(path.basename(path.resolve(projectDir))))];
  const lists = await Promise.all(folders.map((f) => listFolder(f)));
  const wanted = projectDir === undefined ? null : path.resolve(projectDir);
  return lists
    .flat()
    .filter((b) => wanted === null || b.manifest === null || b.manifest.projectPath === wanted)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.manifestPath < b.manifestPath ? 1 : -1));
}

async function subfolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(root, e.name));
}

async function listFolder(folder: string): Promise<BackupListing[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const manifests = names.filter((n) => n.endsWith(MANIFEST_SUFFIX) && !n.startsWith('.'));
  return Promise.all(manifests.map((n) => describeManifest(path.join(folder, n))));
}

async function describeManifest(manifestPath: string): Promise<BackupListing> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    return damaged(manifestPath, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parseManifest(text);
  if (typeof parsed === 'string') return damaged(manifestPath, parsed);
  return { manifestPath, createdAt: parsed.createdAt, manifest: parsed };
}

async function damaged(manifestPath: string, why: string): Promise<BackupListing> {
  const mtime = await stat(manifestPath).then((s) => s.mtime, () => new Date(0));
  return { manifestPath, createdAt: mtime.toISOString(), manifest: null, damaged: why };
}

/**
 * Retention for one project: keeps the newest `keep`, and drops those older than `maxAgeDays` except the
 * newest (a project left alone for months must not lose its last backup). Damaged backups are never removed:
 * what cannot be read cannot be judged.
 */
export async function pruneBackups(backupDir: string, projectDir: string, opts: PruneOptions): Promise<PruneResult> {
  checkPrune(opts);
  const now = (opts.now ?? new Date()).getTime();
  const all = await listBackups(backupDir, projectDir);
  const valid = all.filter((b) => b.manifest !== null);
  const tooOld = (b: BackupListing): boolean => opts.maxAgeDays !== undefined && now - Date.parse(b.createdAt) > opts.maxAgeDays * DAY_MS;
  const removed = valid.filter((b, i) => i >= opts.keep || (i > 0 && tooOld(b)));
  for (const b of removed) await removeBackup(b);
  const leftovers = await removeStalePartials(path.join(path.resolve(backupDir), safeName(path.basename(path.resolve(projectDir)))), now);
  return { removed, kept: all.filter((b) => !removed.includes(b)), leftovers };
}

function checkPrune(opts: PruneOptions): void {
  if (!Number.isSafeInteger(opts?.keep) || opts.keep < 1) throw new RangeError(`keep must be a whole number of at least 1, not ${String(opts?.keep)}`);
  if (opts.maxAgeDays !== undefined && !(typeof opts.maxAgeDays === 'number' && opts.maxAgeDays > 0)) {
    throw new RangeError(`maxAgeDays must be a positive number of days, not ${String(opts.maxAgeDays)}`);
  }
}

/** Manifest first: a backup interrupted while being removed is then unlisted rather than listed but broken. */
async function removeBackup(b: BackupListing): Promise<void> {
  const m = b.manifest as BackupManifest;
  await rm(b.manifestPath, { force: true });
  await rm(besideManifest(b.manifestPath, m.archive.file), { force: true });
  if (m.bundle) await rm(besideManifest(b.manifestPath, m.bundle.file), { force: true });
}

async function removeStalePartials(folder: string, now: number): Promise<string[]> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter(isPartialName);
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STALE_PARTIAL_MS) {
      await rm(file, { force: true, recursive: true });
      removed.push(file);
    }
  }
  return removed;
}
