import type ts from 'typescript';
import { typescript } from '../source';
import { isIteration } from './walker';

/** What a loop body does that decides whether its iterations could run concurrently. */
export interface LoopFacts {
  /** Awaits that belong to this loop: not in a nested function or a nested loop. */
  awaits: ts.AwaitExpression[];
  /** Names assigned anywhere in the body (also in closures), by their root identifier. */
  writes: Set<string>;
  /** Names declared in the body: they are fresh in each iteration. */
  declared: Set<string>;
  /** A return, throw, yield or break out of this loop: the loop stops early, so order matters. */
  exits: boolean;
}

interface Frame {
  node: ts.Node;
  inFunction: boolean;
  inLoop: boolean;
  /** Inside a nested loop or switch, where an unlabeled break does not leave our loop. */
  breakable: boolean;
}

export function loopFacts(loop: ts.IterationStatement): LoopFacts {
  const facts: LoopFacts = { awaits: [], writes: new Set(), declared: new Set(), exits: false };
  const stack: Frame[] = [{ node: loop.statement, inFunction: false, inLoop: false, breakable: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    record(frame, facts, loop);
    const next = childFrame(frame);
    typescript().forEachChild(frame.node, (child) => {
      stack.push({ ...next, node: child });
    });
  }
  // The stack visits children last-first; callers want the awaits in source order.
  facts.awaits.sort((a, b) => a.pos - b.pos);
  return facts;
}

function childFrame(frame: Frame): Omit<Frame, 'node'> {
  const t = typescript();
  const node = frame.node;
  return {
    inFunction: frame.inFunction || t.isFunctionLike(node) || t.isClassLike(node),
    inLoop: frame.inLoop || isIteration(node),
    breakable: frame.breakable || isIteration(node) || t.isSwitchStatement(node),
  };
}

function record(frame: Frame, facts: LoopFacts, loop: ts.IterationStatement): void {
  const t = typescript();
  const node = frame.node;
  if (t.isAwaitExpression(node) && !frame.inFunction && !frame.inLoop) facts.awaits.push(node);
  if (isExit(frame, loop)) facts.exits = true;
  if (t.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) addTargets(node.left, facts.writes, loop);
  if ((t.isPrefixUnaryExpression(node) || t.isPostfixUnaryExpression(node)) && isIncrement(node.operator)) addTargets(node.operand, facts.writes, loop);
  if (t.isDeleteExpression(node)) addTargets(node.expression, facts.writes, loop);
  if (t.isVariableDeclaration(node) || t.isParameter(node) || t.isBindingElement(node)) addNames(node.name, facts.declared);
  if ((t.isFunctionDeclaration(node) || t.isClassDeclaration(node)) && node.name) facts.declared.add(node.name.text);
}

function isExit(frame: Frame, loop: ts.IterationStatement): boolean {
  const t = typescript();
  const node = frame.node;
  if (t.isYieldExpression(node)) return true;
  if (frame.inFunction) return false;
  if (t.isReturnStatement(node) || t.isThrowStatement(node)) return true;
  if (t.isBreakStatement(node)) return node.label !== undefined || !frame.breakable;
  // A labelled continue may target an outer loop, which ends this one early.
  return t.isContinueStatement(node) && node.label !== undefined && !isLabelOf(node.label, loop);
}

function isLabelOf(label: ts.Identifier, loop: ts.IterationStatement): boolean {
  const t = typescript();
  return t.isLabeledStatement(loop.parent) && loop.parent.label.text === label.text;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  const t = typescript();
  return kind >= t.SyntaxKind.FirstAssignment && kind <= t.SyntaxKind.LastAssignment;
}

function isIncrement(op: ts.SyntaxKind): boolean {
  const t = typescript();
  return op === t.SyntaxKind.PlusPlusToken || op === t.SyntaxKind.MinusMinusToken;
}

/**
 * Records the root names an assignment target writes. `out[i] = …` indexed by a for-of/for-in variable or
 * a classic for's counter writes a slot of its own per iteration, so it does not count as shared state.
 */
function addTargets(target: ts.Expression, writes: Set<string>, loop: ts.IterationStatement): void {
  const t = typescript();
  const node = skipParens(target);
  if (t.isIdentifier(node)) writes.add(node.text);
  else if (t.isElementAccessExpression(node) && isLoopIndex(node.argumentExpression, loop)) return;
  else if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) addTargets(node.expression, writes, loop);
  else if (t.isArrayLiteralExpression(node)) node.elements.forEach((e) => addTargets(t.isSpreadElement(e) ? e.expression : e, writes, loop));
  else if (t.isObjectLiteralExpression(node)) node.properties.forEach((p) => addPropertyTarget(p, writes, loop));
}

function addPropertyTarget(p: ts.ObjectLiteralElementLike, writes: Set<string>, loop: ts.IterationStatement): void {
  const t = typescript();
  if (t.isPropertyAssignment(p)) addTargets(p.initializer, writes, loop);
  else if (t.isShorthandPropertyAssignment(p)) writes.add(p.name.text);
  else if (t.isSpreadAssignment(p)) addTargets(p.expression, writes, loop);
}

function isLoopIndex(node: ts.Expression, loop: ts.IterationStatement): boolean {
  const t = typescript();
  return t.isIdentifier(node) && loopVariables(loop).has(node.text);
}

function skipParens(node: ts.Expression): ts.Expression {
  const t = typescript();
  let current = node;
  while (t.isParenthesizedExpression(current) || t.isNonNullExpression(current) || t.isAsExpression(current)) current = current.expression;
  return current;
}

export function addNames(name: ts.BindingName, into: Set<string>): void {
  const t = typescript();
  if (t.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!t.isOmittedExpression(el)) addNames(el.name, into);
}

/** The variables a loop declares in its head: fresh per iteration (for a classic for, per-iteration `let`). */
export function loopVariables(loop: ts.IterationStatement): Set<string> {
  const t = typescript();
  const names = new Set<string>();
  const init = t.isForStatement(loop) || t.isForOfStatement(loop) || t.isForInStatement(loop) ? loop.initializer : undefined;
  if (init && t.isVariableDeclarationList(init)) for (const d of init.declarations) addNames(d.name, names);
  return names;
}
