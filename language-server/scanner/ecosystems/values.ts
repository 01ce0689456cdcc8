import type { Dependency, DependencyKind } from '../../model';

/** Small readers for documents of unknown shape (parsed manifests): they never throw on a wrong type. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A range written as a bare value: text as is, numbers (`serde = 1` in TOML) as text. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Follows a path of keys through nested tables: `at(doc, 'tool', 'poetry', 'dependencies')`. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** A dependency whose range is the text as written, or `*` when none was given. */
export function dependency(name: string, range: string | undefined, kind: DependencyKind): Dependency {
  const trimmed = range?.trim();
  return { name, range: trimmed ? trimmed : '*', kind };
}

/**
 * The range of a dependency declared as a table (Cargo, Poetry, Pipfile, pubspec): its version, or where it comes
 * from when it is not a registry package, written `<source>:<where>` (`path:../core`, `git:https://...`).
 */
export function rangeFromTable(table: Record<string, unknown>): string {
  const version = table.version;
  if (typeof version === 'string' || typeof version === 'number') return String(version);
  if (table.workspace === true) return 'workspace';
  for (const source of ['path', 'git', 'url', 'sdk', 'hosted', 'file']) {
    const where = table[source];
    if (typeof where === 'string') return `${source}:${where}`;
  }
  return '*';
}

/** Name → range entries, e.g. package.json `dependencies`; non-string ranges are kept as text. */
export function dependenciesFromMap(map: unknown, kind: DependencyKind): Dependency[] {
  if (!isRecord(map)) return [];
  return Object.entries(map).map(([name, value]) => dependency(name, isRecord(value) ? rangeFromTable(value) : scalarText(value), kind));
}
