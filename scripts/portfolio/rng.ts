/** A small seeded random source, so that a portfolio is the same on every run with the same seed. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A hex string of `length` characters, for fake hashes. */
  hex(length: number): string;
  /** An independent source derived from this one's seed and a label; forks do not disturb each other. */
  fork(label: string | number): Rng;
}

/** FNV-1a, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    hex: (length) => Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join(''),
    fork: (label) => createRng(hash32(`${seed}:${label}`)),
  };
}

/** A deterministic fake hash of a text, as hex, for integrity fields and lockfiles. */
export function fakeHash(text: string, length = 40): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hash32(`${i}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
