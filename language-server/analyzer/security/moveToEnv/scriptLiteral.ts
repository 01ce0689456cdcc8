import type ts from 'typescript';
import { parseScript, typescript } from '../../source';

/** A string literal (or one piece of a template) that holds a secret, as the move-to-.env planner edits it. */
export interface ScriptLiteral {
  /** The literal including its quotes. */
  start: number;
  end: number;
  /** Its characters between the quotes (or between `` ` ``/`}` and `${`/`` ` `` for template pieces). */
  contentStart: number;
  contentEnd: number;
  kind: 'string' | 'template';
  /** The value the program sees (escapes applied); null for a piece of a template with substitutions. */
  cooked: string | null;
  /** A JSX attribute value (`key="..."`) needs braces around an expression. */
  inJsxAttribute: boolean;
}

/** The literal around `[start, end)` in a JS/TS file, or why there is none that can be replaced by an expression. */
export function scriptLiteralAt(file: string, text: string, start: number, end: number): ScriptLiteral | string {
  const t = typescript();
  const node = deepestAround(parseScript(file, text), start, end);
  if (!node) return 'the secret is not inside a string literal';
  const parent = node.parent as ts.Node | undefined;
  if (parent && (t.isLiteralTypeNode(parent) || (t.isPropertyAssignment(parent) && parent.name === node) || t.isImportDeclaration(parent) || t.isExportDeclaration(parent))) {
    return 'the literal is a type, a property name or a module name, where an expression cannot go';
  }
  const from = node.getStart();
  const inJsxAttribute = parent !== undefined && t.isJsxAttribute(parent);
  if (t.isStringLiteral(node)) return { start: from, end: node.end, contentStart: from + 1, contentEnd: node.end - 1, kind: 'string', cooked: node.text, inJsxAttribute };
  if (t.isNoSubstitutionTemplateLiteral(node)) return { start: from, end: node.end, contentStart: from + 1, contentEnd: node.end - 1, kind: 'template', cooked: node.text, inJsxAttribute };
  if (t.isTemplateHead(node) || t.isTemplateMiddle(node) || t.isTemplateTail(node)) {
    const closing = t.isTemplateTail(node) ? 1 : 2;
    return { start: from, end: node.end, contentStart: from + 1, contentEnd: node.end - closing, kind: 'template', cooked: null, inJsxAttribute: false };
  }
  return 'the secret is not inside a string literal';
}

/** The innermost literal token covering the range (walked down, never recursing, so deep trees cannot overflow). */
function deepestAround(source: ts.SourceFile, start: number, end: number): ts.Node | null {
  const t = typescript();
  let node: ts.Node = source;
  for (;;) {
    const child: ts.Node | undefined = node.forEachChild((c) => (c.getStart(source) <= start && end <= c.end ? c : undefined));
    if (!child) break;
    node = child;
  }
  return t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node) || t.isTemplateLiteralToken(node) ? node : null;
}
