import type ts from 'typescript';
import { typescript } from '../source';
import { isRequestHandler } from './handlers';

/** Where a node runs, as far as cost goes. */
export interface HotContext {
  /** The innermost loop running this code in the current function: a loop statement or an array-iteration call. */
  loop: ts.Node | null;
  /** The request handler this code runs for, also inside callbacks nested in it. */
  handler: ts.SignatureDeclaration | null;
  /** The innermost function; null at module level. */
  fn: ts.SignatureDeclaration | null;
}

export interface HotVisitors {
  call?(node: ts.CallExpression, ctx: HotContext): void;
  loop?(node: ts.IterationStatement, ctx: HotContext): void;
  identifier?(node: ts.Identifier, ctx: HotContext): void;
}

/** Array methods whose callback runs once per element: the callback is a loop body. */
const ITERATING_METHODS: ReadonlySet<string> = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'sort',
]);

/**
 * Visits every node once with its context. Iterative, not recursive: a generated file with a 50,000-term
 * expression parses fine but would overflow the stack of a recursive walk.
 */
export function walkHot(source: ts.SourceFile, visitors: HotVisitors): void {
  const t = typescript();
  const nodes: ts.Node[] = [source];
  const contexts: HotContext[] = [{ loop: null, handler: null, fn: null }];
  while (nodes.length > 0) {
    const node = nodes.pop() as ts.Node;
    const ctx = contexts.pop() as HotContext;
    if (t.isCallExpression(node)) visitors.call?.(node, ctx);
    else if (t.isIdentifier(node)) visitors.identifier?.(node, ctx);
    else if (isIteration(node)) visitors.loop?.(node, ctx);
    const inner = enter(node, ctx);
    const first = nodes.length;
    t.forEachChild(node, (child) => {
      nodes.push(child);
      contexts.push(childContext(node, child, ctx, inner));
    });
    // Children were pushed in source order; reversed, they pop in source order.
    reverseFrom(nodes, first);
    reverseFrom(contexts, first);
  }
}

function reverseFrom<T>(items: T[], start: number): void {
  for (let i = start, j = items.length - 1; i < j; i++, j--) {
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}

let iterationKinds: ReadonlySet<ts.SyntaxKind> | null = null;

/** Asked of every node several times per walk, so a set lookup rather than five type guards. */
export function isIteration(node: ts.Node): node is ts.IterationStatement {
  if (!iterationKinds) {
    const k = typescript().SyntaxKind;
    iterationKinds = new Set([k.ForStatement, k.ForOfStatement, k.ForInStatement, k.WhileStatement, k.DoStatement]);
  }
  return iterationKinds.has(node.kind);
}

/** The context inside `node`: a new function resets the loop (its body runs when called, not per iteration). */
function enter(node: ts.Node, ctx: HotContext): HotContext {
  const t = typescript();
  if (isIteration(node)) return { ...ctx, loop: node };
  if (!t.isFunctionLike(node) || !('body' in node) || !node.body) return ctx;
  const fn = node as ts.SignatureDeclaration;
  return { fn, handler: ctx.handler ?? (isRequestHandler(fn) ? fn : null), loop: iterationCall(fn) };
}

/** The header parts of a loop that run once (a for's initializer, a for-of's iterable) keep the outer context. */
function childContext(node: ts.Node, child: ts.Node, outer: HotContext, inner: HotContext): HotContext {
  const t = typescript();
  if (t.isForStatement(node) && child === node.initializer) return outer;
  if ((t.isForOfStatement(node) || t.isForInStatement(node)) && (child === node.expression || child === node.initializer)) return outer;
  return inner;
}

/** The `xs.map(…)` call when `fn` is its callback. */
export function iterationCall(fn: ts.Node): ts.CallExpression | null {
  const t = typescript();
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || call.arguments[0] !== fn) return null;
  const callee = call.expression;
  return t.isPropertyAccessExpression(callee) && ITERATING_METHODS.has(callee.name.text) ? call : null;
}
