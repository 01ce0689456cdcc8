/**
 * Python text with the insides of strings and comments blanked out (same length, line breaks kept, quotes
 * kept), so that line-based patterns for `import x` or `os.environ[` never match inside a docstring or a comment.
 * Not a full tokenizer: f-string replacement fields are blanked with the rest of the string.
 */
let last: { text: string; masked: string } | undefined;

/** Imports and env uses of one file both need the mask: the last one is kept. */
export function pythonCodeMask(text: string): string {
  if (last?.text === text) return last.masked;
  const masked = mask(text);
  last = { text, masked };
  return masked;
}

function mask(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') i = blankComment(text, out, i);
    else if (c === '"' || c === "'") i = blankString(text, out, i);
    else i++;
  }
  return out.join('');
}

function blankComment(text: string, out: string[], start: number): number {
  let i = start;
  while (i < text.length && text[i] !== '\n') out[i++] = ' ';
  return i;
}

/** Returns the offset after the closing quote (or where an unclosed single-line string gives up: the line end). */
function blankString(text: string, out: string[], start: number): number {
  const quote = text[start] as string;
  const triple = text.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  let i = start + close.length;
  while (i < text.length) {
    if (text[i] === '\\') {
      blank(out, i, Math.min(i + 2, text.length));
      i += 2;
    } else if (text.startsWith(close, i)) {
      return i + close.length;
    } else if (!triple && text[i] === '\n') {
      return i;
    } else {
      blank(out, i, i + 1);
      i++;
    }
  }
  return i;
}

function blank(out: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
}
