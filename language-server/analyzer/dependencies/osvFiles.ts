/**
 * Reads the raw records of an OSV database the user points at: one JSON file (an array of records, a single
 * record, or an osv.dev API answer `{vulns: [...]}`), or a folder of JSON files as osv.dev's per-ecosystem zip
 * exports unpack (one record per file, possibly in subfolders). Files come out a batch at a time, so a folder of
 * 100k files is never all in memory at once.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';

export type OsvFile = { file: string; records: unknown[] } | { file: string; problem: string };

/** V8 cannot hold a string much over 512 MB; JSON.parse of one this size already needs a few GB. */
const MAX_SINGLE_FILE = 256 * 1024 * 1024;
/** One advisory is a few KB; a file in an export folder past this is not one. */
const MAX_FOLDER_FILE = 16 * 1024 * 1024;
const BATCH = 32;

/** Throws only for the database path itself being unusable (the caller turns that into a note). */
export async function* readOsvFiles(dbPath: string, signal?: AbortSignal): AsyncGenerator<OsvFile> {
  const info = await stat(dbPath);
  if (info.isFile()) {
    yield await readOne(dbPath, MAX_SINGLE_FILE);
    return;
  }
  if (!info.isDirectory()) throw new Error('it is neither a file nor a folder');
  const files = (await readdir(dbPath, { recursive: true })).filter((f) => f.toLowerCase().endsWith('.json')).sort();
  for (let i = 0; i < files.length && !signal?.aborted; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map((f) => readOne(path.join(dbPath, f), MAX_FOLDER_FILE));
    for (const read of await Promise.all(batch)) yield read;
  }
}

async function readOne(file: string, maxBytes: number): Promise<OsvFile> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { file, problem: 'not a regular file' };
    if (info.size > maxBytes) return { file, problem: `${Math.ceil(info.size / 1048576)} MB, over the ${maxBytes / 1048576} MB limit` };
    const text = await readFile(file, 'utf8');
    return recordsOf(file, JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (error) {
    return { file, problem: error instanceof SyntaxError ? `not valid JSON (${error.message})` : `unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
}

function recordsOf(file: string, value: unknown): OsvFile {
  if (Array.isArray(value)) return { file, records: value };
  const vulns = asRecord(value)?.vulns;
  if (Array.isArray(vulns)) return { file, records: vulns };
  if (isRecord(value)) return { file, records: [value] };
  return { file, problem: 'holds neither an OSV record nor a list of them' };
}
