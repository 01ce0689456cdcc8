import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';
import type { SecretCandidate } from './secretCandidate';

const BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----/g;
/** A PEM RSA-4096 key is ~3.3 KB; a block whose END is further than this is not one block. */
const MAX_BLOCK = 64 * 1024;
/** The shortest real key body (an Ed25519 PKCS#8 key) has 64 base64 characters. */
const MIN_BODY = 64;

/**
 * PEM private-key blocks, END line included. The body may sit in a string with `\n` escapes or be split over
 * concatenated literals, so it is judged by its base64 characters; `...` or `<key>` bodies are docs.
 */
export function privateKeyCandidates(text: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const match of text.matchAll(BEGIN)) {
    const candidate = judgeBlock(text, match.index, match[0].length, match[1] ?? '');
    if (candidate) found.push(candidate);
  }
  return found;
}

function judgeBlock(text: string, start: number, headerLength: number, kind: string): SecretCandidate | null {
  const endMarker = text.indexOf('-----END ', start + headerLength);
  if (endMarker < 0 || endMarker - start > MAX_BLOCK) return null;
  const close = text.indexOf('-----', endMarker + 9);
  if (close < 0 || close - endMarker > 80) return null;
  const body = text.slice(start + headerLength, endMarker);
  const base64 = body.replace(/\\[nrt]|[^A-Za-z0-9+/=]/g, '');
  if (base64.length < MIN_BODY || isPlaceholder(body) || shannonEntropy(base64) < 4.5) return null;
  const end = close + 5;
  const encrypted = kind.includes('ENCRYPTED') || body.includes('ENCRYPTED');
  return {
    // a PEM in a string is the whole string (its trailing newline included), so the whole literal moves
    ruleId: 'secret/private-key', start, end, value: text.slice(start, end), envName: 'PRIVATE_KEY', shown: `(${kind.trim() || 'PKCS#8'})`, moveWhole: true,
    severity: encrypted ? 'warning' : 'error', ...(encrypted ? { note: 'it is encrypted with a passphrase' } : {}),
  };
}
