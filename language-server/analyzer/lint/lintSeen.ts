import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the last run linted: path → [size, mtimeMs], under one config identity. Only used to size batches
 * (see lintBatches.ts); ESLint's content-hash cache stays the judge of what is really unchanged, so a stale or
 * lost file here costs time, never correctness.
 */
export interface SeenFiles {
  configKey: string;
  files: Map<string, [number, number]>;
}

const FILE = 'optimus-seen.json';

export async function loadSeen(cacheDir: string | undefined, configKey: string): Promise<SeenFiles> {
  const empty: SeenFiles = { configKey, files: new Map() };
  if (!cacheDir) return empty;
  try {
    const parsed = JSON.parse(await readFile(path.join(cacheDir, FILE), 'utf8')) as { configKey?: unknown; files?: unknown };
    if (parsed.configKey !== configKey || typeof parsed.files !== 'object' || parsed.files === null) return empty;
    return { configKey, files: new Map(Object.entries(parsed.files as Record<string, [number, number]>)) };
  } catch {
    return empty; // first run, or a damaged file: every file is treated as new
  }
}

export async function saveSeen(cacheDir: string | undefined, seen: SeenFiles): Promise<void> {
  if (!cacheDir) return;
  const body = JSON.stringify({ configKey: seen.configKey, files: Object.fromEntries(seen.files) });
  await writeFile(path.join(cacheDir, FILE), body).catch(() => undefined); // only an optimization
}
