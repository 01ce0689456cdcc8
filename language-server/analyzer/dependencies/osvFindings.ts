/**
 * Known-vulnerable dependencies according to an offline OSV database file or folder the user configured: the
 * exact versions in the project's lockfile (npm, pnpm or yarn) against each advisory's npm ranges and version
 * lists. No network.
 */
import path from 'node:path';
import type { AnalyzerFinding } from '../types';
import { dependencyPlaces } from './dependencyPlaces';
import type { DependencyPlaces } from './dependencyPlaces';
import type { DependencyScan } from './dependencyRules';
import { VULNERABLE_DEPENDENCY } from './dependencyRules';
import type { LockedNode } from './lockedNode';
import { readLockedPackages } from './lockedPackages';
import type { LockedPackages } from './lockedPackages';
import type { OsvDatabase } from './osvDatabase';
import { cachedOsvDatabase } from './osvDatabaseCache';
import { matchVersion } from './osvMatch';
import type { OsvAdvisory } from './osvRecord';
import { advisorySeverity } from './vulnerabilitySeverity';

export interface OsvOptions {
  signal?: AbortSignal;
}

/** A hit of one advisory on one package name, over all its installed copies. */
interface Hit {
  advisory: OsvAdvisory;
  nodes: LockedNode[];
  fixed: Set<string>;
}

/** `osvDb` is the configured path, or a database already loaded with loadOsvDatabase. Never throws. */
export async function osvFindings(projectDir: string, osvDb: string | OsvDatabase, options: OsvOptions = {}): Promise<DependencyScan> {
  const read = await readLockedPackages(projectDir);
  if (!read.ok) return { findings: [], notes: [read.note] };
  const loaded = typeof osvDb === 'string' ? await cachedOsvDatabase(osvDb, options.signal) : { database: osvDb, notes: [] };
  if (!loaded.database) return { findings: [], notes: loaded.notes };
  const hits = matchLockfile(read.lock, loaded.database);
  const places = await dependencyPlaces(projectDir, read.lock);
  const source = lockfileLabel(read.lock);
  return { findings: [...hits.values()].map((hit) => finding(hit, places, source)), notes: [...read.lock.notes, ...loaded.notes] };
}

/** Keyed by advisory id and package name: two copies of one package make one finding naming both versions. */
function matchLockfile(lock: LockedPackages, database: OsvDatabase): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  for (const node of lock.nodes.values()) {
    for (const entry of database.byName.get(node.name) ?? []) {
      const verdict = matchVersion(entry.affected, node.version);
      if (!verdict.affected) continue;
      const key = `${entry.advisory.id}\0${node.name}`;
      const hit = hits.get(key) ?? { advisory: entry.advisory, nodes: [], fixed: new Set<string>() };
      if (!hit.nodes.includes(node)) hit.nodes.push(node);
      if (verdict.fixed) hit.fixed.add(verdict.fixed);
      hits.set(key, hit);
    }
  }
  return hits;
}

/**
 * yarn and pnpm findings name their lockfile. npm findings keep the wording and data they always had, which match
 * the npm audit source's findings for the same lockfile.
 */
function lockfileLabel(lock: LockedPackages): string | undefined {
  return lock.kind === 'npm' ? undefined : path.basename(lock.path);
}

function finding({ advisory, nodes, fixed }: Hit, places: DependencyPlaces, lockfile: string | undefined): AnalyzerFinding {
  const name = nodes[0]?.name ?? '';
  const top = nodes.find((n) => n.top);
  // Dev-only when every affected copy is: one reached from runtime code makes it ship.
  const dev = nodes.every((n) => n.dev);
  const versions = [...new Set(nodes.map((n) => n.version))].join(', ');
  const place = places.place(name, (top ?? nodes[0])?.location);
  const fixText = fixed.size > 0 ? `Fixed in ${[...fixed].join(', ')}` : 'No fixed version is known';
  return {
    ruleId: VULNERABLE_DEPENDENCY,
    category: 'security',
    severity: advisorySeverity(advisory.severity),
    path: place.path,
    line: place.line,
    column: 1,
    message: `${name} ${versions}: ${advisory.summary} (${advisory.id}). ${fixText}.${dev ? ' Dev dependency only.' : ''} [OSV${lockfile ? `, ${lockfile}` : ''}]`,
    data: {
      source: 'osv',
      ...(lockfile ? { lockfile } : {}),
      dependency: name,
      version: versions,
      title: advisory.summary,
      advisory: advisory.url,
      advisoryId: advisory.id,
      aliases: advisory.aliases.join(', '),
      advisorySeverity: advisory.severity ?? 'unknown',
      dev,
      direct: top !== undefined && places.declares(name),
      fixAvailable: fixed.size > 0,
      ...(fixed.size > 0 ? { fix: `${name}@${[...fixed][0]}` } : {}),
    },
  };
}
