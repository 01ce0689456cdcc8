/**
 * The quoted string around a range of a text, found on the range's own line without a parser: the secrets
 * scanner reads every language. Returns the offsets of the opening and past the closing quote, or null.
 * The move-to-.env planner re-checks this with the TypeScript parser for JS/TS before editing anything.
 */
export function quotedLiteralAround(text: string, start: number, end: number): { start: number; end: number } | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextNewline = text.indexOf('\n', end);
  const lineEnd = nextNewline < 0 ? text.length : nextNewline;
  const open = openingQuote(text, lineStart, start);
  if (open < 0) return null;
  const quote = text.charAt(open);
  for (let i = end; i < lineEnd; i++) {
    if (text.charAt(i) === '\\') i++;
    else if (text.charAt(i) === quote) return { start: open, end: i + 1 };
  }
  return null;
}

/** The nearest unescaped quote before `start` on its line, if no other quote of its kind sits in between. */
function openingQuote(text: string, lineStart: number, start: number): number {
  for (let i = start - 1; i >= lineStart; i--) {
    const char = text.charAt(i);
    if ((char === '"' || char === "'" || char === '`') && text.charAt(i - 1) !== '\\') {
      return text.slice(i + 1, start).includes(char) ? -1 : i;
    }
  }
  return -1;
}
