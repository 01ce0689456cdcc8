import type ts from 'typescript';
import { typescript } from '../source';
import { addNames } from './loopFacts';

/** Names declared (variables, parameters, functions, classes), assigned or mutated anywhere under a node. */
export interface ScopeNames {
  declared: Set<string>;
  /** Assigned, or the root of an assigned property: `a = …`, `a.b[c] = …`, `a++`. */
  written: Set<string>;
  /** The root of a mutating method call: `a.push(…)`, `a.b.set(…)`, `Object.assign(a, …)`. */
  mutated: Set<string>;
}

const MUTATORS: ReadonlySet<string> = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear', 'assign']);

const cache = new WeakMap<ts.Node, ScopeNames>();

/**
 * The names a loop or handler makes or changes itself: data rooted anywhere else is the same on every
 * iteration or request. Cached per node (weakly: entries go with the tree) because every JSON call in one
 * loop asks about the same loop.
 */
export function scopeNames(root: ts.Node): ScopeNames {
  const known = cache.get(root);
  if (known) return known;
  const t = typescript();
  const names: ScopeNames = { declared: new Set(), written: new Set(), mutated: new Set() };
  const stack: ts.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (t.isVariableDeclaration(node) || t.isParameter(node) || t.isBindingElement(node)) addNames(node.name, names.declared);
    else if ((t.isFunctionDeclaration(node) || t.isClassDeclaration(node)) && node.name) names.declared.add(node.name.text);
    else if (t.isBinaryExpression(node) && node.operatorToken.kind >= t.SyntaxKind.FirstAssignment && node.operatorToken.kind <= t.SyntaxKind.LastAssignment) addRoot(node.left, names.written);
    else if (t.isCallExpression(node)) addMutated(node, names.mutated);
    else if ((t.isPrefixUnaryExpression(node) || t.isPostfixUnaryExpression(node)) && (node.operator === t.SyntaxKind.PlusPlusToken || node.operator === t.SyntaxKind.MinusMinusToken)) addRoot(node.operand, names.written);
    t.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  cache.set(root, names);
  return names;
}

function addMutated(call: ts.CallExpression, into: Set<string>): void {
  const t = typescript();
  const callee = call.expression;
  if (!t.isPropertyAccessExpression(callee) || !MUTATORS.has(callee.name.text)) return;
  const isObjectAssign = t.isIdentifier(callee.expression) && callee.expression.text === 'Object';
  const target = isObjectAssign ? call.arguments[0] : callee.expression;
  if (target) addRoot(target, into);
}

/** `a.b[c].d = …` writes `a`; a destructuring target writes every name in it. */
function addRoot(target: ts.Expression, into: Set<string>): void {
  const t = typescript();
  let node = target;
  while (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node) || t.isParenthesizedExpression(node) || t.isNonNullExpression(node)) node = node.expression;
  if (t.isIdentifier(node)) into.add(node.text);
  else if (t.isArrayLiteralExpression(node) || t.isObjectLiteralExpression(node)) {
    t.forEachChild(node, (child) => {
      if (t.isIdentifier(child)) into.add(child.text);
      else if (t.isExpression(child)) addRoot(child, into);
      else if (t.isShorthandPropertyAssignment(child)) into.add(child.name.text);
      else if (t.isPropertyAssignment(child) || t.isSpreadAssignment(child)) addRoot(t.isPropertyAssignment(child) ? child.initializer : child.expression, into);
    });
  }
}
