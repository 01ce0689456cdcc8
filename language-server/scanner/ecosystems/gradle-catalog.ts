import { asRecord, asString, at, isRecord } from './values';

/** A Gradle version catalog (gradle/libs.versions.toml) looked up by the accessor a build script uses. */
export interface VersionCatalog {
  /** `spring.boot.starter.web` (from `libs.spring.boot.starter.web`) → coordinates and version. */
  library(accessor: string): { name: string; range: string | undefined } | undefined;
  /** `kotlin.jvm` (from `alias(libs.plugins.kotlin.jvm)`) → plugin id. */
  plugin(accessor: string): string | undefined;
}

export const emptyCatalog: VersionCatalog = { library: () => undefined, plugin: () => undefined };

/** Aliases may use `-`, `_` or `.`; accessors always use `.`. */
const accessorOf = (alias: string): string => alias.replace(/[-_]/g, '.').toLowerCase();

export function parseCatalog(doc: Record<string, unknown>): VersionCatalog {
  const versions = asRecord(doc.versions) ?? {};
  const libraries = indexByAccessor(asRecord(doc.libraries));
  const plugins = indexByAccessor(asRecord(doc.plugins));
  return {
    library: (accessor) => libraryOf(libraries.get(accessor.toLowerCase()), versions),
    plugin: (accessor) => {
      const spec = plugins.get(accessor.toLowerCase());
      return typeof spec === 'string' ? spec.split(':')[0] : asString(at(spec, 'id'));
    },
  };
}

function indexByAccessor(table: Record<string, unknown> | undefined): Map<string, unknown> {
  return new Map(Object.entries(table ?? {}).map(([alias, spec]) => [accessorOf(alias), spec]));
}

function libraryOf(spec: unknown, versions: Record<string, unknown>): { name: string; range: string | undefined } | undefined {
  if (typeof spec === 'string') {
    const [group, artifact, version] = spec.split(':');
    return group && artifact ? { name: `${group}:${artifact}`, range: version } : undefined;
  }
  if (!isRecord(spec)) return undefined;
  const module = asString(spec.module) ?? (spec.group && spec.name ? `${String(spec.group)}:${String(spec.name)}` : undefined);
  return module ? { name: module, range: versionOf(spec.version, versions) } : undefined;
}

/** `version = "1.0"`, `version.ref = "key"`, or a rich version `{ strictly = ..., prefer = ... }`. */
function versionOf(version: unknown, versions: Record<string, unknown>): string | undefined {
  if (typeof version === 'string') return version;
  const ref = asString(at(version, 'ref'));
  const resolved: unknown = ref === undefined ? version : versions[ref];
  if (typeof resolved === 'string') return resolved;
  return asString(at(resolved, 'strictly')) ?? asString(at(resolved, 'require')) ?? asString(at(resolved, 'prefer'));
}
