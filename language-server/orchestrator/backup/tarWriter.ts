/**
 * Writes the tar stream itself from tar's Header/Pax encoders instead of using tar's Pack: Pack turns a file
 * that vanishes or cannot be read mid-way into an error that ends the whole archive, and it reads files on its
 * own schedule, so neither per-byte progress nor a clean skip is possible through it.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Header, Pax } from 'tar';
import type { ArchiveEntry } from './collect';
import { errorCode } from './collect';
import type { ProgressMeter } from './progress';
import type { SkippedFile } from './types';

const BLOCK = 512;
const CHUNK = 1 << 20;
// NONBLOCK: a file swapped for a FIFO since it was listed must not hang the open; NOFOLLOW: nor be swapped for a
// symlink that leads out of the project.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface TarReport {
  meter: ProgressMeter;
  skipped: SkippedFile[];
  /** Files that shrank or failed mid-read after their header was written: archived zero-padded. */
  incomplete: SkippedFile[];
  files: number;
  bytes: number;
}

/**
 * The archive opens with a `./` entry: tar's reader calls an archive without any entry "Unrecognized archive
 * format", and an empty project must still make a restorable backup. Restore ignores this entry.
 */
const ROOT: ArchiveEntry = { rel: '.', abs: '', kind: 'dir', size: 0, mode: 0o755, mtime: new Date(0) };

export async function* tarChunks(entries: readonly ArchiveEntry[], report: TarReport, signal?: AbortSignal): AsyncGenerator<Buffer> {
  yield* header(ROOT, 0);
  for (const entry of entries) {
    signal?.throwIfAborted();
    if (entry.kind === 'file') yield* fileChunks(entry, report, signal);
    else {
      yield* header(entry, 0);
      if (entry.kind === 'symlink') count(report, 0);
    }
  }
  yield Buffer.alloc(BLOCK * 2);
}

function* header(entry: ArchiveEntry, size: number): Generator<Buffer> {
  const type = entry.kind === 'dir' ? 'Directory' : entry.kind === 'symlink' ? 'SymbolicLink' : 'File';
  const fields = {
    path: entry.kind === 'dir' ? `${entry.rel}/` : entry.rel,
    linkpath: entry.target,
    mode: entry.mode,
    size,
    mtime: entry.mtime,
  };
  const h = new Header({ ...fields, type });
  // encode() says whether a name or size did not fit the ustar fields (long or non-ASCII names, > 8 GiB).
  if (h.encode()) yield new Pax(fields).encode();
  if (!h.block) throw new Error(`cannot encode a tar header for ${entry.rel}`);
  yield h.block;
}

async function* fileChunks(entry: ArchiveEntry, report: TarReport, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const opened = await openForArchive(entry);
  if ('reason' in opened) {
    report.skipped.push({ path: entry.rel, reason: opened.reason });
    report.meter.add(1, entry.size);
    return;
  }
  const { handle, size } = opened;
  // Progress counts against the size listed, which the totals were made of: a file that grew since must not
  // push the bar past its end, and one that shrank still moves it by its full share.
  let shown = 0;
  const show = (upTo: number): void => {
    const next = Math.min(upTo, entry.size);
    if (next > shown) report.meter.add(0, next - shown);
    shown = Math.max(shown, next);
  };
  try {
    yield* header(entry, size);
    let done = 0;
    while (done < size) {
      signal?.throwIfAborted();
      const chunk = await readChunk(handle, done, Math.min(CHUNK, size - done), entry, report);
      done += chunk.length;
      show(done);
      yield chunk;
    }
    if (size % BLOCK !== 0) yield Buffer.alloc(BLOCK - (size % BLOCK));
    count(report, size);
  } finally {
    await handle.close().catch(() => undefined);
  }
  show(entry.size);
}

type Opened = { handle: FileHandle; size: number } | { reason: string };

async function openForArchive(entry: ArchiveEntry): Promise<Opened> {
  let handle: FileHandle;
  try {
    handle = await open(entry.abs, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { reason: 'vanished during the backup' };
    if (code === 'ELOOP') return { reason: 'replaced by a symlink during the backup' };
    return { reason: `not readable (${code})` };
  }
  const stat = await handle.stat().catch(() => null);
  if (stat?.isFile()) return { handle, size: stat.size };
  await handle.close().catch(() => undefined);
  return { reason: 'no longer a regular file when it was read' };
}

/** A short read (the file shrank, or the disk failed) still has to fill the size the header promised. */
async function readChunk(handle: FileHandle, position: number, length: number, entry: ArchiveEntry, report: TarReport): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  try {
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled < length) markIncomplete(report, entry, 'shrank while it was being read; the archived copy is zero-padded');
  } catch (error) {
    markIncomplete(report, entry, `read failed part-way (${errorCode(error)}); the archived copy is zero-padded`);
  }
  return buffer;
}

function markIncomplete(report: TarReport, entry: ArchiveEntry, reason: string): void {
  if (!report.incomplete.some((i) => i.path === entry.rel)) report.incomplete.push({ path: entry.rel, reason });
}

function count(report: TarReport, bytes: number): void {
  report.files += 1;
  report.bytes += bytes;
  report.meter.add(1, 0);
}
