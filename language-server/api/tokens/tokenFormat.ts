import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A token is `opt_<id>_<secret>`: 6 random bytes of id (hex, what `optimus token list` shows and `revoke`
 * takes) and 32 random bytes of secret (base64url). Only its SHA-256 is stored; the id finds the row, and
 * the hashes are compared in constant time, so neither a lookup nor a compare tells how close a guess was.
 */
export const TOKEN_PREFIX = 'opt_';
const ID_BYTES = 6;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^opt_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
export const TOKEN_ID_PATTERN = /^[0-9a-f]{12}$/;

export type TokenScope = 'read' | 'write';
export const SCOPES: readonly TokenScope[] = ['read', 'write'];

export interface NewToken {
  /** Shown once to the user, never stored. */
  token: string;
  id: string;
  /** SHA-256 of the whole token, hex. */
  hash: string;
}

export function newToken(random: (size: number) => Buffer = randomBytes): NewToken {
  const id = random(ID_BYTES).toString('hex');
  const token = `${TOKEN_PREFIX}${id}_${random(SECRET_BYTES).toString('base64url')}`;
  return { token, id, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The id inside a well-formed token; null for anything else (a typo, another service's token, garbage). */
export function tokenIdOf(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** Whether a presented token hashes to the stored hash, in time that does not depend on where they differ. */
export function matchesHash(token: string, storedHex: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const wellFormed = /^[0-9a-f]{64}$/.test(storedHex);
  // A damaged stored hash still costs one full compare, and never matches.
  const stored = wellFormed ? Buffer.from(storedHex, 'hex') : Buffer.alloc(presented.length);
  return timingSafeEqual(presented, stored) && wellFormed;
}

/** `Authorization: Bearer <token>`; null when the header is absent or of another scheme. */
export function bearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

export function isScope(value: unknown): value is TokenScope {
  return value === 'read' || value === 'write';
}
