import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding } from '../types';
import { performanceFinding } from './report';
import { scopeNames } from './scopeNames';
import type { HotContext } from './walker';

type JsonMethod = 'parse' | 'stringify';

function jsonMethod(node: ts.Node): JsonMethod | null {
  const t = typescript();
  if (!t.isCallExpression(node)) return null;
  const callee = node.expression;
  if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression) || callee.expression.text !== 'JSON') return null;
  const name = callee.name.text;
  return name === 'parse' || name === 'stringify' ? name : null;
}

/**
 * JSON.parse/stringify in a loop (inside a function) or a request handler, where the work is wasted: a deep copy
 * through JSON, or data that is the same every time (rooted at a name the loop or handler neither declares,
 * assigns nor mutates; for a handler, also one nothing in the file changes), so it could be done once. Parsing
 * each item a loop is given, or a request's own body, is the work itself and is left alone.
 */
export function checkJson(call: ts.CallExpression, ctx: HotContext, source: ts.SourceFile, path: string): AnalyzerFinding | null {
  const method = jsonMethod(call);
  const arg = call.arguments[0];
  const scope = ctx.fn && ctx.loop ? ctx.loop : ctx.handler;
  if (!method || !arg || !scope || isInnerOfDeepCopy(call) || runsOnce(call, scope)) return null;
  const inLoop = scope === ctx.loop;
  const copy = method === 'parse' && jsonMethod(arg) === 'stringify';
  if (!copy && !isSameEachTime(arg, scope, inLoop)) return null;
  const what = copy ? 'JSON.parse(JSON.stringify(…)) deep copy' : `JSON.${method} of the same data`;
  const tip = copy ? 'structuredClone copies without the string round trip (and keeps Dates, Maps and undefined)' : 'do it once and reuse the result';
  const message = `${what} runs on every ${inLoop ? 'iteration' : 'request'}, blocking the event loop in proportion to the data; ${tip}.`;
  return performanceFinding(inLoop ? 'performance/json-in-loop' : 'performance/json-in-handler', source, path, call, message, { data: { method } });
}

function isInnerOfDeepCopy(call: ts.CallExpression): boolean {
  return jsonMethod(call) === 'stringify' && jsonMethod(call.parent) === 'parse' && (call.parent as ts.CallExpression).arguments[0] === call;
}

/** In a return or throw between the call and its loop: that statement ends the loop, so it runs once. */
function runsOnce(call: ts.Node, scope: ts.Node): boolean {
  const t = typescript();
  for (let node = call.parent; node && node !== scope; node = node.parent) {
    if (t.isReturnStatement(node) || t.isThrowStatement(node)) return true;
    if (t.isFunctionLike(node)) return false;
  }
  return false;
}

/**
 * `config`, `opts.schema`, `defaults.a.b`: a chain of names whose root the scope neither declares nor assigns.
 * Anything with a call, an index or `this` in it may differ each time and is not judged.
 */
function isSameEachTime(node: ts.Expression, scope: ts.Node, isLoop: boolean): boolean {
  const t = typescript();
  let current = node;
  while (t.isPropertyAccessExpression(current)) current = current.expression;
  if (!t.isIdentifier(current)) return false;
  const root = current.text;
  const inScope = scopeNames(scope);
  if (inScope.declared.has(root) || inScope.written.has(root) || inScope.mutated.has(root)) return false;
  // Between requests, other handlers may change module state: only data nothing in the file changes is constant.
  const inFile = isLoop ? null : scopeNames(scope.getSourceFile());
  return !inFile || (!inFile.written.has(root) && !inFile.mutated.has(root));
}
