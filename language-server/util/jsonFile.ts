/**
 * Small JSON files the engine keeps for itself (caches of network answers under $OPTIMUS_HOME/cache). Reading
 * never throws: a missing, oversized, unreadable or corrupt file reads as `undefined`, and the caller starts
 * afresh. Writing is atomic, so another process never sees half a file.
 */
import { writeFileAtomic } from '../store/atomicFile';
import { readSmallFileSync } from './readSmall';

export function readJsonFileSync(file: string, maxBytes: number): unknown {
  try {
    const read = readSmallFileSync(file, maxBytes);
    return Buffer.isBuffer(read) ? (JSON.parse(read.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Build `value` with Object.fromEntries for keys read from outside: `__proto__` then stays a plain key. */
export async function writeJsonFileAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify(value)}\n`));
}
