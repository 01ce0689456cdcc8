import { isScript } from '../source';
import type { SourceInput } from '../types';
import { genericShapes } from './genericShapes';
import type { ShapedFile } from './lineShapes';
import { scriptShapes } from './scriptShapes';

export interface DuplicateOptions {
  /**
   * Fewest lines a duplicated run must have, counted after blank and comment lines are dropped and consecutive
   * lines of one shape are folded into one. Default 6.
   */
  minLines?: number;
  /** Fewest tokens the run must have, so a few short lines do not count. Default 100, as SonarQube for JS. */
  minTokens?: number;
  /** Stop after this many pairs. Default 500. */
  maxPairs?: number;
}

export const DUPLICATE_DEFAULTS: Required<DuplicateOptions> = { minLines: 6, minTokens: 100, maxPairs: 500 };

/** Files larger than this are generated or data, not code someone copied. */
const MAX_TEXT = 1_000_000;

export interface CodeRange {
  path: string;
  /** 1-based physical lines, inclusive. */
  startLine: number;
  endLine: number;
}

export interface DuplicatePair {
  /** The earlier occurrence (by input order, then position). */
  first: CodeRange;
  second: CodeRange;
  /** Lines of code in the run (of the later copy). */
  lines: number;
  /** Tokens in the run, counting each folded run of same-shaped lines once. */
  tokens: number;
  /** Same tokens, not only the same shape. */
  exact: boolean;
}

/**
 * A file as a sequence of integer ids, one per run of consecutive lines of the same shape: rows of a data table
 * or a list of one-line calls fold into one entry, so they cannot pass for six lines of copied logic.
 */
interface Indexed {
  path: string;
  shape: Int32Array;
  exact: Int32Array;
  startLine: Int32Array;
  endLine: Int32Array;
  /** Tokens of the entry's first line: repeats of a shape add no logic, so they add no weight either. */
  tokens: Int32Array;
  /** Lines of code folded into each entry. */
  lines: Int32Array;
}

/**
 * Finds runs of at least `minLines` lines of code that occur twice, across files or twice in one file, where
 * lines match on their shape (identifiers and literals normalised). Each window of `minLines` entries is hashed;
 * the first occurrence of a hash is remembered, a later one is checked entry by entry, then extended as far as
 * they keep matching, and the windows it covers are not tried again. Linear in the number of lines.
 */
export function findDuplicates(sources: readonly SourceInput[], options: DuplicateOptions = {}): DuplicatePair[] {
  const opts = { ...DUPLICATE_DEFAULTS, ...options };
  const files = indexFiles(sources);
  const firstSeen = new Map<number, { file: number; at: number }>();
  const pairs: DuplicatePair[] = [];
  for (let f = 0; f < files.length && pairs.length < opts.maxPairs; f++) {
    scanFile(files, f, firstSeen, pairs, opts);
  }
  return pairs;
}

function indexFiles(sources: readonly SourceInput[]): Indexed[] {
  const shapeIds = new Map<string, number>();
  const exactIds = new Map<string, number>();
  const out: Indexed[] = [];
  for (const source of sources) {
    const file = shapesOf(source);
    if (file) out.push(fold(file, shapeIds, exactIds));
  }
  return out;
}

function intern(ids: Map<string, number>, s: string): number {
  let id = ids.get(s);
  if (id === undefined) ids.set(s, (id = ids.size + 1));
  return id;
}

function fold(file: ShapedFile, shapeIds: Map<string, number>, exactIds: Map<string, number>): Indexed {
  const entries: Array<{ shape: string; exact: string[]; start: number; end: number; tokens: number; lines: number }> = [];
  file.shapes.forEach((shape, k) => {
    const last = entries[entries.length - 1];
    const line = file.lines[k] as number;
    if (last && last.shape === shape) {
      last.exact.push(file.exact[k] as string);
      last.end = line;
      last.lines++;
    } else entries.push({ shape, exact: [file.exact[k] as string], start: line, end: line, tokens: file.tokens[k] as number, lines: 1 });
  });
  return {
    path: file.path,
    shape: Int32Array.from(entries, (e) => intern(shapeIds, e.shape)),
    exact: Int32Array.from(entries, (e) => intern(exactIds, e.exact.join('\n'))),
    startLine: Int32Array.from(entries, (e) => e.start),
    endLine: Int32Array.from(entries, (e) => e.end),
    tokens: Int32Array.from(entries, (e) => e.tokens),
    lines: Int32Array.from(entries, (e) => e.lines),
  };
}

