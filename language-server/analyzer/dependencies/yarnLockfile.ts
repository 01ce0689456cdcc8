/**
 * The installed packages a yarn.lock pins, v1 and berry. yarn.lock has no dev flag, so it is worked out from the
 * project's package.json and the dependencies each entry lists (devOnly.ts). Where that cannot be known — no
 * readable package.json, or v1 workspaces whose members' manifests add runtime roots — nothing is dev-only.
 */
import { devOnlyKeys } from './devOnly';
import { EntryProblems, NodeCollector, isPackageName } from './lockedNode';
import type { LockParse } from './lockedNode';
import type { Declared, RootManifest } from './rootManifest';
import { readYarnEntries } from './yarnLockEntries';
import type { YarnEntry } from './yarnLockEntries';

const LABEL = 'yarn.lock';

export function parseYarnLock(text: string, manifest: RootManifest | undefined): LockParse {
  const problems = new EntryProblems();
  const entries = readYarnEntries(text, problems).filter((e) => e.descriptors[0] !== '__metadata');
  if (entries.length === 0 && /^[^#\s]/m.test(text)) {
    const reason = 'holds no package entries (a `name@range:` line followed by its version), so it is not a yarn lockfile';
    return { ok: false, reason };
  }
  const berry = /^__metadata:/m.test(text);
  const index = new DescriptorIndex(entries);
  const roots = manifest ? [...manifest.prod, ...manifest.dev] : [];
  // As npm's node_modules/<name>: what package.json names directly, an alias's target excepted.
  const top = new Set(roots.flatMap(([name, range]) => index.resolve(name, range).map((id) => `${name}\0${id}`)));
  // v1 does not list workspace members, whose runtime dependencies are then roots it cannot see.
  const knowable = manifest !== undefined && (berry || !manifest.workspaces);
  const devOnly = knowable ? devEntries(entries, index, manifest) : new Set<number>();
  const collector = new NodeCollector(LABEL);
  entries.forEach((entry, id) => {
    const pkg = installed(entry, berry, problems);
    if (pkg) collector.add({ ...pkg, dev: devOnly.has(id), top: top.has(`${pkg.name}\0${id}`), line: entry.line });
  });
  return { ok: true, nodes: collector.nodes, notes: problems.notes(LABEL) };
}

/**
 * Runtime roots are the manifest's runtime dependencies and, in berry, every workspace member other than the root
 * (berry lists a member's dependencies with its devDependencies mixed in, so they all count as runtime).
 */
function devEntries(entries: readonly YarnEntry[], index: DescriptorIndex, manifest: RootManifest): Set<number> {
  const resolveAll = (declared: readonly Declared[]): number[] => declared.flatMap(([name, range]) => index.resolve(name, range));
  const members = entries.flatMap((e, id) => (isWorkspace(e) && !e.fields.get('resolution')?.endsWith('@workspace:.') ? [id] : []));
  return devOnlyKeys({
    prodRoots: [...resolveAll(manifest.prod), ...members],
    devRoots: resolveAll(manifest.dev),
    edges: (id) => resolveAll(entries[id]?.dependencies ?? []),
  });
}

/** Entry ids by descriptor, and by the name dependents use (an alias's, not the real package's). */
class DescriptorIndex {
  private readonly byDescriptor = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(entries: readonly YarnEntry[]) {
    entries.forEach((entry, id) => {
      for (const descriptor of entry.descriptors) {
        push(this.byDescriptor, descriptor, id);
        const at = descriptor.indexOf('@', 1);
        if (at > 0) push(this.byName, descriptor.slice(0, at), id);
      }
    });
  }

  /**
   * v1 and yarn 3 write `name@range`, yarn 4 `name@npm:range`. A range that matches no descriptor (a stale lockfile,
   * `resolutions`) resolves to every entry of that name: a guess that can only make more packages runtime.
   */
  resolve(name: string, range: string): number[] {
    const exact = this.byDescriptor.get(`${name}@${range}`) ?? this.byDescriptor.get(`${name}@npm:${range}`);
    return exact ?? [...new Set(this.byName.get(name) ?? [])];
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function isWorkspace(entry: YarnEntry): boolean {
  return entry.fields.get('linkType') === 'soft' || (entry.fields.get('resolution') ?? '').includes('@workspace:');
}

/** The registry package an entry installs; undefined for workspaces and links (the project's own code). */
function installed(entry: YarnEntry, berry: boolean, problems: EntryProblems): { name: string; version: string } | undefined {
  if (isWorkspace(entry)) return undefined;
  const name = (berry ? nameBefore(entry.fields.get('resolution')) : undefined) ?? aliasedName(entry.descriptors);
  const version = entry.fields.get('version');
  if (!name || !isPackageName(name)) problems.add(`line ${entry.line}: "${entry.descriptors[0] ?? ''}" does not name a package`);
  else if (!version) problems.add(`line ${entry.line}: ${name} has no version (the file may be cut short)`);
  else return { name, version };
  return undefined;
}

/** An alias installs its target: `x@npm:real@^1.0.0` is the package `real`. */
function aliasedName(descriptors: readonly string[]): string | undefined {
  for (const descriptor of descriptors) {
    const at = descriptor.indexOf('@', 1);
    const range = at > 0 ? descriptor.slice(at + 1) : '';
    if (range.startsWith('npm:') && range.indexOf('@', 5) > 0) return nameBefore(range.slice(4));
  }
  return nameBefore(descriptors[0]);
}

/** `name@anything` → `name`, scoped names included. */
function nameBefore(descriptor: string | undefined): string | undefined {
  const at = descriptor?.indexOf('@', 1) ?? -1;
  return at > 0 ? descriptor?.slice(0, at) : undefined;
}
