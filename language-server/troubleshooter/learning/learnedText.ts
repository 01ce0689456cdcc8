import { maskCommandLine } from '../../scanner/runtime/mask';

/**
 * What of an error text may be kept: the cause's line, masked, and the words a classifier needs. Error texts
 * carry connection strings, tokens and keys; none of them may reach the store.
 */
const MAX_EXCERPT = 300;
const MAX_TERMS = 400;
/** user:password@ in URLs. */
const URL_CREDENTIALS = /(\w+:\/\/)[^\s/:@]+:[^\s/@]+@/g;
/** Long runs mixing letters and digits (keys, tokens, hashes): kept as a mask. */
const RANDOM_LOOKING = /\b(?=[A-Za-z0-9_\-+/=]*\d)(?=[A-Za-z0-9_\-+/=]*[A-Za-z])[A-Za-z0-9_\-+/=]{20,}\b/g;

export function excerptOf(text: string, line: number | null): string {
  const lines = text.split('\n');
  const picked = line !== null ? lines[line] : lines.find((l) => l.trim() !== '');
  return maskText((picked ?? '').trim().slice(0, MAX_EXCERPT));
}

export function maskText(text: string): string {
  return maskCommandLine(text.replace(URL_CREDENTIALS, '$1****@').replace(RANDOM_LOOKING, '****'));
}

/** Lower-cased words, without anything random-looking (which could be a secret and teaches nothing). */
export function termsOf(text: string): string {
  const out: string[] = [];
  for (const match of text.slice(0, 64 * 1024).toLowerCase().matchAll(/[a-z_][a-z0-9_]{1,39}/g)) {
    const word = match[0];
    if (word.length >= 16 && /\d/.test(word)) continue;
    out.push(word);
    if (out.length >= MAX_TERMS) break;
  }
  return out.join(' ');
}
