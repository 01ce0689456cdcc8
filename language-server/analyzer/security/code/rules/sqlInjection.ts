import type ts from 'typescript';
import { unwrap } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';
import { isConcatRoot, isDynamicString, staticText } from '../stringExpressions';

/** Calls that run their argument as SQL whatever it looks like. */
const RAW_SINKS = /^(?:raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe|\w+Raw)$/;
/** Calls that run SQL but share their names with other APIs (`map.get`, `regex.exec`): taken when the text reads as SQL. */
const SQL_SINKS = new Set(['query', 'execute', 'exec', 'prepare', 'run', 'all', 'get', 'each', 'sql', 'queryRaw', 'executeQuery']);
/** Reads as a statement (not a sentence that starts with "Select"): the verb and the word that must follow it. */
const STATEMENT = /^\s*(?:select\s[\s\S]*\bfrom\b|insert\s+(?:or\s+\w+\s+)?into\b|update\s+[\w."`[\]]+\s+set\b|delete\s+from\b|with\s+\w+\s+as\s*\()/i;
const SQL_WORDS = /\b(?:select|insert|update|delete|from|where|values|order\s+by|group\s+by|join|limit)\b/i;

/** Dynamic SQL: a string starting like a statement, or a dynamic string passed to a query-like call. */
export const sqlInjectionRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.CallExpression, t.SyntaxKind.TemplateExpression, t.SyntaxKind.BinaryExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (t.isCallExpression(node)) checkSink(t, node, ctx);
    else if (isStandaloneTemplate(t, node) || isConcatRoot(t, node)) checkStatement(t, node as ts.Expression, ctx);
  },
};

/** A template that is a whole string: not a tagged sql`` template (parameterized) and not one part of a `+` chain. */
function isStandaloneTemplate(t: typeof ts, node: ts.Node): boolean {
  if (!t.isTemplateExpression(node) || t.isTaggedTemplateExpression(node.parent)) return false;
  const parent = node.parent;
  return !(t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.PlusToken);
}

/** A statement, its verb written as SQL is (`SELECT`, `select`), not as a sentence starts (`Select 3 items from...`). */
function isStatement(text: string): boolean {
  const verb = STATEMENT.exec(text)?.[0].trimStart().split(/\s/)[0];
  return verb !== undefined && (verb === verb.toUpperCase() || verb === verb.toLowerCase());
}

function checkStatement(t: typeof ts, node: ts.Expression, ctx: RuleContext): void {
  if (isDynamicString(t, node, ctx.facts) && isStatement(staticText(t, node, ctx.facts))) report(node, ctx);
}

function checkSink(t: typeof ts, node: ts.CallExpression, ctx: RuleContext): void {
  const { name } = ctx.callee(node);
  const query = node.arguments[0];
  if (!query || !(RAW_SINKS.test(name) || SQL_SINKS.has(name)) || !isDynamicString(t, query, ctx.facts)) return;
  const text = staticText(t, query, ctx.facts);
  // a constant defined as a statement was reported where it is built
  if (t.isIdentifier(unwrap(t, query)) && isStatement(text)) return;
  if (RAW_SINKS.test(name) || SQL_WORDS.test(text)) report(query, ctx);
}

function report(node: ts.Node, ctx: RuleContext): void {
  ctx.report('security/sql-injection', node, 'SQL text is built from variables with + or ${...}: pass the values as query parameters ($1, ?) or use a sql`` tagged template');
}
