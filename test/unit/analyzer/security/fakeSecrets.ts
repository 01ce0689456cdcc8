import { generateKeyPairSync } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Realistic-format credentials made up at test time (seeded, so runs are repeatable). None was ever issued by a
 * provider, and none sits in the repository as text, so push protection and other scanners stay quiet.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const URLSAFE = `${BASE62}-_`;
const BASE64 = `${BASE62}+/`;

export class FakeSecrets {
  private state: number;

  constructor(seed = 42) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, seeded, good enough to make strings with the entropy of real keys. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }

  awsKeyId(prefix = 'AKIA'): string { return prefix + this.chars(BASE32, 16); }
  awsSecret(): string { return this.chars(BASE64, 40); }
  /** With the CRC32 checksum GitHub appends, computed with node's zlib (independent of the scanner's own CRC). */
  githubToken(prefix = 'ghp'): string {
    const random = this.chars(BASE62, 30);
    return `${prefix}_${random}${base62(crc32(random), 6)}`;
  }
  githubPat(): string { return `github_pat_${this.chars(BASE62, 22)}_${this.chars(BASE62, 59)}`; }
  gitlabToken(): string { return `glpat-${this.chars(URLSAFE, 20)}`; }
  slackBotToken(): string { return `xoxb-${this.chars('0123456789', 12)}-${this.chars('0123456789', 13)}-${this.chars(BASE62, 24)}`; }
  slackWebhook(): string {
    const upper = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return `https://hooks.slack.com/services/T${this.chars(upper, 8)}/B${this.chars(upper, 10)}/${this.chars(BASE62, 24)}`;
  }
  stripe(prefix: 'sk_live_' | 'rk_live_' | 'sk_test_' = 'sk_live_', length = 99): string { return prefix + this.chars(BASE62, length); }
  googleApiKey(): string { return `AIza${this.chars(URLSAFE, 35)}`; }
  openaiProjectKey(): string { return `sk-proj-${this.chars(URLSAFE, 74)}T3BlbkFJ${this.chars(URLSAFE, 74)}`; }
  openaiLegacyKey(): string { return `sk-${this.chars(BASE62, 20)}T3BlbkFJ${this.chars(BASE62, 20)}`; }
  anthropicKey(): string { return `sk-ant-api03-${this.chars(URLSAFE, 93)}AA`; }
  password(length = 20): string { return this.chars(`${BASE62}!@%^*`, length); }
  /** Characters a URL carries without percent-encoding, as a password inside a connection string. */
  urlPassword(length = 20): string { return this.chars(`${BASE62}-_.~!*`, length); }
  hex(length: number): string { return this.chars('0123456789abcdef', length); }
  base64(length: number): string { return this.chars(BASE64, length); }

  jwt(payload: Record<string, unknown> = { sub: 'user-42', iat: 1_700_000_000 }): string {
    const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${this.chars(URLSAFE, 43)}`;
  }
}

export function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = BASE62.charAt(rest % 62) + out;
  return out.padStart(width, '0');
}

/** A freshly generated Ed25519 key in PKCS#8 PEM: real key material that belongs to nobody. */
export function freshPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** True when any 8 consecutive characters of `secret` show up in `text`. */
export function leaks(text: string, secret: string): boolean {
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) return true;
  return false;
}
