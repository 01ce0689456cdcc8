/**
 * Pieces of SonarSource's cognitive complexity (G. Ann Campbell, "Cognitive Complexity", 2018) that do not
 * depend on the walk's nesting: logical-operator sequences and direct recursion. The nesting-dependent
 * increments (if, else, ternary, switch, loops, catch) are applied by the walk, which knows the nesting level.
 */
import type ts from 'typescript';
import { typescript } from '../source';
import { syntaxKinds } from './kinds';

let K: typeof ts.SyntaxKind | null = null;
const kinds = (): typeof ts.SyntaxKind => (K ??= syntaxKinds());

export function isLogicalOperator(kind: ts.SyntaxKind): boolean {
  const k = kinds();
  return kind === k.AmpersandAmpersandToken || kind === k.BarBarToken || kind === k.QuestionQuestionToken;
}

function asLogical(node: ts.Node): ts.BinaryExpression | null {
  const t = typescript();
  let inner = node;
  while (t.isParenthesizedExpression(inner)) inner = inner.expression;
  return t.isBinaryExpression(inner) && isLogicalOperator(inner.operatorToken.kind) ? inner : null;
}

/**
 * +1 for each run of like operators in a whole logical expression (`a && b && c` is 1, `a && b || c` is 2),
 * counted once, at the outermost logical expression; parentheses do not break the expression, as in SonarJS.
 */
export function logicalSequenceIncrement(node: ts.BinaryExpression): number {
  const t = typescript();
  let parent = node.parent;
  while (t.isParenthesizedExpression(parent)) parent = parent.parent;
  if (asLogical(parent) !== null) return 0;
  const operators: ts.SyntaxKind[] = [];
  collectOperators(node, operators);
  let runs = 0;
  for (let i = 0; i < operators.length; i++) if (i === 0 || operators[i] !== operators[i - 1]) runs++;
  return runs;
}

/** The operators of a logical expression tree in source order (in-order, with a stack: chains can be long). */
function collectOperators(root: ts.Node, into: ts.SyntaxKind[]): void {
  const stack: ts.BinaryExpression[] = [];
  let current: ts.Node | null = root;
  for (;;) {
    for (let logical = current && asLogical(current); logical; logical = asLogical(logical.left)) stack.push(logical);
    const top = stack.pop();
    if (!top) return;
    into.push(top.operatorToken.kind);
    current = top.right;
  }
}

/** Names under which a function can call itself: its own identifier, the variable it initialises, `this.<method>`. */
export interface SelfNames {
  plain: string | null;
  method: string | null;
}

const NO_NAMES: SelfNames = { plain: null, method: null };

export function selfNames(node: ts.Node): SelfNames {
  const t = typescript();
  if (t.isFunctionDeclaration(node) || t.isFunctionExpression(node)) {
    if (node.name) return { plain: node.name.text, method: null };
  } else if (t.isMethodDeclaration(node) || t.isGetAccessorDeclaration(node) || t.isSetAccessorDeclaration(node)) {
    return { plain: null, method: simpleName(node.name) };
  }
  return boundNames(node);
}

/** The name an anonymous function gets from what it initialises: `const f = () => …`, `class { f = () => … }`. */
function boundNames(node: ts.Node): SelfNames {
  const t = typescript();
  let parent = node.parent;
  while (parent && t.isParenthesizedExpression(parent)) parent = parent.parent;
  if (parent && t.isVariableDeclaration(parent)) return { plain: simpleName(parent.name), method: null };
  if (parent && t.isPropertyDeclaration(parent)) return { plain: null, method: simpleName(parent.name) };
  return NO_NAMES;
}

function simpleName(name: ts.Node): string | null {
  const t = typescript();
  return t.isIdentifier(name) || t.isPrivateIdentifier(name) ? name.text : null;
}

/** True when a call invokes the function by one of its own names. */
export function isSelfCall(call: ts.CallExpression, names: SelfNames): boolean {
  if (names.plain === null && names.method === null) return false;
  const t = typescript();
  const callee = call.expression;
  if (names.plain !== null && t.isIdentifier(callee)) return callee.text === names.plain;
  if (names.method !== null && t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
    return callee.name.text === names.method;
  }
  return false;
}
