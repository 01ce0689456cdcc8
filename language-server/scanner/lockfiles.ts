import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Finding, Manifest } from '../model';
import { readTextCapped } from './ecosystems/read';
import { LockfileError } from './locks/lock-reader';
import type { LockIndex, LockReader } from './locks/lock-reader';
import { composerLockReader, nugetLockReader, pipfileLockReader, swiftResolvedReader } from './locks/json-locks';
import { bunLockReader, packageLockReader, shrinkwrapReader } from './locks/npm';
import { pnpmLockReader } from './locks/pnpm';
import { gemfileLockReader, goSumReader, gradleLockReader, mixLockReader, pubspecLockReader } from './locks/text-locks';
import { cargoLockReader, pdmLockReader, poetryLockReader, uvLockReader } from './locks/toml-packages';
import { yarnLockReader } from './locks/yarn';

/** Every lockfile format, in order of preference where one manifest kind has several. */
export const LOCK_READERS: readonly LockReader[] = [
  packageLockReader, shrinkwrapReader, pnpmLockReader, yarnLockReader, bunLockReader,
  poetryLockReader, uvLockReader, pdmLockReader, pipfileLockReader, cargoLockReader, goSumReader,
  gemfileLockReader, composerLockReader, pubspecLockReader, mixLockReader, swiftResolvedReader,
  nugetLockReader, gradleLockReader,
];

/**
 * Lockfiles of big monorepos reach tens of MB; parsing one blocks the event loop and holds several times its
 * size in memory, so past this size the versions are skipped with a finding.
 */
export const MAX_LOCKFILE_BYTES = 16 * 1024 * 1024;

export interface LockOptions {
  /** For a workspace member: the monorepo root, where the shared lockfile usually is. */
  workspaceRoot?: string;
  maxBytes?: number;
}

type Choice = { reader: LockReader; dir: string };

/**
 * Fills `locked` on the dependencies of `manifests` (in place) and `lockfile` on each manifest whose lockfile
 * was read. A lockfile is looked for beside the project, then at the workspace root. Never throws: unreadable,
 * oversized or malformed lockfiles come back as `lockfile/*` findings.
 */
export async function attachLockedVersions(projectDir: string, manifests: Manifest[], options: LockOptions = {}): Promise<Finding[]> {
  const dirs = [projectDir, options.workspaceRoot].filter((d, i, all): d is string => d !== undefined && all.indexOf(d) === i);
  const listings = await Promise.all(dirs.map(listNames));
  const indexes = new Map<string, Promise<LockIndex | undefined>>();
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const choice = chooseLock(manifest.kind, dirs, listings);
    if (!choice) continue;
    const file = join(choice.dir, choice.reader.file);
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = loadIndex(choice.reader, file, options.maxBytes ?? MAX_LOCKFILE_BYTES, findings)));
    const loaded = await index;
    if (loaded) applyIndex(manifest, loaded, file, relative(choice.dir, projectDir).split(sep).join('/'));
  }
  return findings;
}

function chooseLock(kind: string, dirs: readonly string[], listings: readonly ReadonlySet<string>[]): Choice | undefined {
  for (const [i, dir] of dirs.entries()) {
    const reader = LOCK_READERS.find((r) => r.manifestKinds.includes(kind) && listings[i]?.has(r.file));
    if (reader) return { reader, dir };
  }
  return undefined;
}

async function listNames(dir: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}

async function loadIndex(reader: LockReader, file: string, maxBytes: number, findings: Finding[]): Promise<LockIndex | undefined> {
  // Let other work run between lockfiles: this pass is background work beside a live server.
  await new Promise((resolve) => setImmediate(resolve));
  const read = await readTextCapped(file, reader.file, 'lockfile', maxBytes);
  if (!read.ok) return void findings.push(read.finding);
  try {
    return reader.parse(read.text);
  } catch (error) {
    const line = error instanceof LockfileError ? error.line : undefined;
    const message = error instanceof LockfileError ? error.message : `${reader.file} could not be read: ${String(error)}`;
    return void findings.push({ code: 'lockfile/malformed', severity: 'warning', message, file, ...(line ? { line } : {}) });
  }
}

function applyIndex(manifest: Manifest, index: LockIndex, file: string, member: string): void {
  manifest.lockfile = file;
  for (const dep of manifest.dependencies) {
    const locked = index.version(dep, member);
    if (locked !== undefined) dep.locked = locked;
    else delete dep.locked;
  }
}