function shapesOf(source: SourceInput): ShapedFile | null {
  if (source.text.length > MAX_TEXT || source.text.includes('\0')) return null;
  if (isScript(source.language)) return scriptShapes(source.path, source.text);
  return source.language === 'other' ? null : genericShapes(source.path, source.text, source.language);
}

const BASE = 0x01000193;

function scanFile(files: readonly Indexed[], f: number, firstSeen: Map<number, { file: number; at: number }>, pairs: DuplicatePair[], opts: Required<DuplicateOptions>): void {
  const me = files[f] as Indexed;
  const m = opts.minLines;
  const n = me.shape.length;
  if (n < m) return;
  let top = 1;
  for (let k = 1; k < m; k++) top = Math.imul(top, BASE);
  let hash = 0;
  for (let k = 0; k < m; k++) hash = (Math.imul(hash, BASE) + (me.shape[k] as number)) | 0;
  let coveredUntil = -1;
  for (let i = 0; ; i++) {
    if (i > coveredUntil) {
      const earlier = firstSeen.get(hash);
      if (!earlier) firstSeen.set(hash, { file: f, at: i });
      else {
        const match = matchAt(files, earlier, f, i, opts);
        coveredUntil = Math.max(coveredUntil, i + match.length - m);
        if (match.pair) pairs.push(match.pair);
        if (pairs.length >= opts.maxPairs) return;
      }
    }
    if (i + m >= n) return;
    hash = (Math.imul(hash - Math.imul(me.shape[i] as number, top), BASE) + (me.shape[i + m] as number)) | 0;
  }
}

/**
 * The pair starting at these two windows, extended as far as entries match: `length` is how far it reached (the
 * windows inside it are not tried again, whether or not it was a real duplicate); `pair` is null when it was not.
 */
function matchAt(files: readonly Indexed[], earlier: { file: number; at: number }, f: number, i: number, opts: Required<DuplicateOptions>): { pair: DuplicatePair | null; length: number } {
  const a = files[earlier.file] as Indexed;
  const b = files[f] as Indexed;
  // In one file the copies must not overlap: a repeated pattern matches itself shifted.
  const limit = earlier.file === f ? i - earlier.at : Infinity;
  let length = 0;
  while (length < limit && i + length < b.shape.length && a.shape[earlier.at + length] === b.shape[i + length]) length++;
  if (length < opts.minLines) return { pair: null, length: 0 };
  const lines = sum(b.lines, i, length);
  const tokens = sum(b.tokens, i, length);
  if (tokens < opts.minTokens || !isVaried(b.shape, i, length)) return { pair: null, length };
  let exact = true;
  for (let k = 0; k < length && exact; k++) exact = a.exact[earlier.at + k] === b.exact[i + k];
  const range = (file: Indexed, at: number): CodeRange => ({ path: file.path, startLine: file.startLine[at] as number, endLine: file.endLine[at + length - 1] as number });
  return { pair: { first: range(a, earlier.at), second: range(b, i), lines, tokens, exact }, length };
}

function sum(values: Int32Array, from: number, length: number): number {
  let total = 0;
  for (let k = from; k < from + length; k++) total += values[k] ?? 0;
  return total;
}

/**
 * Rejects runs that alternate between a couple of line shapes (a long switch of one-line cases, pairs of
 * lines repeated): alike in shape, but not copied logic. Needs 3 distinct shapes, and one per 4 entries.
 */
function isVaried(shape: Int32Array, from: number, length: number): boolean {
  const distinct = new Set(shape.subarray(from, from + length)).size;
  return distinct >= Math.max(3, Math.ceil(length / 4));
}
