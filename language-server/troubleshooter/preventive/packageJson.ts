/** The parts of a package.json the preventive checks read, from a file that may hold anything. */
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { asRecord, asString, asStrings, isRecord } from '../../scanner/ecosystems/values';
import { cachedParse, fileStamp } from './fileCache';
import { isInside } from './paths';

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
export type DependencySection = (typeof DEPENDENCY_SECTIONS)[number];

export interface DeclaredDependency {
  name: string;
  /** As written; '' when it is not a string. */
  range: string;
  section: DependencySection;
}

export interface PackageJson {
  /** Absolute path of the file. */
  path: string;
  dir: string;
  text: string;
  name?: string;
  /** `"type"` as written, when it is a string. */
  type?: string;
  /** By name; a name in several sections keeps the first of DEPENDENCY_SECTIONS. */
  dependencies: ReadonlyMap<string, DeclaredDependency>;
  engines: Readonly<Record<string, string>>;
  scripts: Readonly<Record<string, string>>;
  /** Subpath imports (`#x`) are declared: such specifiers are the package's own files. */
  hasImports: boolean;
  /** Workspace globs (npm/yarn `workspaces`, as an array or `{ packages }`). */
  workspaces: string[];
  /** corepack's `packageManager`, e.g. `pnpm@9.1.0`. */
  packageManager?: string;
}

export function parsePackageJson(file: string, text: string): PackageJson | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const doc = parsed.value;
  return {
    path: file, dir: path.dirname(file), text,
    name: asString(doc.name), type: asString(doc.type),
    dependencies: declared(doc), engines: stringMap(doc.engines), scripts: stringMap(doc.scripts),
    hasImports: isRecord(doc.imports),
    workspaces: Array.isArray(doc.workspaces) ? asStrings(doc.workspaces) : asStrings(asRecord(doc.workspaces)?.packages),
    packageManager: asString(doc.packageManager),
  };
}

function declared(doc: Record<string, unknown>): Map<string, DeclaredDependency> {
  const out = new Map<string, DeclaredDependency>();
  for (const section of DEPENDENCY_SECTIONS) {
    for (const [name, range] of Object.entries(asRecord(doc[section]) ?? {})) {
      if (!out.has(name)) out.set(name, { name, range: typeof range === 'string' ? withoutCredentials(range.trim()) : '', section });
    }
  }
  return out;
}

/**
 * A git or tarball URL may carry a token (`git+https://x-access-token:ghp_…@github.com/…`); ranges end up in
 * findings, so the credentials go. Such ranges are never compared as versions, so nothing else changes.
 */
function withoutCredentials(range: string): string {
  return range.replace(/\/\/[^/@\s]+@/g, '//***@');
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(asRecord(value) ?? {})) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The package.json in `dir`, cached by file stamp; undefined when missing or not a JSON object. */
export function readPackageJson(dir: string): Promise<PackageJson | undefined> {
  const file = path.join(dir, 'package.json');
  return cachedParse(file, 'package.json', MAX_MANIFEST_BYTES, (text) => parsePackageJson(file, text));
}

const unsaved = new Map<string, { text: string; value: PackageJson | undefined }>();

/** As readPackageJson, but from the editor's text when one is given (it may not be saved yet). */
export async function packageJsonIn(dir: string, text?: string): Promise<PackageJson | undefined> {
  if (text === undefined) return readPackageJson(dir);
  const file = path.join(dir, 'package.json');
  const known = unsaved.get(file);
  if (known?.text === text) return known.value;
  const value = parsePackageJson(file, text);
  unsaved.delete(file);
  unsaved.set(file, { text, value });
  if (unsaved.size > 20) unsaved.delete(unsaved.keys().next().value as string);
  return value;
}

/**
 * The package.json that governs files in `fromDir`: the nearest one, looking no higher than `stopDir`.
 * A nearest one that is malformed gives undefined: the file's package cannot be known.
 */
export async function nearestPackageJson(fromDir: string, stopDir: string): Promise<PackageJson | undefined> {
  const stop = path.resolve(stopDir);
  if (!isInside(path.resolve(fromDir), stop)) return undefined;
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    if (fileStamp(path.join(dir, 'package.json'))) return readPackageJson(dir);
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}
