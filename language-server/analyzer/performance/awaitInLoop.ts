import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding } from '../types';
import { loopFacts, loopVariables } from './loopFacts';
import { performanceFinding } from './report';

/**
 * Awaited calls that are sequential by nature: pauses and rate limits, writes to one stream, steps of a browser
 * script, commands and migrations that must run in order, locks.
 */
const SEQUENTIAL = /^(sleep|delay|wait\w*|setTimeout|timeout|pause|throttle|retry|write|appendFile|click|dblclick|type|press|fill|hover|goto|navigate|acquire|lock|transaction|commit|rollback|prompt|question|exec\w*|spawn|run\w*|migrate\w*)$/i;

/**
 * Flags `for (const x of xs) { await f(x) }` when the iterations look independent. Conservative on purpose:
 * only for/for-of/for-in (a while loop's condition nearly always depends on what the body awaited), no early
 * exit, no shared variable written, every await touching the iteration's own values and at least one passing
 * them to a call — a loop over `m.up()` or `await sleep(100)` is left alone.
 */
export function checkAwaitInLoop(loop: ts.IterationStatement, source: ts.SourceFile, path: string): AnalyzerFinding | null {
  const t = typescript();
  if (!(t.isForOfStatement(loop) && !loop.awaitModifier) && !t.isForInStatement(loop) && !t.isForStatement(loop)) return null;
  // Most loops have no await at all; a text search spares them the walk of their body.
  if (!source.text.slice(loop.statement.pos, loop.statement.end).includes('await')) return null;
  const facts = loopFacts(loop);
  const first = facts.awaits[0];
  if (!first || facts.exits) return null;
  if ([...facts.writes].some((name) => !facts.declared.has(name))) return null;
  const local = new Set([...loopVariables(loop), ...facts.declared]);
  if (facts.awaits.some((a) => isSequential(a.expression) || !mentions(a.expression, local))) return null;
  if (!facts.awaits.some((a) => passesLocal(a.expression, local))) return null;
  const message = `await inside this loop makes each iteration wait for the one before; the iterations look independent, so run them together with ${promiseAllHint(loop)}.`;
  return performanceFinding('performance/await-in-loop', source, path, first, message);
}

function unwrap(node: ts.Expression): ts.Expression {
  const t = typescript();
  let current = node;
  while (t.isParenthesizedExpression(current) || t.isAsExpression(current) || t.isNonNullExpression(current)) current = current.expression;
  return current;
}

function isSequential(awaited: ts.Expression): boolean {
  const t = typescript();
  const node = unwrap(awaited);
  if (t.isNewExpression(node)) return true;
  if (!t.isCallExpression(node)) return false;
  const callee = node.expression;
  const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return SEQUENTIAL.test(name);
}

function passesLocal(awaited: ts.Expression, local: ReadonlySet<string>): boolean {
  const t = typescript();
  const node = unwrap(awaited);
  return t.isCallExpression(node) && node.arguments.some((arg) => mentions(arg, local));
}

/** Whether any identifier under `node` is one of `names`. */
function mentions(node: ts.Node, names: ReadonlySet<string>): boolean {
  const t = typescript();
  if (t.isIdentifier(node)) return names.has(node.text);
  return t.forEachChild(node, (child) => (mentions(child, names) ? true : undefined)) ?? false;
}

function promiseAllHint(loop: ts.IterationStatement): string {
  const t = typescript();
  if (!t.isForOfStatement(loop)) return 'Promise.all';
  const init = loop.initializer;
  const decl = t.isVariableDeclarationList(init) ? init.declarations[0] : undefined;
  const items = loop.expression.getText();
  if (!decl || !t.isIdentifier(decl.name) || items.length > 40 || items.includes('\n')) return 'Promise.all';
  return `Promise.all(${items}.map(async (${decl.name.text}) => …))`;
}
