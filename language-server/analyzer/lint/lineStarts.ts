/**
 * Offsets where each line starts (index 0 is line 1), with ESLint's line breaks (\n, \r\n, \r, U+2028/9).
 * Line 1 starts after a byte-order mark: text inserted there must follow it.
 */
export function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

/** The whitespace a line starts with. */
export function indentAt(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 256))?.[0] ?? '';
}
