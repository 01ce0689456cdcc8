/**
 * Line counts shared by the script and text measures. A line is code when it holds a non-blank character
 * outside comments, a comment line when it holds (part of) a comment; a line with both counts as both, so
 * `sloc + commentLines` can exceed `loc` and the comment ratio is commentLines / loc.
 */
import { isWhitespace, type CommentRange } from './trivia';

export interface LineStats {
  loc: number;
  sloc: number;
  commentLines: number;
  todos: number;
}

const TODO = /\b(?:TODO|FIXME|HACK|XXX)\b/g;

/** TODO, FIXME, HACK and XXX as whole upper-case words: lower-case `todo` is too often an ordinary word. */
export function countTodos(comment: string): number {
  TODO.lastIndex = 0;
  let n = 0;
  while (TODO.exec(comment) !== null) n++;
  return n;
}

/** Physical lines: a final line break does not start another line; an empty text has none. */
function physicalLines(text: string, lineStarts: readonly number[]): number {
  if (text.length === 0) return 0;
  const last = lineStarts[lineStarts.length - 1] ?? 0;
  return last === text.length ? lineStarts.length - 1 : lineStarts.length;
}

/**
 * Classifies lines from the text, its line starts (as TypeScript computes them, so every line terminator
 * counts) and its comments in source order; one pass over the characters.
 */
export function scriptLineStats(text: string, lineStarts: readonly number[], comments: readonly CommentRange[]): LineStats {
  const loc = physicalLines(text, lineStarts);
  const code = new Uint8Array(lineStarts.length);
  const comment = new Uint8Array(lineStarts.length);
  let line = 0;
  let todos = 0;
  const lineAt = (offset: number): number => {
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
    return line;
  };
  let pos = 0;
  for (const c of comments) {
    markCode(text, pos, c.start, code, lineAt, lineStarts);
    for (let l = lineAt(c.start), last = lineAt(Math.max(c.start, c.end - 1)); l <= last; l++) comment[l] = 1;
    todos += countTodos(text.slice(c.start, c.end));
    pos = Math.max(pos, c.end);
  }
  markCode(text, pos, text.length, code, lineAt, lineStarts);
  return { loc, sloc: sum(code), commentLines: sum(comment), todos };
}

function markCode(text: string, from: number, to: number, code: Uint8Array, lineAt: (offset: number) => number, lineStarts: readonly number[]): void {
  for (let i = from; i < to; i++) {
    if (isWhitespace(text.charCodeAt(i))) continue;
    const l = lineAt(i);
    code[l] = 1;
    // The rest of this line cannot change anything.
    i = Math.max(i, (lineStarts[l + 1] ?? to) - 1);
  }
}

function sum(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) n += f;
  return n;
}
