/**
 * Function heads and bodies in a lexed text: a head is a line matching the language's head pattern; its body
 * is the balanced `{…}` that follows (brace languages) or the lines indented deeper than the head
 * (Python, Ruby, Lua). Estimates, never exact: an unbalanced brace simply extends a body to the end of file.
 */
import type { LexedLine } from './textLexer';
import type { TextSyntax } from './textSyntax';

export interface TextFunction {
  /** `function 'name'` or `method 'name'`, worded as ESLint names JavaScript functions. */
  name: string;
  /** The bare identifier, for spotting recursion. */
  identifier: string;
  /** 1-based, of the head's first non-blank character. */
  line: number;
  column: number;
  /** 0-based indices of the first (head) and last line of the function. */
  first: number;
  last: number;
}

/** Longer lines are not tried as heads: the patterns are linear per line, but a 1 MB minified line is not a head. */
const MAX_HEAD_LENGTH = 500;
/** How far after a head its opening brace may be (multi-line parameter lists). */
const MAX_HEAD_LINES = 12;
const MAX_HEAD_CHARS = 4000;
const STATEMENT_WORDS = /(?:^|[^\w$])(?:return|new|else|throw|case|if|while|for|switch|catch|synchronized|do|await|yield|typeof|sizeof|delete|goto|using|lock|foreach|when|match|let|var|const|val|assert)(?![\w$])/;

export function findFunctions(lines: readonly LexedLine[], syntax: TextSyntax): TextFunction[] {
  const head = syntax.head;
  if (head === null) return [];
  const braces = syntax.body === 'braces' ? indexBraces(lines) : null;
  const found: TextFunction[] = [];
  const open: TextFunction[] = [];
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] as LexedLine;
    const name = headName(line, head, syntax.typedHead);
    if (name === null) continue;
    const last = braces === null ? indentedEnd(lines, l) : bracedEnd(lines, l, braces);
    if (last === null) continue;
    while (open.length > 0 && (open[open.length - 1] as TextFunction).last < l) open.pop();
    const kind = open.length > 0 ? 'function' : isMember(lines, l, braces?.depths ?? null) ? 'method' : 'function';
    const fn = { name: `${kind} '${name}'`, identifier: name, line: l + 1, column: line.code.search(/\S/) + 1, first: l, last };
    found.push(fn);
    open.push(fn);
  }
  return found;
}

/** The function's name when the line is a function head. */
function headName(line: LexedLine, head: RegExp, typed: boolean): string | null {
  if (!line.hasCode || line.code.length > MAX_HEAD_LENGTH) return null;
  const match = head.exec(line.code);
  const name = match?.groups?.name ?? match?.groups?.alt;
  if (!match || name === undefined) return null;
  return !typed || plausibleHead(line.code, match.index + match[0].length, name) ? name : null;
}

