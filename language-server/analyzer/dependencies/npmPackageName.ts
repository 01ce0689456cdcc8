/**
 * Which npm names may be asked of a registry, and how they go into its URLs. Names come from manifests anyone
 * could have written, so one is checked before it becomes part of a request path.
 */
import type { Project } from '../../model';
import { pinKind } from '../debt/dependencyPins';

/**
 * npm's rules (validate-npm-package-name): URL-safe characters only, no leading `.` or `_` (so no `..`), `/`
 * only between `@scope` and the name. Capitals are allowed: old packages such as `JSONStream` have them.
 */
const NAME = /^(?:@([a-z0-9~-][a-z0-9._~-]*)\/)?([a-z0-9~-][a-z0-9._~-]*)$/i;
const MAX_LENGTH = 214;

/** Pin kinds whose version comes from the registry under the dependency's own name. */
const FROM_REGISTRY: ReadonlySet<string> = new Set(['exact', 'range', 'wildcard', 'tag']);

export function isNpmPackageName(name: string): boolean {
  return name.length <= MAX_LENGTH && NAME.test(name);
}

/** `/-/package/<name>/dist-tags`, a scope's slash encoded as the registry expects (`@scope%2fname`). */
export function distTagsPath(name: string): string {
  const [, scope, bare] = NAME.exec(name) ?? [];
  const encoded = scope === undefined ? encodeURIComponent(bare ?? '') : `@${encodeURIComponent(scope)}%2f${encodeURIComponent(bare ?? '')}`;
  return `/-/package/${encoded}/dist-tags`;
}

/**
 * The registry packages a project's package.json files depend on. Aliases (`npm:other@1`), git, path and URL
 * dependencies are left out: their name says nothing about which published package is installed.
 */
export function npmPackageNames(project: Project): string[] {
  const names = new Set<string>();
  for (const manifest of project.dependencies.manifests) {
    if (manifest.kind !== 'package.json') continue;
    for (const dep of manifest.dependencies) {
      if (/^(?:npm|jsr):/.test(dep.range.trim()) || !FROM_REGISTRY.has(pinKind(dep.range, manifest.kind))) continue;
      if (isNpmPackageName(dep.name)) names.add(dep.name);
    }
  }
  return [...names];
}
