import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIP_DIRS } from './markers';

/**
 * Folder globs as workspace tools write them (`packages/*`, `apps/**`, `tools/cli`, `!packages/legacy`), matched
 * against real folders. `*` and `?` stay within one path part, `**` spans any number of parts, `{a,b}` is either.
 * Wildcards never enter SKIP_DIRS or hidden folders, and `**` neither follows symlinks nor goes deeper than
 * MAX_DEPTH, so a pattern cannot wander through node_modules or loop.
 */
const MAX_DEPTH = 8;
/** Upper bound on folders listed for one expansion; a workspace glob that needs more is a mistake. */
const MAX_LISTINGS = 5000;

type Walk = { base: string; found: Set<string>; listings: number };

/** Relative ('/'-separated) paths of the folders under `base` that match, without the negated ones, sorted. */
export async function expandFolderPatterns(base: string, patterns: readonly string[]): Promise<string[]> {
  const positive = patterns.filter((p) => !p.startsWith('!')).map(normalise).filter((p) => p !== '');
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => patternToRegExp(normalise(p.slice(1))));
  const walk: Walk = { base, found: new Set(), listings: 0 };
  for (const pattern of positive) await visit(walk, '', pattern.split('/'), 0, 0);
  const kept = [...walk.found].filter((rel) => rel !== '' && !negative.some((re) => re.test(rel)));
  const folders = await Promise.all(kept.map(async (rel) => ((await isFolder(join(base, rel))) ? rel : undefined)));
  return folders.filter((rel): rel is string => rel !== undefined).sort();
}

async function visit(walk: Walk, rel: string, parts: readonly string[], index: number, depth: number): Promise<void> {
  if (index === parts.length) return void walk.found.add(rel);
  const part = parts[index] ?? '';
  if (part === '**') {
    await visit(walk, rel, parts, index + 1, depth);
    if (depth >= MAX_DEPTH) return;
    for (const child of await children(walk, rel, false)) await visit(walk, joinRel(rel, child), parts, index, depth + 1);
  } else if (isWildcard(part)) {
    const re = segmentRegExp(part);
    for (const child of await children(walk, rel, true)) if (re.test(child)) await visit(walk, joinRel(rel, child), parts, index + 1, depth);
  } else {
    await visit(walk, joinRel(rel, part), parts, index + 1, depth);
  }
}

/** Sub-folders a wildcard may enter; symlinked folders count only where `followLinks` (never under `**`). */
async function children(walk: Walk, rel: string, followLinks: boolean): Promise<string[]> {
  if (walk.listings++ >= MAX_LISTINGS) return [];
  let entries: Dirent[];
  try {
    entries = await readdir(join(walk.base, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const candidates = entries.filter((e) => !e.name.startsWith('.') && !SKIP_DIRS.has(e.name));
  const kept = await Promise.all(candidates.map(async (e) =>
    e.isDirectory() || (followLinks && e.isSymbolicLink() && (await isFolder(join(walk.base, rel, e.name)))) ? e.name : undefined));
  return kept.filter((n): n is string => n !== undefined).sort();
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function normalise(pattern: string): string {
  return pattern.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/').replace(/^\.$/, '');
}

function joinRel(rel: string, part: string): string {
  if (part === '.' || part === '') return rel;
  return rel === '' ? part : `${rel}/${part}`;
}

function isWildcard(part: string): boolean {
  return /[*?{]/.test(part);
}

function segmentSource(part: string): string {
  return part.replace(/[.+^$()|\\[\]]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
    .replace(/\{([^}]*)\}/g, (_, alts: string) => `(?:${alts.split(',').join('|')})`);
}

function segmentRegExp(part: string): RegExp {
  return new RegExp(`^${segmentSource(part)}$`);
}

/** A whole-path pattern; a trailing `/**` also matches the folder itself, as in the JS workspace tools. */
export function patternToRegExp(pattern: string): RegExp {
  const parts = pattern.split('/');
  let source = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**' && last) source = source === '' ? '.*' : `${source.replace(/\/$/, '')}(?:/.*)?`;
    else if (part === '**') source += '(?:[^/]+/)*';
    else source += segmentSource(part) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}
