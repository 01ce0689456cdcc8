import { createHash } from 'node:crypto';

/**
 * Values that stand for a secret rather than being one: documentation placeholders, references to the
 * environment or a template engine, and made-up test values. Flagging them would bury the real leaks.
 */

/** Words documentation and fixtures use for a value that is not real (`AKIAIOSFODNN7EXAMPLE` is AWS's own). */
const FAKE_WORDS = /example|sample|dummy|fake|placeholder|change[_-]?me|your[_-]?|redacted|replace[_-]?me|insert[_-]?|not[_-]?a[_-]?real|lorem|xxxx|\*{3}|\.{3}/i;
/** The value refers to a secret kept elsewhere: `${VAR}`, `{{ secrets.X }}`, `$VAR`, `%VAR%`, `<key>`, `process.env.X`. */
const REFERENCE = /\$\{|\{\{|^\$[A-Za-z_]|^%[A-Za-z_]+%$|<[^>]*>|^\{[^}]*\}$|process\.env|os\.environ|getenv|\benv\(|ENV\[|^:[a-z]|%\(?[sd]/;
const SEQUENCES = ['0123456789', '123456789', 'abcdefgh', 'ABCDEFGH', 'qwerty', 'QWERTY'];

/**
 * sha256 of keys printed in providers' own documentation and copied into countless tutorials (AWS's carry
 * EXAMPLE already). Hashed so that this file holds no key-shaped literal for other scanners to trip on.
 */
const DOCUMENTED_EXAMPLES = new Set([
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326', // Stripe's API reference test key
]);

export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.has(createHash('sha256').update(value).digest('hex'));
}

/** True for a value that only stands in for a secret. */
export function isPlaceholder(value: string): boolean {
  return FAKE_WORDS.test(value) || REFERENCE.test(value) || looksMadeUp(value);
}

/** Hand-typed fakes: one or two characters repeated (`xxxxxxxx`, `abababab`) or a keyboard/alphabet run. */
function looksMadeUp(value: string): boolean {
  if (value.length >= 8 && new Set(value).size <= 3) return true;
  if (/(.)\1{7}/.test(value)) return true;
  return SEQUENCES.some((run) => value.includes(run));
}

/** A value that names itself (`my-secret-token`, `testpassword`) is a fixture, not a credential. */
export function namesItself(value: string): boolean {
  return /pass(?:word|wd)|secret|token|api[_-]?key|credential/i.test(value);
}
