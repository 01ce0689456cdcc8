/**
 * The npm registry a project installs from, as its own `.npmrc` names it. Only the `registry=` line is read;
 * `.npmrc` files also hold auth tokens, which are never parsed, kept or returned.
 */
import path from 'node:path';
import { readSmallFileSync } from '../../util/readSmall';

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';

const MAX_NPMRC_BYTES = 64 * 1024;

/** The registry from `<projectDir>/.npmrc`, normalised by registryUrl; undefined when none is usable. */
export function registryOf(projectDir: string): string | undefined {
  let text: string;
  try {
    const read = readSmallFileSync(path.join(projectDir, '.npmrc'), MAX_NPMRC_BYTES);
    if (!Buffer.isBuffer(read)) return undefined;
    text = read.toString('utf8');
  } catch {
    return undefined;
  }
  const line = text.split(/\r?\n/).map((l) => /^\s*registry\s*=\s*(.*?)\s*$/.exec(l)).find((m) => m !== null);
  const value = line?.[1]?.replace(/^(["'])(.*)\1$/, '$2');
  // `${VAR}` is expanded by npm from the environment; guessing it here could send names to the wrong host.
  return value === undefined || value.includes('${') ? undefined : registryUrl(value);
}

/**
 * An http(s) registry base without credentials, query or trailing slash, or undefined. Credentials are
 * dropped so they can never reach a note, a log or the cache file's keys.
 */
export function registryUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}
