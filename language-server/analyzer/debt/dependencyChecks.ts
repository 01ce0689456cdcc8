import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dependency, Manifest, Project } from '../../model';
import type { AnalyzerFinding } from '../types';
import { pinKind, UNPINNED } from './dependencyPins';
import { projectFinding } from './projectFinding';

/** Lockfiles by manifest kind, for the ecosystems where committing one is the norm. */
const LOCKFILES: Readonly<Record<string, readonly string[]>> = {
  'package.json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'],
  Pipfile: ['Pipfile.lock'],
  'composer.json': ['composer.lock'],
  Gemfile: ['Gemfile.lock'],
  'Cargo.toml': ['Cargo.lock'],
  'pubspec.yaml': ['pubspec.lock'],
  'mix.exs': ['mix.lock'],
};

export interface DependencyCheckOptions {
  /** Latest published version by package name, when known without the network; no outdated check otherwise. */
  latestVersions?: Readonly<Record<string, string>>;
  /** Folders besides the manifest's where a shared lockfile may be (monorepo root, git root). */
  lockfileDirs?: readonly string[];
}

/**
 * `debt/unpinned-dependency` for `*`, registry tags and branch-following git dependencies; `debt/missing-lockfile`
 * for a manifest whose ranges are pinned by no lockfile; `debt/outdated-dependency` (a major version or more
 * behind) only when `latestVersions` is given. Peer dependencies are ranges by design and are left out.
 */
export async function dependencyFindings(project: Project, options: DependencyCheckOptions = {}): Promise<{ findings: AnalyzerFinding[]; notes: string[] }> {
  const findings: AnalyzerFinding[] = [];
  for (const manifest of project.dependencies.manifests) {
    const deps = manifest.dependencies.filter((d) => d.kind !== 'peer');
    const lines = await manifestLines(manifest.path);
    for (const dep of deps) if (UNPINNED.has(pinKind(dep.range, manifest.kind))) findings.push(unpinned(manifest, dep, lines));
    const lockless = await missingLockfile(manifest, deps, options.lockfileDirs ?? []);
    if (lockless) findings.push(lockless);
    if (options.latestVersions) findings.push(...outdated(manifest, deps, options.latestVersions, lines));
  }
  const notes = options.latestVersions ? [] : ['Outdated dependencies were not checked (the registry check is off).'];
  return { findings, notes };
}

function unpinned(manifest: Manifest, dep: Dependency, lines: readonly string[]): AnalyzerFinding {
  const what = dep.range.trim() === '' || dep.range === '*' ? 'any version (`*`)' : `\`${dep.range}\``;
  const message = `${dep.name} accepts ${what}: each fresh install may bring a different, possibly breaking, version; pin a version range or a commit.`;
  return projectFinding('debt/unpinned-dependency', manifest.path, message, { line: lineOf(lines, dep.name), data: { dependency: dep.name, range: dep.range } });
}

async function missingLockfile(manifest: Manifest, deps: readonly Dependency[], extraDirs: readonly string[]): Promise<AnalyzerFinding | null> {
  const names = LOCKFILES[manifest.kind];
  if (!names || manifest.lockfile) return null;
  const floating = deps.filter((d) => ['range', 'wildcard', 'tag', 'git'].includes(pinKind(d.range, manifest.kind))).length;
  if (floating === 0) return null;
  const dirs = [path.dirname(manifest.path), ...extraDirs];
  for (const dir of dirs) for (const name of names) if (await exists(path.join(dir, name))) return null;
  const message = `${floating} dependenc${floating === 1 ? 'y is' : 'ies are'} given as ranges and no lockfile (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}) pins them: installs are not reproducible; generate and commit one.`;
  return projectFinding('debt/missing-lockfile', manifest.path, message, { data: { count: floating } });
}

function outdated(manifest: Manifest, deps: readonly Dependency[], latest: Readonly<Record<string, string>>, lines: readonly string[]): AnalyzerFinding[] {
  const out: AnalyzerFinding[] = [];
  for (const dep of deps) {
    const newest = Object.hasOwn(latest, dep.name) ? latest[dep.name] : undefined;
    const current = dep.locked ?? dep.range;
    const behind = newest === undefined ? 0 : majorsBehind(current, newest);
    if (behind <= 0) continue;
    const message = `${dep.name} ${current} is ${behind} major version${behind === 1 ? '' : 's'} behind ${newest}: upgrades get harder and fixes stop coming.`;
    out.push(projectFinding('debt/outdated-dependency', manifest.path, message, { line: lineOf(lines, dep.name), data: { dependency: dep.name, latest: newest ?? '', majorsBehind: behind } }));
  }
  return out;
}

/** `[major, minor]` of a version, or of a range's first (lowest) version. */
function versionParts(version: string): [number, number] | null {
  const m = /(\d+)(?:\.(\d+))?/.exec(version);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

/**
 * Breaking releases between two versions: the difference of majors, where each `0.y` minor is a breaking step
 * of its own (as semver has it), so 0.3 → 0.5 is 2 behind and 0.3 → 2.0 is 2 behind.
 */
export function majorsBehind(current: string, latest: string): number {
  const a = versionParts(current);
  const b = versionParts(latest);
  if (!a || !b) return 0;
  if (a[0] === 0 && b[0] === 0) return Math.max(0, b[1] - a[1]);
  return Math.max(0, b[0] - a[0]);
}

async function manifestLines(file: string): Promise<string[]> {
  try {
    const text = await readFile(file, 'utf8');
    return text.length > 1_000_000 ? [] : text.split('\n');
  } catch {
    return [];
  }
}

/** The line declaring a dependency: its quoted name, or the name at a line's start; 1 when not found. */
function lineOf(lines: readonly string[], name: string): number {
  const quoted = lines.findIndex((l) => l.includes(`"${name}"`) || l.includes(`'${name}'`));
  if (quoted !== -1) return quoted + 1;
  const bare = lines.findIndex((l) => l.trimStart().startsWith(name));
  return bare === -1 ? 1 : bare + 1;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
