import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDir, FILE_MODE, tempPathFor } from './atomicFile';
import { errnoCode, errorMessage, StoreError } from './errors';

export interface LockOptions {
  /** Give up waiting after this long. Writes hold the lock for milliseconds, so seconds mean something is wrong. */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its holder looks alive (hung process, pid reused, other host). */
  staleMs?: number;
}

export interface LockHandle {
  readonly path: string;
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  host: string;
  at: string;
  token: string;
}

interface Holder {
  raw: string;
  info: LockInfo | undefined;
  ino: number;
  mtimeMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;
/**
 * A lock is only ever created whole (linked from a filled temp file), so one that stays unreadable this long
 * was left by something else: an older Optimus killed between create and write, or a file system that broke it.
 */
const UNREADABLE_STALE_MS = 1_000;
const FIRST_DELAY_MS = 2;
const MAX_DELAY_MS = 50;

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

export async function withLock<T>(lockPath: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(lockPath, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

/**
 * Takes the cross-process lock: a file created with O_EXCL, so exactly one process can create it. Waits with
 * growing, jittered delays (jitter keeps several waiters from retrying in lockstep) and takes over a lock whose
 * holder died or that is older than `staleMs`.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<LockHandle> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + timeoutMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    const handle = await tryCreate(lockPath);
    if (handle) return handle;
    const holder = await readHolder(lockPath);
    const stale = holder !== null && isStale(holder, staleMs);
    if (stale) await takeOver(lockPath, holder);
    const left = deadline - Date.now();
    if (left <= 0) throw timeoutError(lockPath, holder, timeoutMs);
    if (!stale && holder !== null) await sleep(Math.min(left, delay / 2 + Math.random() * delay));
  }
}

async function tryCreate(lockPath: string): Promise<LockHandle | null> {
  const info: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), token: crypto.randomBytes(8).toString('hex') };
  try {
    await createExclusive(lockPath, JSON.stringify(info));
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return null;
    throw new StoreError('lock-failed', `Cannot create the lock file ${lockPath}: ${errorMessage(error)}`);
  }
  // Releasing is best effort: failing the caller's write after it was saved would be a lie. A lock left
  // behind is taken over once its holder exits or it passes staleMs.
  return { path: lockPath, release: once(() => releaseIfOurs(lockPath, info.token).catch(() => undefined)) };
}

/**
 * Publishes the lock with its content in one step: the content goes to a temp file, which is then hard-linked
 * to the lock path (link fails if the path exists, like O_EXCL). A holder killed at any point leaves either no
 * lock or a complete one, never an empty lock that others could only judge by age.
 */
async function createExclusive(lockPath: string, content: string): Promise<void> {
  const temp = tempPathFor(lockPath);
  await writeTemp(temp, content);
  try {
    await fs.link(temp, lockPath);
  } catch (error) {
    if (!LINK_UNSUPPORTED.has(errnoCode(error) ?? '')) throw error;
    await createOpenExclusive(lockPath, content);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** File systems without hard links (some network and FUSE mounts) answer with one of these. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function writeTemp(temp: string, content: string): Promise<void> {
  const write = () => fs.writeFile(temp, content, { flag: 'wx', mode: FILE_MODE });
  await write().catch(async (error: unknown) => {
    if (errnoCode(error) !== 'ENOENT') throw error;
    await ensureDir(path.dirname(temp)); // the folder was removed under us; recreate it and try once more
    await write();
  });
}

/** The fallback where links do not exist: create, then fill; an empty lock is judged stale after a short grace. */
async function createOpenExclusive(lockPath: string, content: string): Promise<void> {
  const handle = await fs.open(lockPath, 'wx', FILE_MODE);
  try {
    await handle.writeFile(content);
  } catch (error) {
    await fs.rm(lockPath, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Only removes the lock if it is still ours: after a takeover (we were too slow) it belongs to someone else. */
async function releaseIfOurs(lockPath: string, token: string): Promise<void> {
  const holder = await readHolder(lockPath);
  if (holder?.info?.token === token) await fs.rm(lockPath, { force: true });
}

async function readHolder(lockPath: string): Promise<Holder | null> {
  try {
    const stats = await fs.stat(lockPath);
    const raw = await fs.readFile(lockPath, 'utf8');
    return { raw, info: parseInfo(raw), ino: stats.ino, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null; // released between our attempt and this read
    throw new StoreError('lock-failed', `Cannot read the lock file ${lockPath}: ${errorMessage(error)}`);
  }
}

/** Content can be empty or partial (left by an older Optimus, or by the create-then-fill fallback). */
function parseInfo(raw: string): LockInfo | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, at, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof at !== 'string' || typeof token !== 'string') return undefined;
    return { pid, host, at, token };
  } catch {
    return undefined;
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  const age = Date.now() - holder.mtimeMs;
  if (age > staleMs) return true;
  if (holder.info === undefined) return age > Math.min(staleMs, UNREADABLE_STALE_MS);
  // A pid only means something on the host that wrote it (the home folder may be shared over the network).
  return holder.info !== undefined && holder.info.host === os.hostname() && !isAlive(holder.info.pid);
}

/** Whether a process with this pid exists on this host. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // exists, but belongs to another user
  }
}

/**
 * Moves the stale lock aside instead of deleting it: if two waiters judge the same lock stale, deleting would
 * let the slower one delete the lock the faster one has just created. After the rename we check that what we
 * moved is the lock we judged; if it is not, we put it back.
 */
async function takeOver(lockPath: string, judged: Holder): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return; // someone else took it over first
    throw new StoreError('lock-failed', `Cannot take over the stale lock ${lockPath}: ${errorMessage(error)}`);
  }
  const moved = await readHolder(aside);
  if (moved && (moved.ino !== judged.ino || moved.raw !== judged.raw)) {
    await fs.link(aside, lockPath).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

function timeoutError(lockPath: string, holder: Holder | null, timeoutMs: number): StoreError {
  const who = holder?.info
    ? `process ${holder.info.pid} on ${holder.info.host} since ${holder.info.at}`
    : 'a process that did not say which (the lock file is empty or unreadable)';
  return new StoreError(
    'lock-timeout',
    `Timed out after ${timeoutMs} ms waiting for the Optimus database lock ${lockPath}, held by ${who}. ` +
      'If no Optimus process is running, delete that lock file.',
  );
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
