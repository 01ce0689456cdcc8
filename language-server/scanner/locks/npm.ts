import { parseJsonText, parseJsoncText } from '../ecosystems/parse';
import { asRecord, asString, isRecord } from '../ecosystems/values';
import { LockfileError, must } from './lock-reader';
import type { LockIndex, LockReader } from './lock-reader';

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 key installed packages by folder (`node_modules/x`,
 * `packages/a/node_modules/x` for a workspace member's own copy); v1 has a nested `dependencies` tree.
 */
function parsePackageLock(file: string) {
  return (text: string): LockIndex => {
    const doc = must(parseJsonText(text), file);
    if (!isRecord(doc)) throw new LockfileError(`${file} should hold a JSON object at the top level`);
    const packages = asRecord(doc.packages);
    const tree = asRecord(doc.dependencies) ?? {};
    return {
      version: (dep, member) => (packages ? fromPackages(packages, dep.name, member) : asString(asRecord(tree[dep.name])?.version)),
    };
  };
}

function fromPackages(packages: Record<string, unknown>, name: string, member: string): string | undefined {
  const folders = member === '' ? [`node_modules/${name}`] : [`${member}/node_modules/${name}`, `node_modules/${name}`];
  for (const folder of folders) {
    const entry = asRecord(packages[folder]);
    if (!entry) continue;
    // A workspace sibling is a link to its folder, whose own entry carries the version.
    const target = entry.link === true ? asRecord(packages[asString(entry.resolved) ?? '']) : entry;
    return asString(target?.version);
  }
  return undefined;
}

export const packageLockReader: LockReader = { file: 'package-lock.json', manifestKinds: ['package.json'], parse: parsePackageLock('package-lock.json') };
export const shrinkwrapReader: LockReader = { file: 'npm-shrinkwrap.json', manifestKinds: ['package.json'], parse: parsePackageLock('npm-shrinkwrap.json') };

/** bun.lock (text, JSON with trailing commas): `packages: { name: ["name@1.2.3", ...] }`. */
export const bunLockReader: LockReader = {
  file: 'bun.lock',
  manifestKinds: ['package.json'],
  parse(text) {
    const packages = asRecord(asRecord(must(parseJsoncText(text), 'bun.lock'))?.packages) ?? {};
    return {
      version: (dep) => {
        const entry = packages[dep.name];
        const id = Array.isArray(entry) ? asString(entry[0]) : undefined;
        return id?.slice(id.lastIndexOf('@') + 1) || undefined;
      },
    };
  },
};
