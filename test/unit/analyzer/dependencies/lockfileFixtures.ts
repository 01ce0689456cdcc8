import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LockedNode } from '../../../../language-server/analyzer/dependencies/lockedNode';
import { readLockedPackages } from '../../../../language-server/analyzer/dependencies/lockedPackages';
import type { LockedPackages } from '../../../../language-server/analyzer/dependencies/lockedPackages';
import { FIXTURES } from './helpers';

/** Lockfiles written by the real tools for one package.json; see fixtures/lockfiles/README.md. */
export const LOCKFILES = path.join(FIXTURES, 'lockfiles');

/** The same project (fixtures/lockfiles/<kind>/package.json) locked by each tool. */
export const SAME_PROJECT = ['npm', 'yarn-v1', 'yarn-berry-v6', 'yarn-berry-v8', 'pnpm-v5', 'pnpm-v6', 'pnpm-v9'] as const;

export async function copyFixture(name: string, dir: string): Promise<void> {
  await cp(path.join(LOCKFILES, name), dir, { recursive: true });
}

export async function fixtureText(name: string, file: string): Promise<string> {
  return readFile(path.join(LOCKFILES, name, file), 'utf8');
}

/** [name, version, dev, top], sorted: what every reader must agree on whatever the lockfile. */
export type Row = [string, string, boolean, boolean];

export function rows(nodes: Iterable<LockedNode>): Row[] {
  return [...nodes].map((n): Row => [n.name, n.version, n.dev, n.top]).sort(byNameVersion);
}

function byNameVersion(a: Row, b: Row): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * The versions and dev flags npm 11 wrote in package-lock.json for that package.json: mkdirp and the minimist it
 * brings are dev-only; ms 2.0.0 is in devDependencies but debug needs it at runtime; my-ms is an alias of ms 0.7.0.
 * `top` is the version package.json names (npm's own nodes are top when hoisted, which is most of them).
 */
export const SAME_PROJECT_ROWS: Row[] = [
  ['@isaacs/string-locale-compare', '1.1.0', false, true],
  ['debug', '2.6.8', false, true],
  ['js-tokens', '4.0.0', false, false],
  ['loose-envify', '1.4.0', false, false],
  ['minimist', '0.0.8', true, false],
  ['mkdirp', '0.5.1', true, true],
  ['ms', '0.7.0', false, false],
  ['ms', '2.0.0', false, true],
  ['react', '18.2.0', false, true],
  ['react-dom', '18.2.0', false, true],
  ['scheduler', '0.23.2', false, false],
];

export async function readOk(dir: string, maxBytes?: number): Promise<LockedPackages> {
  const read = await readLockedPackages(dir, maxBytes);
  assert.ok(read.ok, read.ok ? '' : read.note);
  return read.lock;
}

export async function readNote(dir: string, maxBytes?: number): Promise<string> {
  const read = await readLockedPackages(dir, maxBytes);
  assert.ok(!read.ok, 'the lockfile should not have been read');
  return read.note;
}

/** The lockfile line a node says it is on. */
export function lineOf(lock: LockedPackages, node: LockedNode | undefined): string {
  assert.ok(node?.line, `no line for ${node?.location}`);
  return lock.text.split(/\r?\n/)[node.line - 1] ?? '';
}
