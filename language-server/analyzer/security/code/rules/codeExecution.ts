import type ts from 'typescript';
import { identifierText } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';
import { isLiteral, isStringy } from '../stringExpressions';

const GLOBALS = new Set(['window', 'globalThis', 'global', 'self']);
const TIMERS = new Set(['setTimeout', 'setInterval']);

/** `eval`, `Function` and the timers called on the global object, not a method of the same name on something else. */
function globalCallee(t: typeof ts, call: ts.CallExpression | ts.NewExpression, ctx: RuleContext): string | undefined {
  const { name, object } = ctx.callee(call);
  if (!object) return name;
  return GLOBALS.has(identifierText(t, object) ?? '') ? name : undefined;
}

/** eval, new Function / Function(), and string timers: all compile text into code at run time. */
export const codeExecutionRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.CallExpression, t.SyntaxKind.NewExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (!t.isCallExpression(node) && !t.isNewExpression(node)) return;
    const name = globalCallee(t, node, ctx);
    const first = node.arguments?.[0];
    if (name === 'Function') ctx.report('security/new-function', node, 'new Function(...) compiles a string into code, like eval: build the function in code instead');
    else if (name === 'eval' && t.isCallExpression(node)) checkEval(node, first, ctx);
    else if (name && TIMERS.has(name) && first && isStringy(t, first, ctx.facts)) ctx.report('security/string-timer', first, `${name} with a string evaluates it as code: pass a function`);
  },
};

function checkEval(node: ts.CallExpression, first: ts.Expression | undefined, ctx: RuleContext): void {
  const constant = first !== undefined && isLiteral(ctx.ts, first, ctx.facts);
  if (constant) ctx.report('security/eval', node, 'eval() of a constant string: write the code itself instead', 'warning');
  else ctx.report('security/eval', node, 'eval() runs a computed string as code: anything that reaches the string runs with the app\'s rights');
}
