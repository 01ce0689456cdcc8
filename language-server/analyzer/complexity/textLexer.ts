/**
 * Splits a source text of a non-parsed language into lines and, per line, the code with comments removed and
 * string contents emptied (`"a # b"` → `""`), so that the regex-based measures see neither. Linear in the
 * text; unclosed strings and comments simply run to the end of their line or of the file.
 */
import { countTodos } from './lineStats';
import type { StringRule, TextSyntax } from './textSyntax';

export interface LexedLine {
  /** Code of the line: comments removed, string contents emptied. */
  code: string;
  hasCode: boolean;
  hasComment: boolean;
  /** Columns of leading whitespace (a tab advances to the next multiple of 8, as Python reads it). */
  indent: number;
  /** Starts inside a string, a comment or open brackets: its indentation means nothing. */
  continues: boolean;
}

export interface Lexed {
  lines: LexedLine[];
  todos: number;
}

type State =
  | { kind: 'code' }
  | { kind: 'block'; close: string; open: string; depth: number }
  | { kind: 'string'; rule: StringRule; doc: boolean };

const CODE: State = { kind: 'code' };

export function lex(text: string, syntax: TextSyntax): Lexed {
  const lexer = new Lexer(syntax);
  const raw = text.split('\n');
  // A final line break does not start another line.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const lines = text.length === 0 ? [] : raw.map((line) => lexer.line(line.endsWith('\r') ? line.slice(0, -1) : line));
  return { lines, todos: lexer.todos };
}

class Lexer {
  todos = 0;
  private state: State = CODE;
  private brackets = 0;
  private readonly openers: string;

  constructor(private readonly syntax: TextSyntax) {
    const firsts = [...syntax.lineComments, ...syntax.blockComments.map((b) => b[0]), ...syntax.strings.map((s) => s.open)];
    if (syntax.charLiteralsOrLifetimes) firsts.push("'");
    this.openers = [...new Set(firsts.map((s) => s[0] ?? ''))].join('') + (syntax.body === 'indent' ? '([{)]}' : '');
  }

  line(text: string): LexedLine {
    const out: LexedLine = { code: '', hasCode: false, hasComment: false, indent: indentOf(text), continues: this.state.kind !== 'code' || this.brackets > 0 };
    let i = 0;
    while (i < text.length) {
      const state = this.state;
      if (state.kind === 'block') i = this.inBlock(text, i, state, out);
      else if (state.kind === 'string') i = this.inString(text, i, state, out);
      else i = this.inCode(text, i, out);
    }
    // Single-line strings end with their line, whatever a stray quote started.
    if (this.state.kind === 'string' && !this.state.rule.multiline) this.state = CODE;
    return out;
  }

  private inCode(text: string, from: number, out: LexedLine): number {
    let i = from;
    while (i < text.length && !this.openers.includes(text[i] as string)) i++;
    this.code(out, text.slice(from, i));
    if (i >= text.length) return i;
    const c = text[i] as string;
    if (this.syntax.body === 'indent' && '([{)]}'.includes(c)) {
      this.brackets = Math.max(0, this.brackets + ('([{'.includes(c) ? 1 : -1));
      this.code(out, c);
      return i + 1;
    }
    return this.opening(text, i, out);
  }

  /** At a character that may open a comment or a string. */
  private opening(text: string, i: number, out: LexedLine): number {
    for (const [open, close] of this.syntax.blockComments) {
      if (text.startsWith(open, i) && (open[0] !== '=' || i === 0)) {
        this.state = { kind: 'block', open, close, depth: 1 };
        out.hasComment = true;
        return i + open.length;
      }
    }
    for (const marker of this.syntax.lineComments) {
      if (text.startsWith(marker, i)) {
        out.hasComment = true;
        this.todos += countTodos(text.slice(i));
        return text.length;
      }
    }
    if (this.syntax.charLiteralsOrLifetimes && text[i] === "'") return this.charOrLifetime(text, i, out);
    for (const rule of this.syntax.strings) {
      if (text.startsWith(rule.open, i)) {
        const doc = this.syntax.docstrings && rule.open.length === 3 && /^\s*[rRbBuUfF]{0,2}$/.test(text.slice(0, i));
        this.state = { kind: 'string', rule, doc };
        if (doc) out.hasComment = true;
        else this.code(out, rule.open);
        return i + rule.open.length;
      }
    }
    this.code(out, text[i] as string);
    return i + 1;
  }

  private inBlock(text: string, from: number, state: Extract<State, { kind: 'block' }>, out: LexedLine): number {
    out.hasComment = true;
    let i = from;
    while (i < text.length) {
      if (text.startsWith(state.close, i)) {
        i += state.close.length;
        if (--state.depth === 0) {
          this.state = CODE;
          break;
        }
      } else if (this.syntax.nestedBlockComments && text.startsWith(state.open, i)) {
        i += state.open.length;
        state.depth++;
      } else {
        i++;
      }
    }
    this.todos += countTodos(text.slice(from, i));
    return i;
  }

  private inString(text: string, from: number, state: Extract<State, { kind: 'string' }>, out: LexedLine): number {
    const { rule } = state;
    let i = from;
    while (i < text.length && !text.startsWith(rule.close, i)) i += rule.escapes && text[i] === '\\' ? 2 : 1;
    const content = text.slice(from, Math.min(i, text.length));
    if (state.doc) {
      this.todos += countTodos(content);
      out.hasComment = true;
    } else if (/\S/.test(content)) {
      out.hasCode = true;
    }
    if (i >= text.length) return text.length;
    if (!state.doc) this.code(out, rule.close);
    this.state = CODE;
    return i + rule.close.length;
  }

  /** Rust: `'x'` and `'\n'` are characters, `'a` (no closing quote right after) a lifetime or label. */
  private charOrLifetime(text: string, i: number, out: LexedLine): number {
    const escaped = text[i + 1] === '\\';
    const close = escaped ? text.indexOf("'", i + 2) : text[i + 2] === "'" ? i + 2 : text[i + 3] === "'" && /[\ud800-\udbff]/.test(text[i + 1] ?? '') ? i + 3 : -1;
    if (close < 0 || close - i > 12) {
      this.code(out, "'");
      return i + 1;
    }
    this.code(out, "''");
    return close + 1;
  }

  private code(out: LexedLine, piece: string): void {
    if (piece.length === 0) return;
    out.code += piece;
    if (!out.hasCode && /\S/.test(piece)) out.hasCode = true;
  }
}

function indentOf(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col = col - (col % 8) + 8;
    else break;
  }
  return col;
}
