/**
 * The installed packages of a JavaScript project, whichever package manager locked them: the one lockfile a
 * project uses is picked in npm's order (npm-shrinkwrap.json, package-lock.json), then pnpm-lock.yaml, then
 * yarn.lock, and read into npm-shaped nodes for the OSV matcher.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { readTextCapped } from '../../scanner/ecosystems/read';
import { MAX_LOCKFILE_BYTES } from '../../scanner/lockfiles';
import type { LockParse, LockedNode } from './lockedNode';
import { NPM_LOCKFILES, readNpmLockfile } from './npmLockfile';
import { parsePnpmLock } from './pnpmLockfile';
import { readRootManifest } from './rootManifest';
import { parseYarnLock } from './yarnLockfile';

export type LockKind = 'npm' | 'pnpm' | 'yarn';

export interface LockedPackages {
  kind: LockKind;
  /** Absolute path of the lockfile read. */
  path: string;
  text: string;
  /** By location: npm's folder (`node_modules/a`), else `<lockfile>:<name>@<version>`. */
  nodes: ReadonlyMap<string, LockedNode>;
  /** What was skipped while reading (single unreadable entries); the rest was read. */
  notes: string[];
}

export type LockedRead = { ok: true; lock: LockedPackages } | { ok: false; missing: boolean; note: string };

const LOCKFILES: readonly { name: string; kind: LockKind }[] = [
  ...NPM_LOCKFILES.map((name) => ({ name, kind: 'npm' as const })),
  { name: 'pnpm-lock.yaml', kind: 'pnpm' },
  { name: 'yarn.lock', kind: 'yarn' },
];

const NOT_CHECKED = 'dependencies were not checked for known vulnerabilities.';

/** Never throws: a missing, oversized or malformed lockfile is a note naming the file. */
export async function readLockedPackages(projectDir: string, maxBytes = MAX_LOCKFILE_BYTES): Promise<LockedRead> {
  const found = await findLockfile(projectDir);
  // No lockfile at all: npm's note, word for word, so that npm audit's identical note merges with it into one.
  if (!found || found.kind === 'npm') return readNpm(projectDir, maxBytes);
  const label = path.basename(found.file);
  const read = await readTextCapped(found.file, label, 'lockfile', maxBytes);
  if (!read.ok) return { ok: false, missing: false, note: `${read.finding.message}; ${NOT_CHECKED}` };
  const parsed = await parseLockText(found.kind, read.text, projectDir);
  if (!parsed.ok) return { ok: false, missing: false, note: `${label} ${parsed.reason}; ${NOT_CHECKED}` };
  const notes = [...parsed.notes, ...cutShort(label, read.text)];
  return { ok: true, lock: { kind: found.kind, path: found.file, text: read.text, nodes: parsed.nodes, notes } };
}

/** Both tools end the file with a line break; a file cut at a line boundary still parses, minus its tail. */
function cutShort(label: string, text: string): string[] {
  if (text === '' || text.endsWith('\n')) return [];
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return [
    `${label} does not end with a line break as pnpm and yarn write it, so it may be cut short: ` +
      `packages listed after line ${lines} would be missing from the check.`,
  ];
}

async function findLockfile(projectDir: string): Promise<{ file: string; kind: LockKind } | undefined> {
  for (const { name, kind } of LOCKFILES) {
    const file = path.join(projectDir, name);
    if (await access(file).then(() => true, () => false)) return { file, kind };
  }
  return undefined;
}

/** A parser bug must not take the server down: it becomes a note like any malformed file. */
async function parseLockText(kind: Exclude<LockKind, 'npm'>, text: string, projectDir: string): Promise<LockParse> {
  try {
    return kind === 'pnpm' ? parsePnpmLock(text) : parseYarnLock(text, await readRootManifest(projectDir));
  } catch (error) {
    return { ok: false, reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function readNpm(projectDir: string, maxBytes: number): Promise<LockedRead> {
  const read = await readNpmLockfile(projectDir, maxBytes);
  if (!read.ok) return read;
  const nodes = new Map<string, LockedNode>();
  for (const [location, node] of read.lock.nodes) nodes.set(location, { ...node, top: location === `node_modules/${node.name}` });
  return { ok: true, lock: { kind: 'npm', path: read.lock.path, text: read.lock.text, nodes, notes: [] } };
}
