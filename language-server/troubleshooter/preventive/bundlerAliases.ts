/**
 * Aliases a bundler or test runner defines in its own config (Vite/webpack `resolve.alias`, Jest
 * `moduleNameMapper`, Babel's module-resolver). Those configs are code, so this does not evaluate them: a
 * specifier's first segment written as a key (`'@components':`, `components:`, `find: '@ui'`) in a config that
 * mentions aliases is taken as an alias. Missing a real alias would mean a false error on every import of it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cachedParse } from './fileCache';

const CONFIG_FILE = /^(?:(?:vite|vitest|webpack|next|nuxt|svelte|astro|vue|craco|rollup|babel|jest|quasar|rsbuild|rspack)\.config\.[cm]?[jt]s(?:on)?|\.babelrc(?:\.json)?)$/;
const MAX_CONFIG_BYTES = 512 * 1024;
const MENTIONS_ALIASES = /alias|moduleNameMapper|module-resolver/;

/** The texts of the alias-defining configs in `dirs`; only those that mention aliases at all. */
export async function bundlerConfigTexts(dirs: readonly string[]): Promise<string[]> {
  // one listing per folder is cheaper than a stat for each of the ~100 possible config names
  const files = [...new Set(dirs)].flatMap((dir) => configNames(dir).map((name) => path.join(dir, name)));
  const texts = await Promise.all(files.map((f) => cachedParse(f, 'bundler-config', MAX_CONFIG_BYTES, (t) => (MENTIONS_ALIASES.test(t) ? t : undefined))));
  return texts.filter((t): t is string => t !== undefined);
}

function configNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => CONFIG_FILE.test(name));
  } catch {
    return [];
  }
}

export function isBundlerAlias(specifier: string, configs: readonly string[]): boolean {
  if (configs.length === 0) return false;
  const segment = specifier.split('/')[0] ?? specifier;
  const s = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(['"\`])\\^?${s}(?:[/(][^'"\`]*)?\\1\\s*:|(?<![\\w$@.-])${s}\\s*:(?!:)|find\\s*:\\s*(['"\`])${s}\\2`);
  return configs.some((text) => key.test(text));
}
