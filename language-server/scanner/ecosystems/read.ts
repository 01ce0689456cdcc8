import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { lstat, open, readlink } from 'node:fs/promises';
import { readSmallFileSync, type TooLarge } from '../../util/readSmall';
import type { Finding } from '../../model';

/** Which family of finding codes a read problem gets: `manifest/...`, `lockfile/...`, `env/...`, `config/...`. */
export type FileRole = 'manifest' | 'lockfile' | 'env' | 'config';

/** What messages call a file of each role. */
const NOUN: Readonly<Record<FileRole, string>> = { manifest: 'manifest', lockfile: 'lockfile', env: '.env file', config: 'settings file' };

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding; missing: boolean };

/** Manifests (2 MB cap) are read synchronously; lockfiles, which can be tens of megabytes, are not. */
const SYNC_LIMIT = 4 * 1024 * 1024;

/**
 * Reads a small text file that comes from the user's project and may be anything: missing, a folder, a broken
 * symlink, binary, not UTF-8 or far too big. Never throws; every problem becomes a finding naming the file.
 */
export async function readTextCapped(file: string, label: string, role: FileRole, maxBytes: number): Promise<ReadResult> {
  let bytes: Buffer | TooLarge;
  try {
    // Synchronous on purpose: see readSmallFileSync. A lockfile of many megabytes is read off the main thread.
    bytes = maxBytes <= SYNC_LIMIT ? readSmallFileSync(file, maxBytes) : await readAsync(file, maxBytes);
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? openFailure(file, label, role, error) : fail(file, role, 'unreadable', describeError(label, error));
  }
  if ('tooLarge' in bytes) return fail(file, role, 'too-large', `${label} is ${formatSize(bytes.tooLarge)}, over the ${formatSize(maxBytes)} limit for a ${NOUN[role]}, so it was not read`);
  return decode(bytes, file, label, role);
}

async function readAsync(file: string, maxBytes: number): Promise<Buffer | TooLarge> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    if (info.size > maxBytes) return { tooLarge: info.size };
    const all = await handle.readFile();
    return all.length > maxBytes ? { tooLarge: all.length } : all;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function decode(bytes: Buffer, file: string, label: string, role: FileRole): ReadResult {
  const zero = bytes.indexOf(0);
  if (zero >= 0) return fail(file, role, 'malformed', `${label} contains binary data (a zero byte at offset ${zero}), so it is not a readable ${NOUN[role]}`);
  if (!isUtf8(bytes)) return fail(file, role, 'malformed', `${label} is not valid UTF-8 text`);
  const text = bytes.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

async function openFailure(file: string, label: string, role: FileRole, error: unknown): Promise<ReadResult> {
  const code = errorCode(error);
  if (code !== 'ENOENT') return fail(file, role, 'unreadable', describeError(label, error));
  const target = await danglingTarget(file);
  const message = target === undefined
    ? `${label} disappeared while it was being read`
    : `${label} is a symbolic link to "${target}", which does not exist`;
  return { ...fail(file, role, 'unreadable', message), missing: target === undefined };
}

async function danglingTarget(file: string): Promise<string | undefined> {
  try {
    return (await lstat(file)).isSymbolicLink() ? await readlink(file) : undefined;
  } catch {
    return undefined;
  }
}

function describeError(label: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'EISDIR': return `${label} is a folder, not a file`;
    case 'ENOTREG': return `${label} is not a regular file (a pipe, socket or device), so it was not read`;
    case 'EACCES':
    case 'EPERM': return `${label} cannot be read: permission denied`;
    case 'ELOOP': return `${label} is a symbolic link that points back to itself (a link loop)`;
    default: return `${label} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function fail(file: string, role: FileRole, problem: 'unreadable' | 'too-large' | 'malformed', message: string): { ok: false; finding: Finding; missing: false } {
  const severity = role === 'manifest' && problem === 'malformed' ? 'error' : 'warning';
  return { ok: false, missing: false, finding: { code: `${role}/${problem}`, severity, message, file } };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
