/**
 * Specifiers that look like packages but are the project's own files: tsconfig/jsconfig `paths` keys, and
 * anything found under `baseUrl`. Relative `extends` chains are followed (Nuxt, Nx and monorepos keep their
 * paths in a base file); configs extended from packages are not read.
 */
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseJsoncText } from '../../scanner/ecosystems/parse';
import { asRecord, asString, asStrings, isRecord } from '../../scanner/ecosystems/values';
import { cachedParse, pathKind } from './fileCache';

export interface Aliases {
  /** `paths` keys: exact, or a prefix and suffix around one `*`. */
  patterns: readonly string[];
  /** Absolute `baseUrl` folders. */
  baseUrls: readonly string[];
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 8;
const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json', '.vue', '.svelte'];

interface ConfigFacts {
  patterns: string[];
  baseUrl?: string;
  extends: string[];
}

/** The aliases of the configs in `dirs` (the package's folder and the project's). */
export async function aliasesIn(dirs: readonly string[]): Promise<Aliases> {
  const patterns = new Set<string>();
  const baseUrls = new Set<string>();
  for (const dir of new Set(dirs)) {
    for (const name of CONFIG_NAMES) await follow(path.join(dir, name), patterns, baseUrls);
  }
  return { patterns: [...patterns], baseUrls: [...baseUrls] };
}

async function follow(first: string, patterns: Set<string>, baseUrls: Set<string>): Promise<void> {
  const queue = [first];
  for (let step = 0; step < MAX_EXTENDS && queue.length > 0; step++) {
    const file = queue.shift() as string;
    const facts = await cachedParse(file, 'tsconfig', MAX_MANIFEST_BYTES, configFacts);
    if (!facts) continue;
    facts.patterns.forEach((p) => patterns.add(p));
    if (facts.baseUrl !== undefined) baseUrls.add(path.resolve(path.dirname(file), facts.baseUrl));
    for (const parent of facts.extends) queue.push(path.resolve(path.dirname(file), parent.endsWith('.json') ? parent : `${parent}.json`));
  }
}

function configFacts(text: string): ConfigFacts | undefined {
  const parsed = parseJsoncText(text);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const options = asRecord(parsed.value.compilerOptions);
  const parents = typeof parsed.value.extends === 'string' ? [parsed.value.extends] : asStrings(parsed.value.extends);
  return {
    patterns: Object.keys(asRecord(options?.paths) ?? {}),
    baseUrl: asString(options?.baseUrl),
    extends: parents.filter((p) => p.startsWith('./') || p.startsWith('../')),
  };
}

export function isAliased(specifier: string, aliases: Aliases): boolean {
  return aliases.patterns.some((p) => matchesPattern(p, specifier)) || aliases.baseUrls.some((base) => existsUnder(base, specifier));
}

function matchesPattern(pattern: string, specifier: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

/** `components/Button` under baseUrl `src`: a file or folder of that name there makes it local. */
function existsUnder(base: string, specifier: string): boolean {
  const target = path.join(base, specifier);
  if (!target.startsWith(base)) return false;
  return EXTENSIONS.some((ext) => {
    const kind = pathKind(target + ext);
    return kind === 'file' || (ext === '' && kind === 'dir');
  });
}
