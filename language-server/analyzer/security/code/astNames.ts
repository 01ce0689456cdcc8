import type ts from 'typescript';
import { nameWords } from '../secrets/secretNames';

/** `eval`, `cp.exec`, `obj['query']`, `(0, eval)`: the called name and the object it is called on. */
export function calleeOf(t: typeof ts, callee: ts.Expression): { name: string; object?: ts.Expression } {
  const expr = unwrap(t, callee);
  if (t.isIdentifier(expr)) return { name: expr.text };
  if (t.isPropertyAccessExpression(expr)) return { name: expr.name.text, object: unwrap(t, expr.expression) };
  if (t.isElementAccessExpression(expr) && t.isStringLiteralLike(expr.argumentExpression)) return { name: expr.argumentExpression.text, object: unwrap(t, expr.expression) };
  return { name: '' };
}

/** Parentheses, `x as T`, `x!` and the comma trick `(0, eval)` do not change what is called. */
export function unwrap(t: typeof ts, expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isNonNullExpression(e) || t.isSatisfiesExpression(e)) e = e.expression;
    else if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.CommaToken) e = e.right;
    else return e;
  }
}

export function identifierText(t: typeof ts, expr: ts.Node | undefined): string | undefined {
  return expr && t.isIdentifier(expr) ? expr.text : undefined;
}

/** The text of a property name or of the last part of an assignment target (`a.b.token` → token). */
export function nameText(t: typeof ts, node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (t.isIdentifier(node) || t.isPrivateIdentifier(node) || t.isStringLiteralLike(node) || t.isNumericLiteral(node)) return node.text;
  if (t.isPropertyAccessExpression(node)) return node.name.text;
  if (t.isElementAccessExpression(node)) return nameText(t, node.argumentExpression);
  return undefined;
}

const CLIMB_LIMIT = 24;
const ARGUMENT_NODE_LIMIT = 200;

/**
 * The names a value flows into or out of: walking up from `node` through the expression it is part of to the
 * variable, property or assignment that receives it, plus the name of the function around it. With
 * `withArguments`, also the identifiers passed along the way (`createHash('md5').update(password)`).
 */
export function contextWords(t: typeof ts, node: ts.Node, withArguments: boolean): Set<string> {
  const names: string[] = withArguments && t.isCallExpression(node) ? node.arguments.flatMap((a) => identifiersIn(t, a)) : [];
  let current = node;
  for (let i = 0; i < CLIMB_LIMIT; i++) {
    const parent: ts.Node | undefined = current.parent;
    if (!parent) break;
    const target = receiverName(t, parent, current);
    if (target !== undefined) {
      names.push(target);
      break;
    }
    if (withArguments && t.isCallExpression(parent)) parent.arguments.forEach((a) => { if (a !== current) names.push(...identifiersIn(t, a)); });
    if (!t.isExpression(parent) && !t.isTemplateSpan(parent) && !t.isSpreadElement(parent)) break;
    current = parent;
  }
  names.push(...functionNames(t, node));
  return new Set(names.flatMap(nameWords));
}

/** The name receiving `child`'s value when `parent` is a declaration, property or assignment. */
function receiverName(t: typeof ts, parent: ts.Node, child: ts.Node): string | undefined {
  if (t.isVariableDeclaration(parent) || t.isPropertyAssignment(parent) || t.isPropertyDeclaration(parent)) return nameText(t, parent.name) ?? '';
  if (t.isShorthandPropertyAssignment(parent)) return parent.name.text;
  if (t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.EqualsToken && parent.right === child) return nameText(t, parent.left) ?? '';
  if (t.isJsxAttribute(parent)) return nameText(t, parent.name) ?? '';
  return undefined;
}

/**
 * The name of the innermost function around `node`, as written or as held (`const makeToken = () => ...`).
 * Only the innermost: an anonymous callback inside `sessionHandler` says nothing about sessions.
 */
function functionNames(t: typeof ts, node: ts.Node): string[] {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!t.isFunctionLike(n)) continue;
    const own = 'name' in n ? nameText(t, n.name as ts.Node | undefined) : undefined;
    const holder = n.parent && (t.isVariableDeclaration(n.parent) || t.isPropertyAssignment(n.parent)) ? nameText(t, n.parent.name) : undefined;
    const name = own ?? holder;
    return name ? [name] : [];
  }
  return [];
}

/** Identifier and property names inside an expression, bounded so a huge argument costs little. */
function identifiersIn(t: typeof ts, root: ts.Node): string[] {
  const names: string[] = [];
  const stack: ts.Node[] = [root];
  for (let seen = 0; stack.length > 0 && seen < ARGUMENT_NODE_LIMIT; seen++) {
    const node = stack.pop() as ts.Node;
    if (t.isIdentifier(node)) names.push(node.text);
    node.forEachChild((child) => { stack.push(child); });
  }
  return names;
}
