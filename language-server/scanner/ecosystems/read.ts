import { isUtf8 } from 'node:buffer';
import { lstat, open, readlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Finding } from '../../model';

/** Which family of finding codes a read problem gets: `manifest/...` or `lockfile/...`. */
export type FileRole = 'manifest' | 'lockfile';

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding; missing: boolean };

/** Most manifests fit in one read; only bigger files pay for a stat. */
const FIRST_CHUNK = 16 * 1024;

/**
 * Reads a small text file that comes from the user's project and may be anything: missing, a folder, a broken
 * symlink, binary, not UTF-8 or far too big. Never throws; every problem becomes a finding naming the file.
 */
export async function readTextCapped(file: string, label: string, role: FileRole, maxBytes: number): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return openFailure(file, label, role, error);
  }
  try {
    const bytes = await readUpTo(handle, maxBytes);
    if (typeof bytes === 'number') return fail(file, role, 'too-large', `${label} is ${formatSize(bytes)}, over the ${formatSize(maxBytes)} limit for a ${role}, so it was not read`);
    return decode(bytes, file, label, role);
  } catch (error) {
    return fail(file, role, 'unreadable', describeError(label, error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Returns the bytes, or the file size when it is over `maxBytes`. */
async function readUpTo(handle: FileHandle, maxBytes: number): Promise<Buffer | number> {
  const first = Buffer.allocUnsafe(Math.min(FIRST_CHUNK, maxBytes + 1));
  const { bytesRead } = await handle.read(first, 0, first.length, 0);
  if (bytesRead < first.length) return first.subarray(0, bytesRead);
  const { size } = await handle.stat();
  if (size > maxBytes) return size;
  const all = await handle.readFile();
  return all.length > maxBytes ? all.length : all;
}

function decode(bytes: Buffer, file: string, label: string, role: FileRole): ReadResult {
  const zero = bytes.indexOf(0);
  if (zero >= 0) return fail(file, role, 'malformed', `${label} contains binary data (a zero byte at offset ${zero}), so it is not a readable ${role}`);
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
