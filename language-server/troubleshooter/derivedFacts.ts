/**
 * Facts the fixes need that no error prints directly: the npm package a module specifier belongs to, the
 * top-level Python package of a dotted module. Only for names that are safe to put in a command line.
 */
export function deriveFacts(captures: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...captures };
  const pkg = captures.module ? npmPackageOf(captures.module) : null;
  if (pkg) out.package = pkg;
  const py = captures.pymodule ? pythonPackageOf(captures.pymodule) : null;
  if (py) out.pypackage = py;
  return out;
}

const NPM_NAME = /^(?:@[a-z0-9][\w.-]{0,213}\/)?[a-z0-9][\w.-]{0,213}$/i;

/** `lodash/fp` → `lodash`, `@scope/x/y` → `@scope/x`; null for paths, URLs, `node:` built-ins and odd names. */
export function npmPackageOf(specifier: string): string | null {
  if (/^[./\\~]|^[a-z]+:/i.test(specifier)) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return NPM_NAME.test(name) ? name : null;
}

const PY_NAME = /^[A-Za-z_][\w]{0,99}$/;

export function pythonPackageOf(module: string): string | null {
  const top = module.split('.')[0] ?? '';
  return PY_NAME.test(top) ? top : null;
}
