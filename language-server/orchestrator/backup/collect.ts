import type { Stats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from '../../scanner/git/run';
import type { GitDirs } from '../../scanner/git/refs';
import { SKIP_DIRS, isVirtualEnv } from '../../scanner/markers';
import { mapLimit } from '../../util/limit';
import type { ProgressMeter } from './progress';
import type { SkippedFile } from './types';

export interface ArchiveEntry {
  /** Relative, `/`-separated: the name inside the archive. */
  rel: string;
  abs: string;
  kind: 'file' | 'dir' | 'symlink';
  size: number;
  mode: number;
  mtime: Date;
  target?: string;
}

export interface Collected {
  entries: ArchiveEntry[];
  skipped: SkippedFile[];
  /** Dependency/build folders left out on purpose (folder mode). */
  excluded: string[];
  files: number;
  bytes: number;
}

/** lstat is cheap but not free on network drives; this many in flight keeps a local disk busy. */
const STAT_CONCURRENCY = 32;
const LIST_BUDGET_MS = 10 * 60_000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What git would commit: tracked files plus untracked ones that are not ignored. */
export async function collectGitFiles(dirs: GitDirs, exclude: string | null, meter: ProgressMeter, signal?: AbortSignal): Promise<Collected> {
  const chunks: Buffer[] = [];
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  // Collected here rather than by runGit, whose 8 MB cap a repository of a few hundred thousand files passes.
  const result = await runGit(args, { dirs, deadline: Date.now() + LIST_BUDGET_MS, signal, onStdout: (c) => chunks.push(c) });
  if (!result.ok) throw new Error(`Cannot list the files of ${dirs.workTree}: ${result.error}`);
  const out = emptyCollected();
  const names = new Set<string>();
  for (const raw of splitNul(Buffer.concat(chunks))) {
    // git lists a nested repository it does not track as `name/`; the entry is the folder itself.
    const rel = decodeName(raw)?.replace(/\/+$/, '') ?? null;
    if (rel === null) out.skipped.push({ path: raw.toString('utf8'), reason: 'its name is not valid UTF-8, so it cannot be archived portably' });
    else if (!isUnder(rel, exclude)) names.add(rel);
  }
  const sorted = [...names].sort();
  const described = await mapLimit(sorted, STAT_CONCURRENCY, (rel) => describe(dirs.workTree, rel, 'git', signal));
  // A tracked file deleted in the working tree (or skipped by a sparse checkout) is not missing from the
  // backup: its content is in the bundle, and the restored `git status` shows it deleted, as the original does.
  for (const d of described) if (!isGone(d)) addDescribed(out, d, meter);
  return out;
}

/** The whole folder except dependency/build folders and virtualenvs; symlinks are kept as links, never followed. */
export async function collectFolder(root: string, exclude: string | null, meter: ProgressMeter, signal?: AbortSignal): Promise<Collected> {
  const out = emptyCollected();
  const pending: { rel: string; names: string[] }[] = [];
  const rootNames = await listDir(root, '', out);
  if (rootNames) pending.push({ rel: '', names: rootNames });
  for (let dir = pending.pop(); dir; dir = pending.pop()) {
    const rels = dir.names.map((name) => join(dir.rel, name));
    for (const rel of rels.filter((r) => isUnder(r, exclude))) out.excluded.push(rel);
    const described = await mapLimit(rels.filter((r) => !isUnder(r, exclude)), STAT_CONCURRENCY, (rel) => describe(root, rel, 'folder', signal));
    for (const d of described) {
      if ('kind' in d && d.kind === 'dir') await addDir(root, d, out, pending);
      else addDescribed(out, d, meter);
    }
  }
  out.entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

async function addDir(root: string, entry: ArchiveEntry, out: Collected, pending: { rel: string; names: string[] }[]): Promise<void> {
  if (SKIP_DIRS.has(path.posix.basename(entry.rel))) return void out.excluded.push(entry.rel);
  const names = await listDir(root, entry.rel, out);
  if (names === null) return;
  if (isVirtualEnv(names)) return void out.excluded.push(entry.rel);
  out.entries.push(entry);
  pending.push({ rel: entry.rel, names });
}

async function listDir(root: string, rel: string, out: Collected): Promise<string[] | null> {
  try {
    return (await readdir(path.join(root, rel))).sort();
  } catch (error) {
    out.skipped.push({ path: rel || '.', reason: `folder not readable (${errorCode(error)})` });
    return null;
  }
}

type Described = ArchiveEntry | SkippedFile;

const GONE = 'gone from the working tree (deleted or moved while listing)';
const isGone = (d: Described): boolean => !('kind' in d) && d.reason === GONE;

async function describe(root: string, rel: string, mode: 'git' | 'folder', signal?: AbortSignal): Promise<Described> {
  signal?.throwIfAborted();
  const abs = path.join(root, rel);
  let stat: Stats;
  try {
    stat = await lstat(abs);
  } catch (error) {
    const code = errorCode(error);
    const reason = code === 'ENOENT' ? GONE : `not readable (${code})`;
    return { path: rel, reason };
  }
  const base = { rel, abs, size: 0, mode: stat.mode & 0o7777, mtime: stat.mtime };
  if (stat.isFile()) return { ...base, kind: 'file', size: stat.size };
  if (stat.isSymbolicLink()) return readLink(base);
  if (stat.isDirectory()) {
    if (mode === 'folder') return { ...base, kind: 'dir' };
    return { path: rel, reason: 'a submodule or nested repository; back it up on its own' };
  }
  return { path: rel, reason: `${specialKind(stat)}: not a file that can be archived` };
}

async function readLink(base: Omit<ArchiveEntry, 'kind'>): Promise<Described> {
  try {
    return { ...base, kind: 'symlink', target: await readlink(base.abs) };
  } catch (error) {
    return { path: base.rel, reason: `symlink not readable (${errorCode(error)})` };
  }
}

function addDescribed(out: Collected, d: Described, meter: ProgressMeter): void {
  if (!('kind' in d)) return void out.skipped.push(d);
  out.entries.push(d);
  out.files += 1;
  out.bytes += d.size;
  meter.add(1, d.size);
}

function specialKind(stat: Stats): string {
  if (stat.isSocket()) return 'a socket';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'an unknown kind of file';
}

const emptyCollected = (): Collected => ({ entries: [], skipped: [], excluded: [], files: 0, bytes: 0 });
const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
const isUnder = (rel: string, exclude: string | null): boolean => exclude !== null && (rel === exclude || rel.startsWith(`${exclude}/`));
export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));

function* splitNul(buf: Buffer): Generator<Buffer> {
  let start = 0;
  for (let i = buf.indexOf(0, start); i !== -1; i = buf.indexOf(0, start)) {
    if (i > start) yield buf.subarray(start, i);
    start = i + 1;
  }
  if (start < buf.length) yield buf.subarray(start);
}

function decodeName(raw: Buffer): string | null {
  try {
    return strictUtf8.decode(raw);
  } catch {
    return null;
  }
}
