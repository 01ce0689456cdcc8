/**
 * Where a dependency finding points: the dependency's line in package.json when the project declares it (that is
 * where the user changes the version), else its entry in the lockfile (a transitive package has no other line).
 * npm entries are found by their folder key; yarn and pnpm readers know their entries' lines already.
 */
import path from 'node:path';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { readTextCapped } from '../../scanner/ecosystems/read';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';
import { LineIndex } from '../security/lineIndex';
import type { LockNode } from './npmLockfile';
import { MAX_MANIFEST_BYTES } from './rootManifest';

export interface Place {
  path: string;
  line: number;
}

export interface DependencyPlaces {
  /** package.json declares the name in any dependency section. */
  declares(name: string): boolean;
  /** For the package installed at `location` (a key of the lockfile's nodes). */
  place(name: string, location: string | undefined): Place;
}

/** An npm lockfile as npmLockfile.ts reads it, or any lockfile as lockedPackages.ts does. */
export interface PlacedLockfile {
  path: string;
  text: string;
  nodes: ReadonlyMap<string, LockNode & { top?: boolean; line?: number }>;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

export async function dependencyPlaces(projectDir: string, lock: PlacedLockfile): Promise<DependencyPlaces> {
  const manifestPath = path.join(projectDir, 'package.json');
  const manifest = await readManifest(manifestPath);
  const lockLines = lazy(() => new LineIndex(lock.text));
  const manifestLines = lazy(() => new LineIndex(manifest.text));
  const declares = (name: string): boolean => manifest.declared.has(name);
  return {
    declares,
    place(name, location) {
      const node = location === undefined ? undefined : lock.nodes.get(location);
      const topLevel = location === undefined || location === `node_modules/${name}` || node?.top === true;
      if (declares(name) && topLevel) return { path: manifestPath, line: keyLine(manifest.text, name, manifestLines) };
      return { path: lock.path, line: location === undefined ? 1 : node?.line ?? keyLine(lock.text, location, lockLines) };
    },
  };
}

async function readManifest(file: string): Promise<{ text: string; declared: ReadonlySet<string> }> {
  const read = await readTextCapped(file, 'package.json', 'manifest', MAX_MANIFEST_BYTES);
  const parsed = read.ok ? parseJsonText(read.text) : undefined;
  if (!read.ok || !parsed?.ok || !isRecord(parsed.value)) return { text: '', declared: new Set() };
  const doc = parsed.value;
  const declared = new Set(SECTIONS.flatMap((section) => Object.keys(asRecord(doc[section]) ?? {})));
  return { text: read.text, declared };
}

/** 1-based line of the first `"key":` in the text; 1 when absent. Keys are matched as written (npm writes them unescaped). */
export function keyLine(text: string, key: string, lines: () => LineIndex): number {
  const quoted = JSON.stringify(key);
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    if (/^\s*:/.test(text.slice(at + quoted.length, at + quoted.length + 16))) return lines().lineAt(at) + 1;
  }
  return 1;
}

/** Line indexes of a lockfile cost a pass over megabytes: built only when a finding needs one. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
