import { builtinModules } from 'node:module';

const BUILTINS: ReadonlySet<string> = new Set(builtinModules);

/** `fs`, `fs/promises`, `node:test`: modules of Node itself, never installed from the registry. */
export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}
