/**
 * ESLint's `complexity` rule, classic variant (eslint/lib/rules/complexity.js), restated on TypeScript nodes:
 * +1 for each IfStatement, ConditionalExpression, LogicalExpression (&&, ||, ??), logical assignment
 * (&&=, ||=, ??=), For/ForIn/ForOf/While/DoWhile loop, CatchClause, SwitchCase with a test, AssignmentPattern
 * (a default value in a parameter or destructuring) and optional MemberExpression/CallExpression (`?.`).
 * Each function starts at 1.
 */
import type ts from 'typescript';
import { typescript } from '../source';
import { syntaxKinds } from './kinds';

let K: typeof ts.SyntaxKind | null = null;
const kinds = (): typeof ts.SyntaxKind => (K ??= syntaxKinds());

/** What one node adds to the cyclomatic complexity of the function it belongs to. */
export function decisionPoints(node: ts.Node): number {
  const k = kinds();
  switch (node.kind) {
    case k.IfStatement:
    case k.ConditionalExpression:
    case k.ForStatement:
    case k.WhileStatement:
    case k.DoStatement:
    case k.CatchClause:
    case k.CaseClause:
      return 1;
    case k.ForInStatement:
    case k.ForOfStatement:
      return 1 + assignmentTargetDefaults((node as ts.ForInOrOfStatement).initializer);
    case k.BinaryExpression:
      return binaryDecisions(node as ts.BinaryExpression);
    case k.PropertyAccessExpression:
    case k.ElementAccessExpression:
    case k.CallExpression:
      return (node as ts.PropertyAccessExpression).questionDotToken ? 1 : 0;
    case k.Parameter:
    case k.BindingElement:
      return (node as ts.ParameterDeclaration).initializer ? 1 : 0;
    default:
      return 0;
  }
}

function binaryDecisions(node: ts.BinaryExpression): number {
  const k = kinds();
  switch (node.operatorToken.kind) {
    case k.AmpersandAmpersandToken:
    case k.BarBarToken:
    case k.QuestionQuestionToken:
    case k.AmpersandAmpersandEqualsToken:
    case k.BarBarEqualsToken:
    case k.QuestionQuestionEqualsToken:
      return 1;
    case k.EqualsToken:
      // A nested `[b = 1] = []` inside a target was already counted by the assignment owning the whole target.
      return isTargetElement(node) ? 0 : assignmentTargetDefaults(node.left);
    default:
      return 0;
  }
}

/**
 * Defaults inside a destructuring assignment target (`[a = 1] = x`, `({ b = 2 } = y)`, `for ({ c = 3 } of z)`):
 * ESTree makes each an AssignmentPattern, TypeScript keeps the literal and its `=` expressions, so they are
 * counted here, from the assignment that owns the target.
 */
function assignmentTargetDefaults(target: ts.Node): number {
  const t = typescript();
  if (t.isArrayLiteralExpression(target)) {
    let n = 0;
    for (const element of target.elements) n += elementDefaults(element);
    return n;
  }
  if (t.isObjectLiteralExpression(target)) {
    let n = 0;
    for (const property of target.properties) n += propertyDefaults(property);
    return n;
  }
  return 0;
}

/** True when an `=` expression is itself a default inside an enclosing destructuring target. */
function isTargetElement(node: ts.Node): boolean {
  let child: ts.Node = node;
  while (isPatternPart(child.parent, child)) child = child.parent;
  return child !== node && isAssignmentTarget(child.parent, child);
}

/** A literal (or a part of one) that a destructuring target can be built of. */
function isPatternPart(parent: ts.Node, child: ts.Node): boolean {
  const t = typescript();
  if (t.isPropertyAssignment(parent)) return parent.initializer === child;
  return t.isArrayLiteralExpression(parent) || t.isObjectLiteralExpression(parent) || t.isSpreadElement(parent) || t.isSpreadAssignment(parent);
}

function isAssignmentTarget(parent: ts.Node, child: ts.Node): boolean {
  const t = typescript();
  if (t.isBinaryExpression(parent)) return parent.operatorToken.kind === t.SyntaxKind.EqualsToken && parent.left === child;
  return (t.isForInStatement(parent) || t.isForOfStatement(parent)) && parent.initializer === child;
}

function elementDefaults(element: ts.Expression): number {
  const t = typescript();
  if (t.isBinaryExpression(element) && element.operatorToken.kind === t.SyntaxKind.EqualsToken) {
    return 1 + assignmentTargetDefaults(element.left);
  }
  if (t.isSpreadElement(element)) return assignmentTargetDefaults(element.expression);
  return assignmentTargetDefaults(element);
}

function propertyDefaults(property: ts.ObjectLiteralElementLike): number {
  const t = typescript();
  if (t.isShorthandPropertyAssignment(property)) return property.objectAssignmentInitializer ? 1 : 0;
  if (t.isPropertyAssignment(property)) return elementDefaults(property.initializer);
  if (t.isSpreadAssignment(property)) return assignmentTargetDefaults(property.expression);
  return 0;
}
