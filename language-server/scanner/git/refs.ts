import { readFile as readFileCb } from 'node:fs';
import { readSmallFileSync } from '../../util/readSmall';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a work tree's git data lives. For a plain repo both dirs are `<project>/.git`. */
export interface GitDirs {
  workTree: string;
  /** Per-worktree data: HEAD, index. */
  gitDir: string;
  /** Shared data: refs, packed-refs, objects, config. Differs from gitDir only in linked worktrees. */
  commonDir: string;
}

export type HeadRef = { ref: string } | { oid: string };
export type Located = { dirs: GitDirs; head: HeadRef } | { error: string };

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Refs that live in the worktree's own git dir rather than the common dir. */
const PER_WORKTREE_REF = /^refs\/(?:bisect|worktree|rewritten)\//;
/** A reftable repository points HEAD at this name and keeps the real refs in `reftable/`. */
export const REFTABLE_HEAD = 'refs/heads/.invalid';

const errCode = (err: unknown): string => (err as NodeJS.ErrnoException | null)?.code ?? '';
const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Files under .git that are larger than this (a huge packed-refs) are read off the main thread. */
const SYNC_LIMIT = 256 * 1024;

/**
 * Reads a file under .git. Small ones (HEAD, refs, config, loose commits) are read synchronously: see
 * readSmallFileSync for why. A FIFO or device where a file should be is refused, never waited on.
 */
export function readFile(file: string): Promise<Buffer>;
export function readFile(file: string, encoding: 'utf8'): Promise<string>;
export function readFile(file: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    const read = readSmallFileSync(file, SYNC_LIMIT);
    if (!('tooLarge' in read)) return Promise.resolve(encoding ? read.toString('utf8') : read);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    if (encoding) readFileCb(file, encoding, (err, data) => (err ? reject(err) : resolve(data)));
    else readFileCb(file, (err, data) => (err ? reject(err) : resolve(data)));
  });
}

/** Reads a small file; null when it is not there (or is a folder, as a ref that is a prefix of another can be). */
export async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(errCode(err))) return null;
    throw err;
  }
}

/**
 * Finds the git dirs of `projectDir` itself (never of a parent folder) and parses its HEAD. Reads HEAD on the
 * way, because trying `.git/HEAD` first is one file read for the common case. null when there is no `.git`.
 */
export async function locateRepo(projectDir: string): Promise<Located | null> {
  const found = await findGitDirs(projectDir);
  if (!found || 'error' in found) return found;
  const head = parseHeadFile(found.headText);
  if (!head) return { error: `${path.join(found.dirs.gitDir, 'HEAD')} holds neither a ref nor a commit id` };
  return { dirs: found.dirs, head };
}

type Found = { dirs: GitDirs; headText: string } | { error: string };

async function findGitDirs(projectDir: string): Promise<Found | null> {
  const dotGit = path.join(projectDir, '.git');
  try {
    const headText = await readFile(path.join(dotGit, 'HEAD'), 'utf8');
    return { dirs: { workTree: projectDir, gitDir: dotGit, commonDir: dotGit }, headText };
  } catch (err) {
    if (errCode(err) === 'ENOTDIR') return viaGitFile(projectDir, dotGit);
    if (errCode(err) !== 'ENOENT') return { error: `cannot read ${dotGit}: ${errText(err)}` };
  }
  const exists = await stat(dotGit).then(
    () => true,
    () => false,
  );
  return exists ? { error: `${dotGit} has no HEAD file` } : null;
}

/** A `.git` file (`gitdir: <path>`), as linked worktrees and submodules have. */
async function viaGitFile(projectDir: string, dotGit: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(dotGit, 'utf8');
  } catch (err) {
    return { error: `cannot read ${dotGit}: ${errText(err)}` };
  }
  const m = /^gitdir:[ \t]*(.+?)[ \t\r]*$/m.exec(text);
  if (!m?.[1]) return { error: `${dotGit} is a file without a "gitdir:" line` };
  const gitDir = path.resolve(projectDir, m[1]);
  try {
    const headText = await readFile(path.join(gitDir, 'HEAD'), 'utf8');
    const common = (await readOptional(path.join(gitDir, 'commondir')))?.trim();
    const commonDir = common ? path.resolve(gitDir, common) : gitDir;
    return { dirs: { workTree: projectDir, gitDir, commonDir }, headText };
  } catch (err) {
    const missing = errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR';
    return { error: missing ? `${dotGit} points to ${gitDir}, which is not a git dir (no HEAD)` : `cannot read ${gitDir}/HEAD: ${errText(err)}` };
  }
}

/** A ref name safe to turn into a path under the git dir. */
function isRefName(ref: string): boolean {
  return ref.startsWith('refs/') && !ref.endsWith('/') && !ref.endsWith('.lock') && !/\.\.|\/\/|\\|\0/.test(ref);
}

/** Parses the content of HEAD (or of a loose ref): a symbolic ref or a commit id; null for anything else. */
export function parseHeadFile(text: string): HeadRef | null {
  const line = text.trim();
  if (line.startsWith('ref:')) {
    const ref = line.slice(4).trim();
    return isRefName(ref) ? { ref } : null;
  }
  return OID.test(line) ? { oid: line } : null;
}

/** Looks `ref` up in the text of a packed-refs file. */
export function findPackedRef(text: string, ref: string): string | null {
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space === -1 || line.slice(space + 1).trimEnd() !== ref) continue;
    const oid = line.slice(0, space);
    return OID.test(oid) ? oid : null;
  }
  return null;
}

/** Resolves a ref to a commit id from its loose file or packed-refs; null when it does not exist (unborn branch). */
export async function resolveRef(dirs: GitDirs, ref: string, depth = 0): Promise<string | null> {
  const base = PER_WORKTREE_REF.test(ref) ? dirs.gitDir : dirs.commonDir;
  const loose = await readOptional(path.join(base, ref));
  if (loose !== null) {
    const parsed = parseHeadFile(loose);
    if (parsed && 'oid' in parsed) return parsed.oid;
    return parsed && depth < 5 ? resolveRef(dirs, parsed.ref, depth + 1) : null;
  }
  const packed = await readOptional(path.join(dirs.commonDir, 'packed-refs'));
  return packed === null ? null : findPackedRef(packed, ref);
}
