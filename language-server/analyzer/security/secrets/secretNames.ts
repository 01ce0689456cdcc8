import { secretKind } from '../../../scanner/runtime/mask';

export type SecretNameKind = 'password' | 'secret';

/** A name ending in one of these holds something about a secret, not the secret (`passwordHash`, `tokenType`). */
const ABOUT_A_SECRET = new Set([
  'hash', 'hashed', 'digest', 'checksum', 'length', 'len', 'min', 'max', 'regex', 'regexp', 'pattern', 'field', 'label',
  'placeholder', 'prompt', 'header', 'prefix', 'policy', 'hint', 'rule', 'rules', 'validator', 'strength', 'count',
  'expiry', 'expires', 'ttl', 'timeout', 'format', 'endpoint', 'route', 'param', 'input', 'selector', 'message', 'error',
  'text', 'title', 'description', 'enabled', 'required', 'version', 'location', 'store', 'storage', 'provider', 'algorithm',
]);
/** `key` alone names cache keys, React keys and sort keys; only these make it a credential. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'signing', 'encryption', 'master', 'client', 'app', 'auth', 'license', 'service', 'admin', 'webhook', 'x']);
/** Object paths that say where a value lives rather than what it is. */
const CONTAINERS = new Set(['this', 'self', 'config', 'cfg', 'conf', 'settings', 'options', 'opts', 'env', 'process', 'window', 'module', 'exports', 'globalthis', 'credentials', 'secrets']);

/** `apiKey`, `API_KEY`, `api-key` → ['api', 'key']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Whether a name holds a password or another secret (builds on the command-line masker's word lists). */
export function secretNameKind(name: string): SecretNameKind | null {
  const last = name.split('.').at(-1) ?? name;
  const words = nameWords(last);
  const tail = words.at(-1);
  if (!tail || ABOUT_A_SECRET.has(tail) || words.includes('public')) return null;
  if (tail === 'key' && !KEY_QUALIFIERS.has(words.at(-2) ?? '')) return null;
  return secretKind(last);
}

/** `config.stripe.secretKey` → STRIPE_SECRET_KEY: the last two meaningful parts, in the .env style. */
export function envNameFor(name: string): string {
  const parts = name.split('.').filter((p) => p && !CONTAINERS.has(p.toLowerCase()));
  const words = parts.slice(-2).flatMap(nameWords);
  const joined = words.join('_').toUpperCase();
  return /^[A-Z_]/.test(joined) ? joined : `SECRET_${joined}`;
}
