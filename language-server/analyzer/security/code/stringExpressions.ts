import type ts from 'typescript';
import type { FileFacts } from './ruleContext';
import { unwrap } from './astNames';

/** How deep `const a = b + x; const b = ...` is followed: enough for a query built in two steps. */
const RESOLVE_DEPTH = 2;

/** The operands of a `+` chain, left to right; iterative, since a long chain is a very deep left-leaning tree. */
export function concatParts(t: typeof ts, expr: ts.Expression): ts.Expression[] {
  const parts: ts.Expression[] = [];
  const stack: ts.Expression[] = [expr];
  while (stack.length > 0) {
    const e = unwrap(t, stack.pop() as ts.Expression);
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) stack.push(e.right, e.left);
    else parts.push(e);
  }
  return parts;
}

/** The root of a `+` chain (a `+` whose parent is not a `+`), where a rule looks at the whole string once. */
export function isConcatRoot(t: typeof ts, node: ts.Node): node is ts.BinaryExpression {
  if (!t.isBinaryExpression(node) || node.operatorToken.kind !== t.SyntaxKind.PlusToken) return false;
  const parent = node.parent;
  return !(t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.PlusToken);
}

/** A constant value: a literal, a template or `+` chain of literals, or a `const` holding one. */
export function isLiteral(t: typeof ts, expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const e = unwrap(t, expr);
  if (t.isStringLiteralLike(e) || t.isNumericLiteral(e) || e.kind === t.SyntaxKind.TrueKeyword || e.kind === t.SyntaxKind.FalseKeyword) return true;
  if (t.isTemplateExpression(e)) return e.templateSpans.every((s) => isLiteral(t, s.expression, facts, depth));
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return concatParts(t, e).every((p) => isLiteral(t, p, facts, depth));
  const init = t.isIdentifier(e) && depth < RESOLVE_DEPTH ? facts.constants.get(e.text) : undefined;
  return init !== undefined && isLiteral(t, init, facts, depth + 1);
}

/** A string built from a template with substitutions or a `+` with at least one part that is not constant. */
export function isDynamicString(t: typeof ts, expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const e = unwrap(t, expr);
  if (t.isTemplateExpression(e)) return !isLiteral(t, e, facts);
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return !isLiteral(t, e, facts);
  const init = t.isIdentifier(e) && depth < RESOLVE_DEPTH ? facts.constants.get(e.text) : undefined;
  return init !== undefined && isDynamicString(t, init, facts, depth + 1);
}

/** A string literal, a template, or a `+` chain with a string in it: something that is text, not a function. */
export function isStringy(t: typeof ts, expr: ts.Expression, facts: FileFacts): boolean {
  const e = unwrap(t, expr);
  if (t.isStringLiteralLike(e) || t.isTemplateExpression(e)) return true;
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return concatParts(t, e).some((p) => t.isStringLiteralLike(p) || t.isTemplateExpression(p));
  const init = t.isIdentifier(e) ? facts.constants.get(e.text) : undefined;
  return init !== undefined && (t.isStringLiteralLike(unwrap(t, init)) || t.isTemplateExpression(unwrap(t, init)));
}

/** The constant text of a string expression, with `?` where a value is interpolated: what SQL detection reads. */
export function staticText(t: typeof ts, expr: ts.Expression, facts: FileFacts, depth = 0): string {
  const e = unwrap(t, expr);
  if (t.isStringLiteralLike(e)) return e.text;
  if (t.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => `${staticText(t, s.expression, facts, depth)}${s.literal.text}`).join('');
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return concatParts(t, e).map((p) => staticText(t, p, facts, depth)).join('');
  const init = t.isIdentifier(e) && depth < RESOLVE_DEPTH ? facts.constants.get(e.text) : undefined;
  return init ? staticText(t, init, facts, depth + 1) : '?';
}
