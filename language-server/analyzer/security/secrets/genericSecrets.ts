import { maskSecret } from '../../../store/auditLog';
import { characterClasses, isHex, shannonEntropy } from './entropy';
import { isPlaceholder, namesItself } from './placeholders';
import type { SecretCandidate } from './secretCandidate';
import { envNameFor, secretNameKind, type SecretNameKind } from './secretNames';

/**
 * `name = "value"`, `name: value`, `"name": "value"`, `name := "value"`, `'name' => 'value'`. The look-behind
 * stops a match from starting inside a name, which keeps the scan linear on long lines.
 */
const ASSIGNMENT = /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,63})["'`]?\]?\s{0,4}(?::=|=>|=(?!=)|:(?![:/]))\s{0,4}(?:[rRbBuU]{0,2}(["'`])([^"'`\\\n]{1,512})\2|([^\s"'`,;#)}\]]{1,512}))/g;
/** Lines without one of these cannot hold a secret-looking name; most lines are dropped by this test alone. */
const HINT = /pass|pwd|secret|token|key|auth|cred|cookie|sig|jwt|pat/i;
/** Minified or data lines: the generic guess is noise there (the provider patterns still run). */
const MAX_LINE = 10_000;
const AUTH_SCHEME = /^(?:Bearer|Basic|Token)\s+/i;
/**
 * Values that are not credentials whatever their name: prose (spaces, non-ASCII), words, paths and URLs, SRI
 * and password hashes.
 */
const NOT_A_SECRET = [/\s/, /[^\x21-\x7e]/, /^[A-Za-z]+(?:[_.\/:-][A-Za-z]+)*$/, /^\d+$/, /^(?:https?:|\.{0,2}\/|[a-z]+:\/\/)/, /^sha(?:1|256|384|512)-/, /^\$(?:2[abxy]?|argon2(?:id|i|d)?|scrypt|pbkdf2)\$/];
/** A word as people write them: capitalised or lower case with a vowel and no long consonant run, or an acronym. */
const WORD = /^(?:(?=[A-Z]?[a-z]*[aeiouy])(?![A-Za-z]*[b-df-hj-np-tv-xz]{4})[A-Z]?[a-z]{2,}|[A-Z]{2,5})$/;

export function genericCandidates(text: string, configFile: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    if (lineEnd - lineStart <= MAX_LINE) scanLine(text.slice(lineStart, lineEnd), lineStart, configFile, found);
    lineStart = lineEnd + 1;
  }
  return found;
}

function scanLine(line: string, offset: number, configFile: boolean, found: SecretCandidate[]): void {
  if (!HINT.test(line)) return;
  for (const match of line.matchAll(ASSIGNMENT)) {
    const quoted = match[3];
    const raw = quoted ?? (configFile ? match[4] : undefined);
    const name = match[1] ?? '';
    const kind = raw === undefined ? null : secretNameKind(name);
    if (raw === undefined || !kind) continue;
    const valueAt = match.index + match[0].length - raw.length - (quoted === undefined ? 0 : 1);
    const candidate = judge(name, kind, raw, offset + valueAt);
    if (candidate) found.push(candidate);
  }
}

function judge(name: string, kind: SecretNameKind, raw: string, start: number): SecretCandidate | null {
  const scheme = AUTH_SCHEME.exec(raw)?.[0].length ?? 0;
  const value = raw.slice(scheme);
  if (!looksRandom(value, kind)) return null;
  return {
    ruleId: 'secret/generic', start: start + scheme, end: start + raw.length, value, severity: 'warning',
    envName: envNameFor(name), shown: kind === 'password' ? '****' : maskSecret(value),
  };
}

/**
 * A constant or enum value (`FlowAuthMethodRequiredResultV2`, `user_session_token_v1`): words in camel or snake
 * case with a few digits. Random strings split into many one-letter pieces instead.
 */
function looksLikeIdentifier(value: string): boolean {
  if ((value.match(/\d/g)?.length ?? 0) > 4) return false;
  const words = value.replace(/\d+/g, '').split(/[_.:/-]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
  return words.filter((w) => !WORD.test(w)).length <= (words.length >= 4 ? 1 : 0);
}

/** Shannon-entropy thresholds: hex spans 16 symbols, so random hex scores lower than random base64. */
function looksRandom(value: string, kind: SecretNameKind): boolean {
  if (NOT_A_SECRET.some((re) => re.test(value)) || looksLikeIdentifier(value) || isPlaceholder(value) || namesItself(value)) return false;
  const bits = shannonEntropy(value);
  if (kind === 'password') return value.length >= 8 && characterClasses(value) >= 2 && bits >= 2.75;
  return value.length >= 16 && bits >= (isHex(value) ? 3 : 3.5);
}
