/**
 * The project's direct dependencies for the dashboard: as its manifests declare them and the scanner read them
 * (with the versions its lockfile pins), the latest versions the outdated check last learnt from the npm
 * registry (its cache file; no network here), and the advisories the last analysis found.
 */
import path from 'node:path';
import type { Dependency, Project } from '../../model';
import { optimusHome } from '../../store/storePath';
import { majorsBehind } from '../debt/dependencyChecks';
import { VULNERABLE_DEPENDENCY } from '../dependencies/dependencyRules';
import { readLockedPackages } from '../dependencies/lockedPackages';
import { isFresh, readLatestCache, type LatestEntry } from '../dependencies/npmLatestCache';
import { DEFAULT_NPM_REGISTRY, registryOf, registryUrl } from '../dependencies/npmrcRegistry';
import { compareSemver, parseSemver } from '../dependencies/semver';
import type { AnalyzerFinding } from '../types';
import { compareText } from './detailFindings';
import type { DetailDependency } from './projectDetailTypes';

/** Where project analysis keeps the npm registry's answers (`optimus.analysis.outdated`). */
export function npmLatestCacheFile(home: string = optimusHome()): string {
  return path.join(home, 'cache', 'npm-latest.json');
}

export interface DependencyInputs {
  /** The last analysis's findings; `dependency/vulnerable` ones flag their package. */
  findings: readonly AnalyzerFinding[];
  npmLatestCacheFile: string;
  now?: number;
}

/** Advisory words, worst first; a word not listed ranks as moderate (as advisorySeverity makes it a warning). */
const ADVISORY_RANK: Readonly<Record<string, number>> = { critical: 5, high: 4, moderate: 3, medium: 3, low: 2, info: 1, none: 1 };

/**
 * By name; runtime before dev where one name is declared twice. Peer dependencies are left out: they are ranges
 * for the host project to satisfy, not something this project installs. Never throws.
 */
export async function detailDependencies(project: Project, inputs: DependencyInputs): Promise<{ dependencies: DetailDependency[]; notes: string[] }> {
  const notes: string[] = [];
  const declared = declaredDependencies(project);
  if (declared.length === 0) return { dependencies: [], notes };
  const locked = await lockedFallback(project, notes);
  const latest = latestVersions(project, declared, inputs, notes);
  const advisories = vulnerableByName(inputs.findings);
  const dependencies = declared.map(({ dep, npm }): DetailDependency => {
    const version = dep.locked ?? locked.get(dep.name) ?? null;
    const newest = npm ? latest.get(dep.name) ?? null : null;
    return { name: dep.name, declared: dep.range, locked: version, latest: newest, dev: dep.kind === 'dev', outdated: isOutdated(version, dep.range, newest), vulnerable: advisories.get(dep.name) ?? null };
  });
  if (dependencies.every((d) => d.locked === null)) notes.push('No lockfile pins these dependencies (or it could not be read): locked versions are not known.');
  return { dependencies, notes };
}

function declaredDependencies(project: Project): { dep: Dependency; npm: boolean }[] {
  const byName = new Map<string, { dep: Dependency; npm: boolean }>();
  for (const manifest of project.dependencies.manifests) {
    for (const dep of manifest.dependencies) {
      if (dep.kind === 'peer') continue;
      const known = byName.get(dep.name);
      if (!known || (known.dep.kind === 'dev' && dep.kind !== 'dev')) byName.set(dep.name, { dep, npm: manifest.kind === 'package.json' });
    }
  }
  return [...byName.values()].sort((a, b) => compareText(a.dep.name, b.dep.name));
}

/**
 * The scanner fills `locked` once it has read the lockfile, in the background after a walk. Until then (or when a
 * package.json beside the project's own lockfile has none attached) the lockfile is read here for the versions
 * installed at the top.
 */
async function lockedFallback(project: Project, notes: string[]): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  const own = project.dependencies.manifests.find((m) => m.kind === 'package.json' && path.dirname(m.path) === project.path);
  if (!own || own.lockfile || own.dependencies.length === 0) return versions;
  const read = await readLockedPackages(project.path);
  if (!read.ok) {
    if (!read.missing) notes.push(`The lockfile could not be read: locked versions are not shown.`);
    return versions;
  }
  for (const node of read.lock.nodes.values()) if (node.top && !versions.has(node.name)) versions.set(node.name, node.version);
  return versions;
}

/** From the cache file only; entries past a day are still shown (it is the last answer), with a note. */
function latestVersions(project: Project, declared: readonly { dep: Dependency; npm: boolean }[], inputs: DependencyInputs, notes: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const names = declared.filter((d) => d.npm).map((d) => d.dep.name);
  if (names.length === 0) return out;
  const registry = registryUrl(registryOf(project.path) ?? DEFAULT_NPM_REGISTRY) ?? DEFAULT_NPM_REGISTRY;
  const known = readLatestCache(inputs.npmLatestCacheFile).get(registry) ?? new Map<string, LatestEntry>();
  const now = inputs.now ?? Date.now();
  let stale = false;
  for (const name of names) {
    const entry = known.get(name);
    if (!entry?.latest) continue;
    out.set(name, entry.latest);
    stale ||= !isFresh(entry, now);
  }
  if (out.size === 0) notes.push('Latest versions are not known: turn on optimus.analysis.outdated and analyze the project to look them up.');
  else if (stale) notes.push('Some latest versions are from registry answers more than a day old.');
  return out;
}

/**
 * The installed version behind the latest (as `npm outdated` says); without a locked version, a declared range
 * whose lowest version is a major release (or a 0.x minor) behind.
 */
function isOutdated(locked: string | null, range: string, latest: string | null): boolean {
  if (latest === null) return false;
  const newest = parseSemver(latest);
  const installed = locked === null ? null : parseSemver(locked);
  if (newest && installed) return compareSemver(installed, newest) < 0;
  return majorsBehind(locked ?? range, latest) > 0;
}

/** The worst advisory per package, with every advisory id found for it. */
function vulnerableByName(findings: readonly AnalyzerFinding[]): Map<string, NonNullable<DetailDependency['vulnerable']>> {
  const out = new Map<string, NonNullable<DetailDependency['vulnerable']>>();
  for (const f of findings) {
    const name = f.ruleId === VULNERABLE_DEPENDENCY ? f.data?.dependency : undefined;
    if (typeof name !== 'string') continue;
    const severity = typeof f.data?.advisorySeverity === 'string' && f.data.advisorySeverity !== 'unknown' ? f.data.advisorySeverity.toLowerCase() : f.severity;
    const id = typeof f.data?.advisoryId === 'string' && f.data.advisoryId !== '' ? f.data.advisoryId : typeof f.data?.advisory === 'string' ? f.data.advisory : '';
    const known = out.get(name) ?? { severity, ids: [] };
    if (rank(severity) > rank(known.severity)) known.severity = severity;
    if (id !== '' && !known.ids.includes(id)) known.ids.push(id);
    out.set(name, known);
  }
  return out;
}

/** Advisory words, or a finding's severity where the advisory gave none. */
function rank(word: string): number {
  if (Object.hasOwn(ADVISORY_RANK, word)) return ADVISORY_RANK[word] ?? 3;
  return word === 'error' ? 4 : 3;
}
