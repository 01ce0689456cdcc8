/** Parsing of /proc/net/tcp and /proc/net/tcp6 (proc(5)). Pure: the reading lives in procfs.ts. */
import os from 'node:os';

export interface ListeningSocket {
  /** Socket inode: the key that /proc/<pid>/fd links (`socket:[inode]`) point at. */
  inode: number;
  port: number;
  /** Local address as text: `0.0.0.0`, `127.0.0.1`, `::`, `::1`, ... */
  address: string;
}

const LISTEN = '0A';

/**
 * Every socket in state LISTEN. Lines that do not parse are skipped: the header, and anything a future kernel
 * adds. Inode 0 is skipped too — it has no owner to find.
 */
export function parseProcNetTcp(text: string, littleEndian = os.endianness() === 'LE'): ListeningSocket[] {
  const out: ListeningSocket[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    // sl local rem st tx:rx tr:tm retrnsmt uid timeout inode
    if (f.length < 10 || f[3] !== LISTEN || !/^\d+:$/.test(f[0] ?? '')) continue;
    const local = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(f[1] ?? '');
    const inode = Number(f[9]);
    if (!local || !Number.isSafeInteger(inode) || inode <= 0) continue;
    out.push({ inode, port: parseInt(local[2] as string, 16), address: decodeAddress(local[1] as string, littleEndian) });
  }
  return out;
}

/**
 * The kernel prints each 32-bit word of the address in host byte order, so on little-endian machines every
 * group of four bytes is reversed; the port, by contrast, is printed as a plain number.
 */
export function decodeAddress(hex: string, littleEndian: boolean): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const b = [0, 2, 4, 6].map((i) => parseInt(hex.slice(word + i, word + i + 2), 16));
    bytes.push(...(littleEndian ? b.reverse() : b));
  }
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16));
  return compressIpv6(groups);
}

/** RFC 5952: the longest run of two or more zero groups becomes `::`. */
function compressIpv6(groups: string[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.length < 2) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}
