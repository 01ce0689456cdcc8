/**
 * Whitespace and comments between JavaScript/TypeScript tokens. TypeScript's own trivia scanners are internal
 * or skip same-line comments, and between two tokens nothing else can occur, so a small scanner is exact here.
 */

export interface CommentRange {
  start: number;
  end: number;
}

/** True for the characters ECMAScript treats as whitespace or line terminators. */
export function isWhitespace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * Scans the trivia starting at `pos`, calls `onComment` for each comment, and returns where the next token starts.
 * Stops at the first character that is neither whitespace nor the start of a comment.
 */
export function scanTrivia(text: string, pos: number, onComment?: (start: number, end: number) => void): number {
  let i = pos;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    if (c !== 47 /* / */ || i + 1 >= n) break;
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const start = i;
      i += 2;
      while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
      onComment?.(start, i);
    } else if (next === 42 /* * */) {
      const start = i;
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      onComment?.(start, i);
    } else {
      break;
    }
  }
  return i;
}

/** Where the next token starts. */
export function skipTrivia(text: string, pos: number): number {
  return scanTrivia(text, pos);
}
