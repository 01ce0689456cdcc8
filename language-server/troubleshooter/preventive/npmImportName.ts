/**
 * The registry package an import specifier names, or undefined when it names something else: a relative or
 * absolute path, a URL or scheme (`node:`, `npm:`, `virtual:`, `astro:`), a package-local `#import`, a loader
 * chain (`style-loader!./x.css`) or a common alias (`@/`, `~/`, SvelteKit's `$lib`).
 */
import { isNpmPackageName } from '../../analyzer/dependencies/npmPackageName';

export function packageOfSpecifier(specifier: string): string | undefined {
  const spec = specifier.split('?')[0] ?? '';
  if (spec === '' || /^[./\\#~$]/.test(spec) || /^[A-Za-z]:[\\/]/.test(spec) || spec.includes('!')) return undefined;
  if (/^@\//.test(spec) || /^[A-Za-z][\w+.-]*:/.test(spec)) return undefined;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? '';
  return isNpmPackageName(name) && (!spec.startsWith('@') || parts.length >= 2) ? name : undefined;
}

/** Where DefinitelyTyped publishes a package's types: `@types/lodash`, `@types/babel__core`. */
export function typesPackageOf(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}
