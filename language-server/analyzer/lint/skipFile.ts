import { open } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Enough of a file to tell minified code from hand-written code without reading all of it. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Why a file is not worth linting, or null. Minified or generated bundles take seconds each and every finding
 * in them is noise; the size cap keeps one file from holding the server for long.
 */
export function skipReasonForText(file: string, text: string, maxBytes: number): string | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return `${file} was skipped: ${formatMb(bytes)} is over the ${formatMb(maxBytes)} limit`;
  return looksMinified(file, text.slice(0, SAMPLE_BYTES)) ? `${file} was skipped: it looks minified` : null;
}

/** The same check for a file on disk, reading at most its first 64 KB, with its size. Missing files are skipped too. */
export async function checkFile(file: string, maxBytes: number): Promise<{ bytes: number; mtimeMs: number; skip: string | null }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size, mtimeMs } = await handle.stat();
    if (size > maxBytes) return { bytes: size, mtimeMs, skip: `${file} was skipped: ${formatMb(size)} is over the ${formatMb(maxBytes)} limit` };
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: size, mtimeMs, skip: looksMinified(file, buffer.toString('utf8', 0, bytesRead)) ? `${file} was skipped: it looks minified` : null };
  } catch (e) {
    return { bytes: 0, mtimeMs: 0, skip: `${file} was skipped: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    await handle?.close();
  }
}

/** A `.min.` name, or lines far longer than people write (average over 250 characters, or one over 10,000). */
export function looksMinified(file: string, sample: string): boolean {
  if (/\.min\.[cm]?[jt]sx?$/i.test(path.basename(file))) return true;
  if (sample.length < 2048) return false;
  const lines = sample.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return sample.length / lines.length > 250 || longest > 10_000;
}

const formatMb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
