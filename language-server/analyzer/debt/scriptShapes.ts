import type ts from 'typescript';
import { typescript } from '../source';
import { IDENT, LITERAL, LineCollector, lineStarts } from './lineShapes';
import type { ShapedFile } from './lineShapes';

/**
 * Shapes of a JS/TS file from TypeScript's scanner alone (no parse: it is several times faster, and duplicate
 * detection only needs tokens). The scanner needs help with what depends on grammar: a `}` that continues a
 * template literal, and a `/` that starts a regular expression.
 */
export function scriptShapes(path: string, text: string): ShapedFile {
  const t = typescript();
  const jsx = /\.(tsx|jsx)$/i.test(path);
  const scanner = t.createScanner(t.ScriptTarget.Latest, true, jsx ? t.LanguageVariant.JSX : t.LanguageVariant.Standard, text);
  const state = new ScanState(path, text);
  for (let kind = scanner.scan(); kind !== t.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    state.take(rescan(scanner, kind, state), scanner);
  }
  return state.finish();
}

/** Re-reads a token whose meaning the plain scan could not know. */
function rescan(scanner: ts.Scanner, kind: ts.SyntaxKind, state: ScanState): ts.SyntaxKind {
  const k = typescript().SyntaxKind;
  if (kind === k.CloseBraceToken && state.closesTemplateSpan()) return scanner.reScanTemplateToken(false);
  if ((kind === k.SlashToken || kind === k.SlashEqualsToken) && !state.afterOperand()) return scanner.reScanSlashToken();
  return kind;
}

class ScanState {
  private readonly out: LineCollector;
  private readonly starts: number[];
  private lineIndex = 0;
  /** Open `{` and `${`: true where a `}` would continue a template. */
  private readonly braces: boolean[] = [];
  private previous: ts.SyntaxKind | null = null;
  private readonly imports = new ImportSkipper();

  constructor(path: string, text: string) {
    this.out = new LineCollector(path);
    this.starts = lineStarts(text);
  }

  closesTemplateSpan(): boolean {
    return this.braces[this.braces.length - 1] === true;
  }

  afterOperand(): boolean {
    const k = typescript().SyntaxKind;
    const p = this.previous;
    if (p === null) return false;
    return p === k.Identifier || p === k.CloseParenToken || p === k.CloseBracketToken || p === k.CloseBraceToken || p === k.ThisKeyword
      || p === k.SuperKeyword || p === k.TrueKeyword || p === k.FalseKeyword || p === k.NullKeyword || isLiteral(p);
  }

  take(kind: ts.SyntaxKind, scanner: ts.Scanner): void {
    this.trackBraces(kind);
    const line = this.lineOf(scanner.getTokenStart());
    const firstOnLine = scanner.hasPrecedingLineBreak() || this.previous === null;
    this.previous = kind;
    if (this.imports.skips(kind, firstOnLine, scanner)) return;
    const text = scanner.getTokenText();
    this.out.add(line, shapeOf(kind, text), text);
  }

  finish(): ShapedFile {
    return this.out.finish();
  }

  private trackBraces(kind: ts.SyntaxKind): void {
    const k = typescript().SyntaxKind;
    if (kind === k.OpenBraceToken) this.braces.push(false);
    else if (kind === k.TemplateHead) this.braces.push(true);
    else if (kind === k.CloseBraceToken || kind === k.TemplateTail) this.braces.pop();
    // A template middle closes one `${` and opens the next: the stack is unchanged.
  }

  private lineOf(pos: number): number {
    while (this.lineIndex + 1 < this.starts.length && (this.starts[this.lineIndex + 1] ?? Infinity) <= pos) this.lineIndex++;
    return this.lineIndex + 1;
  }
}

function isLiteral(kind: ts.SyntaxKind): boolean {
  const k = typescript().SyntaxKind;
  return kind >= k.FirstLiteralToken && kind <= k.LastTemplateToken;
}

/**
 * Contextual keywords (`of`, `type`, `as`, `out`, `get`, …) are names in most places they appear (`const out`),
 * so they are normalised like identifiers: a copy that renamed `out` to `result` keeps its shape.
 */
function shapeOf(kind: ts.SyntaxKind, text: string): string {
  const k = typescript().SyntaxKind;
  if (kind === k.Identifier || kind === k.PrivateIdentifier) return IDENT;
  if (kind > k.LastFutureReservedWord && kind <= k.LastKeyword) return IDENT;
  if (isLiteral(kind)) return LITERAL;
  return text;
}

/**
 * Drops import and re-export statements: every file has them, alike in shape, and they are not logic.
 * A statement starts at `import` (not `import(` or `import.meta`) or `export {`/`export *` first on a line,
 * and ends after its module string, or at a `;`, or at the `}` of an `export { … }` with no `from`.
 */
class ImportSkipper {
  private active = false;
  private depth = 0;

  skips(kind: ts.SyntaxKind, firstOnLine: boolean, scanner: ts.Scanner): boolean {
    const k = typescript().SyntaxKind;
    if (!this.active) {
      if (!firstOnLine || !this.starts(kind, scanner)) return false;
      this.active = true;
      this.depth = 0;
      return true;
    }
    if (kind === k.OpenBraceToken) this.depth++;
    if (kind === k.CloseBraceToken) this.depth--;
    const endsAtBrace = kind === k.CloseBraceToken && this.depth === 0 && scanner.lookAhead(() => scanner.scan()) !== k.FromKeyword;
    if (kind === k.SemicolonToken || (kind === k.StringLiteral && this.depth === 0) || endsAtBrace) this.active = false;
    if (!this.active && kind !== k.SemicolonToken && scanner.lookAhead(() => scanner.scan()) === k.SemicolonToken) this.active = true;
    return true;
  }

  private starts(kind: ts.SyntaxKind, scanner: ts.Scanner): boolean {
    const k = typescript().SyntaxKind;
    const next = scanner.lookAhead(() => scanner.scan());
    if (kind === k.ImportKeyword) return next !== k.OpenParenToken && next !== k.DotToken;
    return kind === k.ExportKeyword && (next === k.OpenBraceToken || next === k.AsteriskToken);
  }
}
