import { createRequire } from 'node:module';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';

/** The three packages the lint engine needs, required together so their versions belong to one install. */
export interface EslintModules {
  ESLint: typeof ESLint;
  version: string;
  /** `@eslint/js`: the core recommended rules. */
  js: { configs: { recommended: Linter.Config } };
  /** `typescript-eslint`: its configs are typed loosely on purpose (its own types differ from ESLint's in details). */
  tseslint: { configs: { recommended: Linter.Config[] } };
  /** Resolves a file from the same install (e.g. `typescript/lib/lib.dom.d.ts`). */
  resolve(request: string): string;
}

let loaded: EslintModules | null = null;

/**
 * Where to start looking for node_modules. `__filename` is this file under tsx/mocha and `dist/server.js` (or
 * `dist/optimus.js`) in the esbuild bundle, so resolution walks up from there to the extension's node_modules;
 * the working directory is a last resort for odd hosts.
 */
function anchors(): string[] {
  const own = typeof __filename === 'string' ? [__filename] : [];
  return [...own, path.join(process.cwd(), 'noop.js')];
}

/**
 * Loads ESLint, @eslint/js and typescript-eslint on first use. They are never imported at the top of a module
 * the server loads at start: ESLint uses dynamic requires (rules, formatters), so esbuild cannot bundle it, and
 * loading the three costs ~0.6 s that a server start must not pay. `createRequire` with a computed name keeps
 * esbuild from trying to inline them.
 */
export function eslintModules(): EslintModules {
  if (loaded) return loaded;
  const tried: string[] = [];
  for (const anchor of anchors()) {
    const req = createRequire(anchor);
    try {
      req.resolve(ESLINT);
    } catch {
      tried.push(path.dirname(anchor));
      continue;
    }
    loaded = load(req);
    return loaded;
  }
  throw new Error(`ESLint is not installed where Optimus can load it (looked from ${tried.join(', ')})`);
}

const ESLINT = 'eslint';

function load(req: NodeJS.Require): EslintModules {
  const api = req(ESLINT) as { ESLint: typeof ESLint };
  const js = req('@eslint/js') as EslintModules['js'];
  const tseslint = req('typescript-eslint') as EslintModules['tseslint'];
  return { ESLint: api.ESLint, version: api.ESLint.version, js, tseslint, resolve: (r) => req.resolve(r) };
}
