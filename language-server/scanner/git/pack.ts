/**
 * Finds undeltified objects in pack files through their version-2 `.idx`, reading only the bytes needed
 * (fanout, a slice of the sorted ids, one offset, one entry), never whole files: an idx of a big repository
 * is hundreds of MB. Commits are practically never stored as deltas (git does not find them worth it; checked
 * on `gc --aggressive` packs), so a delta entry, an old v1 idx or anything odd simply returns null and the
 * caller asks git.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

interface Pack {
  idx: FileHandle;
  packPath: string;
  pack?: Promise<FileHandle>;
  fanout: Buffer;
  count: number;
}

const IDX_MAGIC = 0xff744f63; // "\377tOc"
const HEADER = 8;
const FANOUT = 256 * 4;
/** Below this many bytes of candidate ids, read them at once instead of bisecting with single reads. */
const SLICE_BYTES = 64 * 1024;
const OBJ_COMMIT = 1;
const MAX_OBJECT_BYTES = 1 << 20;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

export class PackReader {
  private packs: Promise<Pack[]> | null = null;

  /** `sliceBytes` is only lowered by tests, to exercise the bisecting path without a million objects. */
  constructor(
    private readonly objectsDir: string,
    private readonly sliceBytes = SLICE_BYTES,
  ) {}

  /** The type number and inflated body of `oid`, if it is a whole (non-delta) entry in one of the packs. */
  async read(oid: string): Promise<{ type: number; body: Buffer } | null> {
    const id = Buffer.from(oid, 'hex');
    try {
      for (const pack of await (this.packs ??= this.openPacks())) {
        const offset = await findOffset(pack, id, this.sliceBytes);
        if (offset !== null) return await readEntry(pack, offset);
      }
    } catch {
      // A pack replaced by a concurrent repack, a truncated file: git will sort it out.
    }
    return null;
  }

  async close(): Promise<void> {
    const packs = this.packs ? await this.packs : [];
    const closing = packs.flatMap((p) => [p.idx.close(), p.pack?.then((fh) => fh.close())]);
    await Promise.all(closing.map((c) => c?.catch(() => undefined)));
  }

  private async openPacks(): Promise<Pack[]> {
    const dir = path.join(this.objectsDir, 'pack');
    const names = await readdir(dir).catch(() => [] as string[]);
    const packs = await Promise.all(names.filter((n) => n.endsWith('.idx')).map((n) => openIdx(path.join(dir, n))));
    return packs.filter((p): p is Pack => p !== null);
  }
}

async function openIdx(file: string): Promise<Pack | null> {
  const idx = await open(file, 'r').catch(() => null);
  if (!idx) return null;
  const head = await readAt(idx, 0, HEADER + FANOUT).catch(() => Buffer.alloc(0));
  if (head.length < HEADER + FANOUT || head.readUInt32BE(0) !== IDX_MAGIC || head.readUInt32BE(4) !== 2) {
    await idx.close().catch(() => undefined);
    return null;
  }
  const fanout = head.subarray(HEADER);
  return { idx, packPath: file.replace(/\.idx$/, '.pack'), fanout, count: fanout.readUInt32BE(255 * 4) };
}

async function findOffset(pack: Pack, id: Buffer, sliceBytes: number): Promise<number | null> {
  const first = id[0] ?? 0;
  let lo = first === 0 ? 0 : pack.fanout.readUInt32BE((first - 1) * 4);
  let hi = pack.fanout.readUInt32BE(first * 4);
  const idsAt = HEADER + FANOUT;
  while ((hi - lo) * id.length > sliceBytes) {
    const mid = (lo + hi) >>> 1;
    const cmp = Buffer.compare(await readAt(pack.idx, idsAt + mid * id.length, id.length), id);
    if (cmp === 0) return offsetOf(pack, mid, id.length);
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  const slice = await readAt(pack.idx, idsAt + lo * id.length, (hi - lo) * id.length);
  for (let i = 0; i + id.length <= slice.length; i += id.length) {
    if (slice.subarray(i, i + id.length).equals(id)) return offsetOf(pack, lo + i / id.length, id.length);
  }
  return null;
}

async function offsetOf(pack: Pack, index: number, hashLen: number): Promise<number | null> {
  const offsetsAt = HEADER + FANOUT + pack.count * (hashLen + 4);
  const small = (await readAt(pack.idx, offsetsAt + index * 4, 4)).readUInt32BE(0);
  if (!(small & 0x80000000)) return small;
  const large = await readAt(pack.idx, offsetsAt + pack.count * 4 + (small & 0x7fffffff) * 8, 8);
  const value = large.readBigUInt64BE(0);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

async function readEntry(pack: Pack, offset: number): Promise<{ type: number; body: Buffer } | null> {
  const fh = await (pack.pack ??= open(pack.packPath, 'r'));
  let buf = await readAt(fh, offset, 4096);
  let c = buf[0] ?? 0;
  const type = (c >> 4) & 7;
  let size = c & 15;
  let pos = 1;
  for (let shift = 4; c & 0x80 && pos < 16; shift += 7) {
    c = buf[pos++] ?? 0;
    size += (c & 0x7f) * 2 ** shift;
  }
  if (type !== OBJ_COMMIT || size > MAX_OBJECT_BYTES) return null;
  // Deflate grows incompressible data by less than 1/1024 plus a few bytes, so this holds the whole entry.
  const needed = pos + size + (size >> 10) + 64;
  if (buf.length < needed) buf = await readAt(fh, offset, needed);
  try {
    const body = inflateSync(buf.subarray(pos), { maxOutputLength: MAX_OBJECT_BYTES });
    return body.length === size ? { type, body } : null;
  } catch {
    return null;
  }
}
