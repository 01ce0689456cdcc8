import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** SHA-256 and size of a file, streamed so a multi-gigabyte archive never sits in memory. */
export async function hashFile(file: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const tap = hashTap();
  await pipeline(createReadStream(file), tap.stream, async function* (source) {
    for await (const _ of source) void _;
  }, { signal });
  return tap.result();
}

/** A pass-through that hashes and counts what flows through it. */
export function hashTap(): { stream: Transform; result: () => { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/**
 * Files being written under temporary names in the final folder (same file system, so the rename that
 * publishes them is atomic), removed again if the work fails or is cancelled.
 */
export class PartialFiles {
  private readonly paths = new Set<string>();
  /** Folders this backup created; removed after the files, and only while empty (another backup may share them). */
  private readonly dirs: string[] = [];
  private readonly tag = `${process.pid}-${randomBytes(4).toString('hex')}`;

  /** A temporary name beside `finalPath`; dot-prefixed so listings skip it, `.partial` so pruning finds leftovers. */
  temp(finalPath: string): string {
    const name = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${this.tag}.partial`);
    this.track(name);
    return name;
  }

  track(file: string): void {
    this.paths.add(file);
  }

  forget(file: string): void {
    this.paths.delete(file);
  }

  /** `first` is what `mkdir(last, { recursive: true })` returned: the outermost folder it had to create. */
  trackDirs(first: string | undefined, last: string): void {
    if (first === undefined) return;
    for (let dir = last; dir.length >= first.length; dir = path.dirname(dir)) this.dirs.push(dir);
  }

  async removeAll(): Promise<void> {
    await Promise.all([...this.paths].map((p) => rm(p, { force: true, recursive: true }).catch(() => undefined)));
    this.paths.clear();
    for (const dir of this.dirs.splice(0)) await rmdir(dir).catch(() => undefined);
  }
}

/** Leftovers of a backup that was killed outright carry this suffix. */
export const isPartialName = (name: string): boolean => name.startsWith('.') && name.endsWith('.partial');
