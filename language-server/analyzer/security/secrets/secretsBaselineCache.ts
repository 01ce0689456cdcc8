import type { FileStamp } from '../../../store/fileSnapshot';
import { sameStamp, statStamp } from '../../../store/fileSnapshot';
import { loadSecretsBaseline, secretsBaselinePath, type SecretsBaseline } from './secretsBaseline';

interface Entry {
  stamp: FileStamp | null;
  baseline: SecretsBaseline;
}

/** A few open projects at a time; each entry is one baseline's fingerprints. */
const MAX_ENTRIES = 16;
const cache = new Map<string, Entry>();

/**
 * The project's baseline for analysis while typing: re-read only when the file's stamp (inode, size, mtime)
 * changed, so a pause in typing costs one stat instead of a read and a parse of up to 5 MB. A stat that fails
 * (permissions) falls through to the plain load, which reports the problem.
 */
export async function cachedSecretsBaseline(projectDir: string): Promise<SecretsBaseline> {
  let stamp: FileStamp | null;
  try {
    stamp = await statStamp(secretsBaselinePath(projectDir));
  } catch {
    return loadSecretsBaseline(projectDir);
  }
  const hit = cache.get(projectDir);
  if (hit && (hit.stamp === null ? stamp === null : sameStamp(hit.stamp, stamp))) return hit.baseline;
  const baseline = await loadSecretsBaseline(projectDir);
  cache.delete(projectDir);
  cache.set(projectDir, { stamp, baseline });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return baseline;
}
