import type { AnalyzedLanguage } from '../types';
import { IDENT, LITERAL, LineCollector } from './lineShapes';
import type { ShapedFile } from './lineShapes';

/** Words kept as themselves when normalising: keywords of the languages read here (a union is close enough). */
const KEYWORDS: ReadonlySet<string> = new Set(
  ('if else elif for while do return break continue def fn func function class struct enum impl trait interface ' +
    'package import from as in is not and or try except finally catch throw throws raise with yield lambda pass ' +
    'match case switch default public private protected static final const let var mut pub use mod self this ' +
    'super new nil null None True False true false go defer chan select type range map async await void int long ' +
    'float double boolean bool char string str extends implements override where loop unsafe ref move')
    .split(' '),
);

const TOKEN = /[A-Za-z_$][\w$]*|\d[\w.]*|"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|\S/g;
/** Lines that only bring names in, in the languages read here. */
const IMPORT_LINE = /^\s*(?:import\b|from\s+\S+\s+import\b|use\s|package\s|#include\b|using\s|extern\s+crate\b|require\b)/;

interface CommentStyle {
  line: string;
  /** Block comment delimiters, or Python's triple-quoted strings (docstrings hold no code). */
  block: Array<[string, string]>;
}

const HASH: CommentStyle = { line: '#', block: [['"""', '"""'], ["'''", "'''"]] };
const C_LIKE: CommentStyle = { line: '//', block: [['/*', '*/']] };

/**
 * Shapes of a Python, Go, Rust, Java (or other C-like) file from a line-by-line tokenizer: comments and
 * docstrings stripped, identifiers and literals normalised, keywords kept. Approximate where the language's
 * grammar would be needed (multi-line raw strings), which shifts shapes alike in every file.
 */
export function genericShapes(path: string, text: string, language: AnalyzedLanguage): ShapedFile {
  const style = language === 'python' ? HASH : C_LIKE;
  const out = new LineCollector(path);
  let closing: string | null = null;
  let inGoImports = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const stripped = stripComments(lines[i] ?? '', style, closing);
    closing = stripped.closing;
    const code = stripped.code;
    if (inGoImports || /^\s*import\s*\($/.test(code)) {
      inGoImports = !/^\s*\)/.test(code);
      continue;
    }
    if (IMPORT_LINE.test(code)) continue;
    for (const token of code.match(TOKEN) ?? []) out.add(i + 1, shapeOf(token), token);
  }
  return out.finish();
}

function shapeOf(token: string): string {
  const c = token.charCodeAt(0);
  if (c === 34 || c === 39 || c === 96 || (c >= 48 && c <= 57)) return LITERAL;
  if (/^[A-Za-z_$]/.test(token)) return KEYWORDS.has(token) ? token : IDENT;
  return token;
}

/** The line without comments; `closing` is the end delimiter of a block still open from an earlier line. */
function stripComments(line: string, style: CommentStyle, open: string | null): { code: string; closing: string | null } {
  let code = '';
  let rest = line;
  let closing = open;
  while (rest.length > 0) {
    if (closing !== null) {
      const end = rest.indexOf(closing);
      if (end === -1) return { code, closing };
      rest = rest.slice(end + closing.length);
      closing = null;
      continue;
    }
    const next = nextCommentStart(rest, style);
    if (!next) return { code: code + rest, closing: null };
    code += rest.slice(0, next.at);
    if (next.close === null) return { code, closing: null };
    rest = rest.slice(next.at + next.open.length);
    closing = next.close;
  }
  return { code, closing };
}

/** The earliest comment opener in `text` that is not inside a quoted string. */
function nextCommentStart(text: string, style: CommentStyle): { at: number; open: string; close: string | null } | null {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    for (const [open, close] of style.block) if (text.startsWith(open, i)) return { at: i, open, close };
    if (text.startsWith(style.line, i)) return { at: i, open: style.line, close: null };
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
  }
  return null;
}