function plausibleHead(code: string, end: number, name: string): boolean {
  const before = code.slice(0, Math.max(0, code.lastIndexOf(name, end)));
  if (STATEMENT_WORDS.test(` ${name} `) || STATEMENT_WORDS.test(before)) return false;
  // An assignment, a member access or an open call before the name: a call, not a declaration.
  return !/[=(.]/.test(before.replace(/::/g, ''));
}

/** A function outside any other function is a method when it sits in a class (impl, struct, receiver …). */
function isMember(lines: readonly LexedLine[], at: number, depths: Int32Array | null): boolean {
  const code = (lines[at] as LexedLine).code;
  if (/^\s*func\s*\(/.test(code)) return true;
  if (depths !== null) return (depths[at] ?? 0) > 0;
  return enclosingHeader(lines, at);
}

export interface BraceIndex {
  /** Brace depth at the start of each line (a `}` with nothing open is ignored). */
  depths: Int32Array;
  /** How many `{` come before each line. */
  opensBefore: Int32Array;
  /** For the k-th `{` of the text, the line of its `}`, or -1 when it is never closed. */
  closeLine: Int32Array;
}

/** Matches every brace once, so that finding a body's end costs nothing however unbalanced the text is. */
export function indexBraces(lines: readonly LexedLine[]): BraceIndex {
  const depths = new Int32Array(lines.length);
  const opensBefore = new Int32Array(lines.length);
  const closes: number[] = [];
  const stack: number[] = [];
  for (let l = 0; l < lines.length; l++) {
    depths[l] = stack.length;
    opensBefore[l] = closes.length;
    for (const c of (lines[l] as LexedLine).code) {
      if (c === '{') {
        stack.push(closes.length);
        closes.push(-1);
      } else if (c === '}' && stack.length > 0) {
        closes[stack.pop() as number] = l;
      }
    }
  }
  return { depths, opensBefore, closeLine: Int32Array.from(closes) };
}

/**
 * The line that closes the first `{` after the head, or null when something else ends the head first: a `;`
 * (a prototype, a call statement) or an `=` (Kotlin's `fun f() = x`), unless the `=` is followed by `{` (Scala).
 */
function bracedEnd(lines: readonly LexedLine[], headLine: number, braces: BraceIndex): number | null {
  const scan = { brackets: 0, budget: MAX_HEAD_CHARS };
  for (let l = headLine; l < lines.length && l - headLine <= MAX_HEAD_LINES && scan.budget > 0; l++) {
    const opening = bodyOpeningIn((lines[l] as LexedLine).code, scan);
    if (opening === 'none') return null;
    if (opening === 'later') continue;
    const close = braces.closeLine[(braces.opensBefore[l] ?? 0) + opening] ?? -1;
    return close >= 0 ? close : lines.length - 1;
  }
  return null;
}

/**
 * Reads on through a head: the body's `{` in this line (as the how-many-th `{` of the line), 'none' when the head
 * ends without a body, 'later' when the line ends first. Brackets carry over lines in `scan`.
 */
function bodyOpeningIn(code: string, scan: { brackets: number; budget: number }): number | 'none' | 'later' {
  let opens = 0;
  for (let i = 0; i < code.length && scan.budget > 0; i++, scan.budget--) {
    const c = code[i];
    if (c === '{') {
      if (scan.brackets <= 0) return opens;
      opens++;
    } else if (c === '(' || c === '[') {
      scan.brackets++;
    } else if (c === ')' || c === ']') {
      scan.brackets--;
    } else if (scan.brackets <= 0 && (c === ';' || (c === '=' && endsHead(code, i)))) {
      return 'none';
    }
  }
  return 'later';
}

function endsHead(code: string, i: number): boolean {
  const next = code[i + 1];
  const previous = code[i - 1];
  if (next === '=' || next === '>' || previous === '=' || previous === '!' || previous === '<' || previous === '>') return false;
  return !/^\s*\{/.test(code.slice(i + 1, i + 40));
}

/** The last code line indented deeper than the head (Python, Ruby, Lua bodies). */
function indentedEnd(lines: readonly LexedLine[], headLine: number): number {
  const indent = (lines[headLine] as LexedLine).indent;
  let last = headLine;
  for (let l = headLine + 1; l < lines.length; l++) {
    const line = lines[l] as LexedLine;
    if (line.continues || !line.hasCode) {
      if (line.hasCode) last = l;
      continue;
    }
    if (line.indent <= indent) {
      // Ruby and Lua close the body with `end` at the head's indentation: it belongs to the function.
      if (/^\s*end\b/.test(line.code)) last = l;
      break;
    }
    last = l;
  }
  return last;
}

/** True when the nearest less-indented line above opens a class or module. */
function enclosingHeader(lines: readonly LexedLine[], at: number): boolean {
  const indent = (lines[at] as LexedLine).indent;
  if (indent === 0) return false;
  for (let l = at - 1; l >= 0; l--) {
    const line = lines[l] as LexedLine;
    if (line.hasCode && !line.continues && line.indent < indent) return /^\s*(?:class|module)\b/.test(line.code);
  }
  return false;
}
