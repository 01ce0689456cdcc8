/**
 * Reads an archive's listing before anything is extracted, so a hostile archive is refused whole instead of
 * half-written. tar's own extractor has similar guards; this is the layer that decides, and tar's is the net.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';

export interface PlannedEntry {
  /** Normalised relative path (`/`-separated, no `.` parts). */
  path: string;
  type: 'File' | 'Directory' | 'SymbolicLink' | 'Link';
  mode: number | undefined;
  size: number;
}

export interface ArchivePlan {
  entries: PlannedEntry[];
  /** Files and links, and the bytes of the files. */
  files: number;
  bytes: number;
  /** Symlinks whose target lies outside the destination (absolute, or climbing out with `..`). */
  externalLinks: ExternalLink[];
}

export interface ExternalLink {
  path: string;
  target: string;
}

/** The archive would write outside the destination or carries what a backup never holds; nothing was written. */
export class UnsafeArchive extends Error {
  constructor(readonly archive: string, readonly problems: string[]) {
    super(`Refusing to restore ${archive}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    this.name = 'UnsafeArchive';
  }
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const MAX_PROBLEMS = 50;

export async function inspectArchive(archive: string, signal?: AbortSignal): Promise<ArchivePlan> {
  const plan: ArchivePlan = { entries: [], files: 0, bytes: 0, externalLinks: [] };
  const problems: string[] = [];
  const seen: Seen = { links: new Map(), files: new Set() };
  await parse(archive, (entry) => {
    const checked = checkEntry(entry, plan, seen);
    if (typeof checked === 'string') {
      if (problems.length < MAX_PROBLEMS) problems.push(checked);
    } else if (checked) addPlanned(plan, checked, seen);
  }, signal);
  problems.push(...throughSymlinks(plan.entries, seen.links));
  if (problems.length > 0) throw new UnsafeArchive(archive, problems);
  return plan;
}

interface Seen {
  /** Symlink path -> target. */
  links: Map<string, string>;
  files: Set<string>;
}

function addPlanned(plan: ArchivePlan, entry: PlannedEntry, seen: Seen): void {
  plan.entries.push(entry);
  if (entry.type === 'File') seen.files.add(entry.path);
  if (entry.type === 'Directory') return;
  plan.files += 1;
  plan.bytes += entry.size;
}

/** A planned entry, null for the archive's own `./` entry, or what is wrong. */
function checkEntry(entry: ReadEntry, plan: ArchivePlan, seen: Seen): PlannedEntry | string | null {
  const rel = normalise(entry.path);
  if (typeof rel !== 'string') return `${JSON.stringify(entry.path)} ${rel.problem}`;
  if (rel === '') return entry.type === 'Directory' ? null : `an entry without a name (${entry.type})`;
  const type = FILE_TYPES.has(entry.type) ? 'File' : entry.type;
  if (type !== 'File' && type !== 'Directory' && type !== 'SymbolicLink' && type !== 'Link') return `${rel} is a ${entry.type} entry, which a backup never holds`;
  if (type === 'Link') {
    const target = normalise(entry.linkpath ?? '');
    if (typeof target !== 'string' || !seen.files.has(target)) return `${rel} is a hard link to ${JSON.stringify(entry.linkpath)}, which is not a file earlier in the archive`;
  }
  if (type === 'SymbolicLink') {
    const target = entry.linkpath ?? '';
    if (target === '' || target.includes('\0')) return `${rel} is a symlink without a usable target`;
    seen.links.set(rel, target);
    if (leavesDestination(rel, target)) plan.externalLinks.push({ path: rel, target });
  }
  return { path: rel, type, mode: entry.mode, size: type === 'File' ? entry.size : 0 };
}

type Normalised = string | { problem: string };

/** The normalised form of an archive path as the plan holds it; '' when it has none. */
export const planKey = (p: string): string => {
  const n = normalise(p);
  return typeof n === 'string' ? n : '';
};

/** Backslashes count as separators too: tar on Windows would treat them so, and a backup never has them in names. */
function normalise(p: string): Normalised {
  if (p.includes('\0')) return { problem: 'has a NUL character in its name' };
  if (/^([a-zA-Z]:)?[\\/]/.test(p)) return { problem: 'is an absolute path' };
  const parts = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) return { problem: "climbs out with '..'" };
  // git metadata would be read (hooks, fsmonitor commands in its config) when the history is restored.
  if (parts.some((s) => s.toLowerCase() === '.git')) return { problem: 'is git metadata (.git), which a backup never holds' };
  return parts.join('/');
}

function leavesDestination(rel: string, target: string): boolean {
  if (/^([a-zA-Z]:)?[\\/]/.test(target)) return true;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target.replace(/\\/g, '/')));
  return resolved === '..' || resolved.startsWith('../');
}

/** Any entry whose path passes through a symlink of the archive would be written wherever that link points. */
function throughSymlinks(entries: readonly PlannedEntry[], links: ReadonlyMap<string, string>): string[] {
  if (links.size === 0) return [];
  const problems: string[] = [];
  for (const entry of entries) {
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length && problems.length < MAX_PROBLEMS; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (links.has(prefix)) {
        problems.push(`${entry.path} would be written through the symlink ${prefix} -> ${links.get(prefix)}`);
        break;
      }
    }
  }
  return problems;
}

/** Feeds the archive to tar's parser; strict, so a damaged archive rejects instead of listing half. */
function parse(archive: string, onEntry: (entry: ReadEntry) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const input = createReadStream(archive);
    const parser = new Parser({ strict: true, onReadEntry: (entry) => (onEntry(entry), entry.resume()) });
    const fail = (error: unknown): void => {
      signal?.removeEventListener('abort', onAbort);
      input.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => fail(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    input.on('error', (e) => fail(new Error(`Cannot read ${archive}: ${e.message}`)));
    parser.on('error', (e: Error) => fail(new Error(`${archive} is not a readable tar.gz archive: ${e.message}`)));
    parser.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    input.pipe(parser);
  });
}
