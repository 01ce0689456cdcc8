/**
 * An npm lockfile as the sync check reads it: what its root package declares (v2/v3 `packages[""]`, or a
 * workspace member's `packages["<folder>"]`) and which version sits at each `node_modules/<name>`.
 * v1 lockfiles (npm 6) have no root record; their top-level `dependencies` give the installs only.
 */
import path from 'node:path';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { asRecord, asString, isRecord } from '../../scanner/ecosystems/values';
import { MAX_LOCKFILE_BYTES } from '../../scanner/lockfiles';
import { cachedParse, fileStamp } from './fileCache';
import { DEPENDENCY_SECTIONS } from './packageJson';

export interface LockedInstall {
  /** The registry name (an alias `"x": "npm:y@1"` installs `y` at node_modules/x). */
  name: string;
  version: string | undefined;
  /** A link to a folder (workspace member, `file:`): it has no registry version to compare. */
  link: boolean;
}

export interface PackageLock {
  path: string;
  lockfileVersion: number;
  /** `packages` keyed by folder, for v2/v3; undefined for v1. */
  packages: Readonly<Record<string, unknown>> | undefined;
  /** v1 only: top-level installs. */
  v1Installs: ReadonlyMap<string, LockedInstall>;
}

/** npm prefers the shrinkwrap when both exist. */
const NAMES = ['npm-shrinkwrap.json', 'package-lock.json'];

export function findPackageLock(dir: string): string | undefined {
  return NAMES.map((n) => path.join(dir, n)).find((f) => fileStamp(f) !== undefined);
}

export function readPackageLock(file: string): Promise<PackageLock | undefined> {
  return cachedParse(file, 'package-lock', MAX_LOCKFILE_BYTES, (text) => parseLock(file, text));
}

function parseLock(file: string, text: string): PackageLock | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const doc = parsed.value;
  const lockfileVersion = typeof doc.lockfileVersion === 'number' ? doc.lockfileVersion : 1;
  const packages = asRecord(doc.packages);
  return { path: file, lockfileVersion, packages, v1Installs: packages ? new Map() : v1Installs(asRecord(doc.dependencies)) };
}

function v1Installs(tree: Record<string, unknown> | undefined): Map<string, LockedInstall> {
  const out = new Map<string, LockedInstall>();
  for (const [key, entry] of Object.entries(tree ?? {})) {
    if (!isRecord(entry)) continue;
    const raw = asString(entry.version);
    const alias = raw ? /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw) : null;
    const link = raw?.startsWith('file:') === true;
    out.set(key, { name: alias?.[1] ?? key, version: link ? undefined : alias?.[2] ?? raw, link });
  }
  return out;
}

/** The ranges the lockfile recorded for the package at `memberKey` ('' for the root); undefined for v1. */
export function lockedDeclarations(lock: PackageLock, memberKey: string): ReadonlyMap<string, string> | undefined {
  if (!lock.packages) return undefined;
  const root = asRecord(lock.packages[memberKey]);
  const out = new Map<string, string>();
  for (const section of DEPENDENCY_SECTIONS) {
    for (const [name, range] of Object.entries(asRecord(root?.[section]) ?? {})) if (typeof range === 'string') out.set(name, range);
  }
  return out;
}

/** What npm installed for `name` as seen from the package at `memberKey`: its own node_modules first, then the root's. */
export function lockedInstall(lock: PackageLock, memberKey: string, name: string): LockedInstall | undefined {
  if (!lock.packages) return lock.v1Installs.get(name);
  for (const location of [...(memberKey ? [`${memberKey}/node_modules/${name}`] : []), `node_modules/${name}`]) {
    const entry = lock.packages[location];
    if (isRecord(entry)) return { name: asString(entry.name) ?? name, version: asString(entry.version), link: entry.link === true };
  }
  return undefined;
}
