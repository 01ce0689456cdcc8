/**
 * Whether Node would find a package from a folder: `node_modules/<name>/package.json` in that folder or any
 * above it, as Node's resolution walks. Yarn Plug'n'Play projects have no node_modules and are not judged.
 */
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { asString, isRecord } from '../../scanner/ecosystems/values';
import { cachedParse, fileStamp, pathKind } from './fileCache';
import { ancestors } from './paths';

/** `unknown`: the folders could not be looked into (a symlink loop, no permission), so nothing is claimed. */
export type InstallState = { state: 'installed'; version: string | undefined } | { state: 'absent' } | { state: 'unknown' };

export async function installedPackage(fromDir: string, name: string): Promise<InstallState> {
  for (const dir of ancestors(fromDir)) {
    if (path.basename(dir) === 'node_modules') continue;
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    const kind = pathKind(manifest);
    if (kind === 'file') return { state: 'installed', version: await versionOf(manifest) };
    if (kind === 'unknown') return { state: 'unknown' };
  }
  return { state: 'absent' };
}

function versionOf(manifest: string): Promise<string | undefined> {
  return cachedParse(manifest, 'installed-version', MAX_MANIFEST_BYTES, (text) => {
    const parsed = parseJsonText(text);
    return parsed.ok && isRecord(parsed.value) ? asString(parsed.value.version) : undefined;
  });
}

/** Plug'n'Play keeps packages in zip archives that only its own loader resolves. */
export function usesPlugNPlay(dirs: readonly string[]): boolean {
  return dirs.some((d) => fileStamp(path.join(d, '.pnp.cjs')) !== undefined || fileStamp(path.join(d, '.pnp.js')) !== undefined);
}
