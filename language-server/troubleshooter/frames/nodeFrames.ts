import { isBrowserUrl } from './browserFrames';
import { splitLocation } from './location';
import { makeFrame } from './makeFrame';
import type { StackFrame } from './types';
import { splitAtLine } from './v8AtLine';

/** `at fn (/abs/file.js:12:5)`, `at file:///abs/file.mjs:1:2`, `at fn (node:internal/x:1:2)`, `at C:\a\b.js:1:2`. */
export function nodeFrame(lines: readonly string[], index: number): StackFrame | null {
  const text = lines[index];
  if (text === undefined || !text.includes('at ')) return null;
  const at = splitAtLine(text);
  if (!at || isBrowserUrl(at.location)) return null;
  const location = splitLocation(at.location);
  // V8 always prints a column; a bare `at host:3000` without one is prose ("listening  at localhost:3000").
  if (!location || (location.column === null && at.function === null)) return null;
  return makeFrame({ runtime: 'node', rawFile: location.file, line: location.line, column: location.column, function: at.function, textLine: index });
}
