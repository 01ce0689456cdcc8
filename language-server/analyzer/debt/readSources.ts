import { open } from 'node:fs/promises';
import { mapLimit } from '../../util/limit';
import { looksMinified } from '../lint/skipFile';
import { languageOf } from '../source';
import type { SourceInput } from '../types';

export interface ReadSourcesOptions {
  /** Larger files are skipped with a note. Default 1 MB. */
  maxBytes?: number;
  concurrency?: number;
}

export interface ReadSourcesResult {
  sources: SourceInput[];
  /** One line per file left out, naming the file and why. */
  notes: string[];
}

/**
 * Reads source files for project-wide passes (duplicates, TODO ages) from disk, leaving out with a note what is
 * not hand-written text: too large, binary (a NUL byte), minified, or not a regular file. Never throws.
 */
export async function readSources(paths: readonly string[], options: ReadSourcesOptions = {}): Promise<ReadSourcesResult> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const read = await mapLimit(paths, options.concurrency ?? 8, (file) => readOne(file, maxBytes));
  const sources: SourceInput[] = [];
  const notes: string[] = [];
  read.forEach((r, i) => {
    if (typeof r === 'string') notes.push(`${paths[i] ?? ''} was skipped: ${r}`);
    else sources.push(r);
  });
  return { sources, notes };
}

async function readOne(file: string, maxBytes: number): Promise<SourceInput | string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return 'it is not a regular file';
    if (info.size > maxBytes) return `${(info.size / 2 ** 20).toFixed(1)} MB is over the ${(maxBytes / 2 ** 20).toFixed(1)} MB limit`;
    const buffer = await handle.readFile();
    if (buffer.subarray(0, 8000).includes(0)) return 'it is binary';
    const text = buffer.toString('utf8');
    if (looksMinified(file, text.slice(0, 64 * 1024))) return 'it looks minified';
    return { path: file, text, language: languageOf(file) };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
