import path from 'node:path';
import type { AskProject, AskProjectRef } from './askTypes';
import { damerauLevenshtein } from './fuzzy';

/**
 * Where a sentence names projects. Matching, best first: the exact name (any case, separators optional:
 * "shop admin" is shop-admin), all of a name's parts in any order ("old blog" is blog-old), a prefix
 * ("portf"), one part of a name ("admin"), a typo (Damerau-Levenshtein ≤ 2, names of 5 characters or more).
 * The loose kinds apply only to words the parser does not already read as meaning.
 */
export interface Mention {
  /** Word range [start, end) in the sentence. */
  start: number;
  end: number;
  /** One project, or several that matched equally well (an ambiguity the caller asks about). */
  projects: AskProjectRef[];
  quality: number;
}

export interface MentionResult {
  mentions: Mention[];
  /** Words that look like paths but are no known project's folder. */
  unknownPaths: string[];
}

export const MATCH_QUALITY = { exact: 1, joined: 0.98, allParts: 0.9, prefix: 0.8, part: 0.7, typo1: 0.6, typo2: 0.5 } as const;

const MAX_SPAN = 4;
const MIN_LOOSE_CHARS = 3;
const MIN_TYPO_NAME = 5;
const SEPARATORS = /[-_.\s]+/g;

interface Candidate {
  ref: AskProjectRef;
  lower: string;
  key: string;
  parts: string[];
}

export interface MentionOptions {
  /** Words with a meaning of their own ("show", "info"): never matched loosely. */
  isKnownWord: (word: string) => boolean;
  isStopword: (word: string) => boolean;
  /** For `~/projects/blog`. */
  home?: string;
}

export function findMentions(words: readonly string[], projects: readonly AskProject[], options: MentionOptions): MentionResult {
  const candidates = projects.map(candidate);
  const found: Mention[] = [];
  const unknownPaths: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (looksLikePath(word)) {
      const hit = byPath(word, candidates, options.home);
      if (hit) found.push({ start: i, end: i + 1, projects: [hit], quality: MATCH_QUALITY.exact });
      else unknownPaths.push(word);
      continue;
    }
    for (let j = i + 1; j <= Math.min(words.length, i + MAX_SPAN); j++) {
      const span = words.slice(i, j);
      if (span.some(looksLikePath)) break;
      const best = bestFor(span, candidates, options);
      if (best) found.push({ start: i, end: j, ...best });
    }
  }
  return { mentions: pickNonOverlapping(found), unknownPaths };
}

function candidate(p: AskProject): Candidate {
  const lower = p.name.toLowerCase();
  return { ref: { name: p.name, path: p.path }, lower, key: lower.replace(SEPARATORS, ''), parts: lower.split(SEPARATORS).filter(Boolean) };
}

/** The projects a span names best, all of those tied at the best quality. */
function bestFor(span: readonly string[], candidates: readonly Candidate[], options: MentionOptions): Omit<Mention, 'start' | 'end'> | null {
  const first = span[0] as string;
  const last = span[span.length - 1] as string;
  // A span never starts or ends with filler: "the blog" is the mention "blog".
  if (options.isStopword(first) || options.isStopword(last)) return null;
  let quality = 0;
  let projects: AskProjectRef[] = [];
  for (const c of candidates) {
    const q = spanQuality(span, c, options);
    if (q > quality) [quality, projects] = [q, [c.ref]];
    else if (q === quality && q > 0) projects.push(c.ref);
  }
  return quality > 0 ? { projects, quality } : null;
}

function spanQuality(span: readonly string[], c: Candidate, options: MentionOptions): number {
  const joined = span.join(' ');
  const key = joined.replace(SEPARATORS, '');
  if (span.length === 1 && joined === c.lower) return MATCH_QUALITY.exact;
  if (key === c.key) return MATCH_QUALITY.joined;
  if (span.length > 1 && span.length === c.parts.length && sameSet(span, c.parts)) return MATCH_QUALITY.allParts;
  // Below here matching is loose: a word with a meaning of its own is never read as a name this way.
  if (span.some((w) => options.isKnownWord(w))) return 0;
  if (span.length === 1 && key.length >= MIN_LOOSE_CHARS) {
    if (c.key.startsWith(key) || c.lower.startsWith(joined)) return MATCH_QUALITY.prefix;
    if (c.parts.length > 1 && c.parts.includes(joined)) return MATCH_QUALITY.part;
  }
  return typoQuality(key, c);
}

function typoQuality(key: string, c: Candidate): number {
  if (c.key.length < MIN_TYPO_NAME || key.length < MIN_TYPO_NAME - 1 || key[0] !== c.key[0]) return 0;
  const d = damerauLevenshtein(key, c.key, 2);
  return d === 1 ? MATCH_QUALITY.typo1 : d === 2 ? MATCH_QUALITY.typo2 : 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.every((w) => set.has(w)) && new Set(a).size === set.size;
}

/**
 * Sure matches first, longer spans before shorter ("shop admin" is one mention, not "shop" and "admin"; "old
 * blog" is blog-old); loose ones after, best first, so a typo over two words never hides an exact name.
 */
function pickNonOverlapping(found: Mention[]): Mention[] {
  const sure = (m: Mention) => (m.quality >= MATCH_QUALITY.allParts ? 1 : 0);
  const length = (m: Mention) => m.end - m.start;
  const ordered = [...found].sort((a, b) => sure(b) - sure(a) || (sure(a) ? length(b) - length(a) || b.quality - a.quality : b.quality - a.quality || length(b) - length(a)) || a.start - b.start);
  const taken: Mention[] = [];
  for (const m of ordered) {
    if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function looksLikePath(word: string): boolean {
  return word.includes('/') || word.startsWith('~');
}

function byPath(word: string, candidates: readonly Candidate[], home: string | undefined): AskProjectRef | undefined {
  const expanded = home && (word === '~' || word.startsWith('~/')) ? path.join(home, word.slice(1)) : word;
  if (!path.isAbsolute(expanded)) return undefined;
  const wanted = path.resolve(expanded).toLowerCase();
  return candidates.find((c) => path.resolve(c.ref.path).toLowerCase() === wanted)?.ref;
}
