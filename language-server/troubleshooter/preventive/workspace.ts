/**
 * The monorepo a project belongs to: the nearest folder (the project's or above) whose package.json declares
 * `workspaces` or that holds pnpm-workspace.yaml, and the package names of its members, which import each other
 * through links rather than through the registry.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseYamlText } from '../../scanner/ecosystems/parse';
import { asStrings, at } from '../../scanner/ecosystems/values';
import { cachedParse, fileStamp } from './fileCache';
import { readPackageJson, type PackageJson } from './packageJson';
import { ancestors } from './paths';

export interface Workspace {
  root: string;
  manifest: PackageJson | undefined;
  memberNames: ReadonlySet<string>;
}

/** A project nests a few levels below its monorepo root at most. */
const MAX_LEVELS_UP = 6;
/** `packages/**` is walked this deep; deeper members are rare and the walk is on every keystroke. */
const MAX_GLOB_DEPTH = 3;
/** Member lists change when folders are added, which no file stamp shows; a short memo keeps typing cheap. */
const MEMO_MS = 2000;

const memo = new Map<string, { at: number; value: Workspace | undefined }>();

export async function workspaceOf(projectDir: string): Promise<Workspace | undefined> {
  const key = path.resolve(projectDir);
  const known = memo.get(key);
  if (known && Date.now() - known.at < MEMO_MS) return known.value;
  const value = await findWorkspace(key);
  memo.set(key, { at: Date.now(), value });
  if (memo.size > 200) memo.delete(memo.keys().next().value as string);
  return value;
}

async function findWorkspace(projectDir: string): Promise<Workspace | undefined> {
  for (const dir of ancestors(projectDir).slice(0, MAX_LEVELS_UP + 1)) {
    const globs = await workspaceGlobs(dir);
    if (globs.length === 0) continue;
    const manifest = await readPackageJson(dir);
    return { root: dir, manifest, memberNames: await memberNames(dir, globs) };
  }
  return undefined;
}

async function workspaceGlobs(dir: string): Promise<string[]> {
  const pnpm = path.join(dir, 'pnpm-workspace.yaml');
  if (fileStamp(pnpm)) {
    const globs = await cachedParse(pnpm, 'pnpm-workspace', MAX_MANIFEST_BYTES, (text) => {
      const parsed = parseYamlText(text);
      return parsed.ok ? asStrings(at(parsed.value, 'packages')) : undefined;
    });
    if (globs && globs.length > 0) return globs;
  }
  if (!fileStamp(path.join(dir, 'package.json'))) return [];
  return (await readPackageJson(dir))?.workspaces ?? [];
}

async function memberNames(root: string, globs: readonly string[]): Promise<Set<string>> {
  const excluded = new Set(globs.filter((g) => g.startsWith('!')).flatMap((g) => expand(root, g.slice(1))));
  const dirs = globs.filter((g) => !g.startsWith('!')).flatMap((g) => expand(root, g)).filter((d) => !excluded.has(d));
  const names = new Set<string>();
  for (const dir of new Set(dirs)) {
    const name = (await readPackageJson(dir))?.name;
    if (name) names.add(name);
  }
  return names;
}

/** Folders a workspace glob names: literal segments, `*` and `**`; other glob syntax is read as literal. */
export function expand(root: string, glob: string): string[] {
  const parts = glob.replace(/^\.\//, '').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return [];
  let current = [root];
  for (const part of parts) {
    if (part === '**') current = current.flatMap((d) => [d, ...descendants(d, MAX_GLOB_DEPTH)]);
    else if (part.includes('*')) current = current.flatMap((d) => subfolders(d).filter((n) => globMatch(part, n)).map((n) => path.join(d, n)));
    else current = current.map((d) => path.join(d, part));
  }
  return current;
}

function descendants(dir: string, depth: number): string[] {
  if (depth === 0) return [];
  return subfolders(dir).flatMap((n) => [path.join(dir, n), ...descendants(path.join(dir, n), depth - 1)]);
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function globMatch(pattern: string, name: string): boolean {
  const source = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(name);
}
