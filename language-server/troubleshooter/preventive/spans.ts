import type ts from 'typescript';
import type { LineIndex } from '../../analyzer/security/lineIndex';
import { position } from '../../analyzer/source';
import type { Span } from './finding';

/** From offsets in a parsed script. */
export function sourceSpan(source: ts.SourceFile, start: number, end: number): Span {
  const from = position(source, start);
  const to = position(source, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** From offsets in any text (Python, where there is no TypeScript tree). */
export function textSpan(lines: LineIndex, start: number, end: number): Span {
  const from = lines.position(start);
  const to = lines.position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
