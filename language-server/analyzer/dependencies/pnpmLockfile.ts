/**
 * The installed packages a pnpm-lock.yaml pins (lockfile v5, v6, v9). v5 and v6 flag each package `dev: true`
 * (only devDependencies reach it) or `dev: false`, and leave the flag out when both do; v9 dropped the flag, so
 * there it is worked out from every importer's sections and the snapshots' dependencies (devOnly.ts).
 */
import YAML from 'yaml';
import { asRecord, asString, isRecord } from '../../scanner/ecosystems/values';
import { devOnlyKeys } from './devOnly';
import { EntryProblems, NodeCollector, isPackageName } from './lockedNode';
import type { LockParse } from './lockedNode';
import { parsePnpmKey, pnpmFormat, refKey, withoutPeers } from './pnpmKeys';
import type { PnpmFormat } from './pnpmKeys';
import { slimPnpmText } from './pnpmText';

const LABEL = 'pnpm-lock.yaml';
const ALL_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];
const PROD_SECTIONS = ['dependencies', 'optionalDependencies'];
const DEV_SECTIONS = ['devDependencies'];

type Table = Record<string, unknown>;

export function parsePnpmLock(text: string): LockParse {
  const format = pnpmFormat(/^lockfileVersion:\s*['"]?([\d.]+)/m.exec(text)?.[1]);
  if (!format) return { ok: false, reason: 'has no lockfileVersion line that pnpm writes, so it is not a pnpm lockfile' };
  const slim = slimPnpmText(text, format === 'v9');
  const doc = parseYaml(slim.slim);
  if (typeof doc === 'string') return { ok: false, reason: doc };
  const packages = asRecord(doc.packages) ?? {};
  // v9 lists each installed variant under `snapshots`; older versions have them all in `packages`.
  const entries = format === 'v9' ? asRecord(doc.snapshots) ?? packages : packages;
  const importers = asRecord(doc.importers) ?? { '.': doc };
  const devOnly = format === 'v9' ? devSnapshots(entries, importers) : flaggedDev(entries);
  // As npm's node_modules/<name>: what package.json names directly, an alias's target excepted.
  const top = new Set(refs(importers['.'], ALL_SECTIONS).map(([name, ref]) => `${name}\0${refKey(name, ref, format) ?? ''}`));
  const problems = new EntryProblems();
  const collector = new NodeCollector(LABEL);
  for (const key of Object.keys(entries)) {
    const line = slim.keyLines.get(withoutPeers(key)) ?? slim.keyLines.get(key);
    const meta = asRecord(format === 'v9' ? packages[withoutPeers(key)] : entries[key]);
    const id = identity(key, meta, format);
    if (id) collector.add({ ...id, dev: devOnly.has(key), top: top.has(`${id.name}\0${key}`), line });
    else problems.add(`${line === undefined ? '' : `line ${line}: `}"${key}" does not name a package and version`);
  }
  return { ok: true, nodes: collector.nodes, notes: [...problems.notes(LABEL), ...duplicateNote(slim.duplicates)] };
}

/**
 * Failsafe schema: every scalar stays text, so a version is never read as a number. Duplicate keys are allowed
 * here (pnpmText reports them): the `yaml` package checks uniqueness pairwise, which takes minutes on a big file.
 */
function parseYaml(text: string): Table | string {
  let doc: unknown;
  try {
    doc = YAML.parse(text, { schema: 'failsafe', uniqueKeys: false, maxAliasCount: 100 });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/:$/, '');
    return `is not valid YAML: ${first}`;
  }
  return isRecord(doc) ? doc : 'does not hold a YAML mapping, so it is not a pnpm lockfile';
}

function flaggedDev(entries: Table): Set<string> {
  return new Set(Object.keys(entries).filter((key) => asString(asRecord(entries[key])?.dev) === 'true'));
}

function devSnapshots(snapshots: Table, importers: Table): Set<string> {
  const byName = new Map<string, string[]>();
  for (const key of Object.keys(snapshots)) {
    const name = parsePnpmKey(key, 'v9')?.name;
    if (name === undefined) continue;
    const keys = byName.get(name);
    if (keys) keys.push(key);
    else byName.set(name, [key]);
  }
  // A reference with no snapshot of its own (a hand-edited file) stands for every snapshot of that package.
  const resolve = ([name, ref]: readonly [string, string]): string[] => {
    const key = refKey(name, ref, 'v9');
    if (key === undefined) return [];
    return Object.hasOwn(snapshots, key) ? [key] : byName.get(parsePnpmKey(key, 'v9')?.name ?? name) ?? [];
  };
  const all = Object.values(importers);
  return devOnlyKeys({
    prodRoots: all.flatMap((importer) => refs(importer, PROD_SECTIONS).flatMap(resolve)),
    devRoots: all.flatMap((importer) => refs(importer, DEV_SECTIONS).flatMap(resolve)),
    edges: (key) => refs(snapshots[key], PROD_SECTIONS).flatMap(resolve),
  });
}

/** [name, reference] pairs of the sections; v6+ importers write `{ specifier, version }`, others the bare reference. */
function refs(table: unknown, sections: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const section of sections) {
    for (const [name, value] of Object.entries(asRecord(asRecord(table)?.[section]) ?? {})) {
      const ref = asString(isRecord(value) ? value.version : value);
      if (ref !== undefined) out.push([name, ref]);
    }
  }
  return out;
}

/** Git and tarball packages carry `name` and `version` fields; registry packages have them only in the key. */
function identity(key: string, meta: Table | undefined, format: PnpmFormat): { name: string; version: string } | undefined {
  const parsed = parsePnpmKey(key, format);
  const name = asString(meta?.name) ?? parsed?.name;
  const version = asString(meta?.version) ?? parsed?.version;
  return name !== undefined && isPackageName(name) && version ? { name, version } : undefined;
}

function duplicateNote(duplicates: readonly string[]): string[] {
  if (duplicates.length === 0) return [];
  const listed = duplicates.slice(0, 3).join(', ') + (duplicates.length > 3 ? ', …' : '');
  const what = duplicates.length === 1 ? 'a package' : `${duplicates.length} packages`;
  return [`${LABEL} lists ${what} twice (${listed}), as a bad merge leaves it; the last of each was checked.`];
}
