import type { TextEdit } from '../../types';
import { quotedLiteralAround } from '../secrets/quotedLiteral';

/** A one-line Python string literal around a secret. */
export interface PythonLiteral {
  /** From the prefix letters (`r`, `u`, `f`) through the closing quote. */
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  quote: string;
  prefix: string;
  cooked: string;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"' };

/** The literal around `[start, end)`, or why it cannot be replaced (bytes, triple quotes, no quotes). */
export function pythonLiteralAt(text: string, start: number, end: number): PythonLiteral | string {
  const quoted = quotedLiteralAround(text, start, end);
  if (!quoted || text.charAt(quoted.start) === '`') return 'the secret is not inside a one-line string literal';
  const quote = text.charAt(quoted.start);
  if (text.charAt(quoted.start - 1) === quote || text.charAt(quoted.end) === quote) return 'the secret is in a triple-quoted string';
  const prefix = /[A-Za-z]{0,2}$/.exec(text.slice(Math.max(0, quoted.start - 2), quoted.start))?.[0] ?? '';
  if (!/^[rRuUfF]{0,2}$/.test(prefix)) return 'the secret is in a bytes literal, which os.environ cannot replace';
  const contentStart = quoted.start + 1;
  const contentEnd = quoted.end - 1;
  const raw = text.slice(contentStart, contentEnd);
  const cooked = /r/i.test(prefix) ? raw : raw.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole);
  return { start: quoted.start - prefix.length, end: quoted.end, contentStart, contentEnd, quote, prefix, cooked };
}

/**
 * The edit adding `import os` when the module does not import it yet: after a shebang or encoding comment, the
 * module docstring and `from __future__` imports, which must stay first.
 */
export function osImportEdit(text: string): TextEdit | null {
  // `import os`, `import sys, os`, `import os.path` bind `os`; `import os as o` does not
  if (/^import\s+(?:[\w.]+\s*,\s*)*os(?:\.[\w.]+)?\s*(?:,|#|$)/m.test(text)) return null;
  let at = 0;
  for (;;) {
    const rest = text.slice(at);
    const skip = /^(?:[ \t]*#[^\n]*\n|[ \t]*\n|from\s+__future__\s+import[^\n]*\n)/.exec(rest) ?? docstring(rest);
    if (!skip) break;
    at += skip[0].length;
  }
  return { start: at, end: at, text: 'import os\n' };
}

function docstring(rest: string): RegExpExecArray | null {
  return /^[rRuU]?("""|''')[\s\S]*?\1[^\n]*\n/.exec(rest);
}
