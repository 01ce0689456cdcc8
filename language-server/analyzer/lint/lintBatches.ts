/** A file to lint with what batching needs: its size and whether it looks unchanged since the last run. */
export interface PlannedFile {
  path: string;
  bytes: number;
  mtimeMs: number;
  /** Same size and mtime as when it was last linted under the same config: ESLint's cache will most likely answer. */
  likelyCached: boolean;
}

/**
 * ESLint cannot be interrupted inside a call, and it reads a batch's files concurrently: their reads complete
 * together and the lints run back to back, so a batch is about the longest the server can stall (an LSP
 * message or a cancel waits that long). Measured on 100k lines of node_modules JS: 64 KB batches (~2k lines)
 * stall ~120 ms, or one big file's lint when that is longer (~290 ms for a 2,400-line file); 256 KB batches
 * stalled ~320 ms for no real gain in throughput. Every call also stats and rewrites ESLint's whole cache file,
 * which is what a re-run costs (with 64 KB batches alone ~0.5 s for 100k lines); files that look unchanged
 * therefore go in batches of 500, answered from the cache (~0.1 s for the same 100k lines).
 */
export const BATCH_BYTES = 64 * 1024;
export const CACHED_BATCH_FILES = 500;

export function planBatches(files: readonly PlannedFile[], maxBytes = BATCH_BYTES): PlannedFile[][] {
  const cached = files.filter((f) => f.likelyCached);
  const out: PlannedFile[][] = [];
  for (let i = 0; i < cached.length; i += CACHED_BATCH_FILES) out.push(cached.slice(i, i + CACHED_BATCH_FILES));
  let current: PlannedFile[] = [];
  let bytes = 0;
  for (const file of files.filter((f) => !f.likelyCached)) {
    if (current.length && bytes + file.bytes > maxBytes) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes;
  }
  if (current.length) out.push(current);
  return out;
}
