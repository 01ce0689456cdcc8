/**
 * The installed packages a package-lock.json (or npm-shrinkwrap.json) pins, with the `dev` flag npm wrote for
 * each: both the npm audit and OSV sources need "which version is at this location, and is it dev-only".
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { readTextCapped } from '../../scanner/ecosystems/read';
import { asRecord, asString, isRecord } from '../../scanner/ecosystems/values';
import { MAX_LOCKFILE_BYTES } from '../../scanner/lockfiles';

export interface LockNode {
  /** Folder as npm names it: `node_modules/a`, `node_modules/a/node_modules/b`, `packages/x/node_modules/c`. */
  location: string;
  /** The package's registry name (an alias `"x": "npm:y@1"` installs `y` under `node_modules/x`). */
  name: string;
  version: string;
  /** npm's `dev` flag: reachable only through devDependencies. `devOptional` does not count as dev-only. */
  dev: boolean;
}

export interface NpmLockfile {
  /** Absolute path of the lockfile read. */
  path: string;
  text: string;
  /** By location. */
  nodes: ReadonlyMap<string, LockNode>;
}

export type LockfileRead = { ok: true; lock: NpmLockfile } | { ok: false; missing: boolean; note: string };

/** npm itself prefers the shrinkwrap when both exist, so the same order is used here. */
export const NPM_LOCKFILES = ['npm-shrinkwrap.json', 'package-lock.json'] as const;

/** The first lockfile npm would use in `projectDir`, or undefined. */
export async function findNpmLockfile(projectDir: string): Promise<string | undefined> {
  for (const name of NPM_LOCKFILES) {
    const file = path.join(projectDir, name);
    if (await access(file).then(() => true, () => false)) return file;
  }
  return undefined;
}

/** Reads and indexes the project's npm lockfile. Never throws: every problem is a note. */
export async function readNpmLockfile(projectDir: string, maxBytes = MAX_LOCKFILE_BYTES): Promise<LockfileRead> {
  const file = await findNpmLockfile(projectDir);
  if (!file) return { ok: false, missing: true, note: `No package-lock.json or npm-shrinkwrap.json in ${projectDir}: npm dependencies were not checked for known vulnerabilities.` };
  const label = path.basename(file);
  const read = await readTextCapped(file, label, 'lockfile', maxBytes);
  if (!read.ok) return { ok: false, missing: false, note: `${read.finding.message}; dependencies were not checked for known vulnerabilities.` };
  const parsed = parseJsonText(read.text);
  if (!parsed.ok) return { ok: false, missing: false, note: `${label} is ${parsed.message}; dependencies were not checked for known vulnerabilities.` };
  if (!isRecord(parsed.value)) return { ok: false, missing: false, note: `${label} does not hold a JSON object; dependencies were not checked for known vulnerabilities.` };
  return { ok: true, lock: { path: file, text: read.text, nodes: lockNodes(parsed.value) } };
}

/** v2/v3 lockfiles list every installed folder under `packages`; v1 (npm 6) only has the nested `dependencies` tree. */
function lockNodes(doc: Record<string, unknown>): Map<string, LockNode> {
  const nodes = new Map<string, LockNode>();
  const packages = asRecord(doc.packages);
  if (packages) for (const [location, entry] of Object.entries(packages)) addPackageEntry(nodes, location, entry);
  else walkV1(nodes, asRecord(doc.dependencies), '');
  return nodes;
}

function addPackageEntry(nodes: Map<string, LockNode>, location: string, entry: unknown): void {
  const at = location.lastIndexOf('node_modules/');
  // The root ("") and workspace folders are the project's own code; links point at an entry listed anyway.
  if (at < 0 || !isRecord(entry) || entry.link === true) return;
  const version = asString(entry.version);
  if (!version) return;
  const name = asString(entry.name) ?? location.slice(at + 'node_modules/'.length);
  nodes.set(location, { location, name, version, dev: entry.dev === true });
}

function walkV1(nodes: Map<string, LockNode>, tree: Record<string, unknown> | undefined, parent: string): void {
  for (const [key, entry] of Object.entries(tree ?? {})) {
    if (!isRecord(entry)) continue;
    const location = `${parent}node_modules/${key}`;
    const pinned = v1Version(key, asString(entry.version));
    if (pinned) nodes.set(location, { location, ...pinned, dev: entry.dev === true });
    walkV1(nodes, asRecord(entry.dependencies), `${location}/`);
  }
}

/** v1 writes aliases as `npm:real-name@1.2.3` in the version field. */
function v1Version(key: string, version: string | undefined): { name: string; version: string } | undefined {
  if (!version) return undefined;
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(version);
  return alias ? { name: alias[1] as string, version: alias[2] as string } : { name: key, version };
}
