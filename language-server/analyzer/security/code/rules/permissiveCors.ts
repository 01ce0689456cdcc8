import type ts from 'typescript';
import { nameText, unwrap } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';

const ALLOW_ORIGIN = 'access-control-allow-origin';
const HEADER_SETTERS = new Set(['setHeader', 'header', 'set', 'append']);

/** CORS that lets every origin in: with credentials (error), as an explicit header (warning), or cors() defaults (info). */
export const permissiveCorsRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.ObjectLiteralExpression, t.SyntaxKind.CallExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (t.isObjectLiteralExpression(node)) checkObject(t, node, ctx);
    else if (t.isCallExpression(node)) checkCall(t, node, ctx);
  },
};

function property(t: typeof ts, object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find((p): p is ts.PropertyAssignment => t.isPropertyAssignment(p) && nameText(t, p.name)?.toLowerCase() === name.toLowerCase());
}

const isStar = (t: typeof ts, e: ts.Expression | undefined): boolean => e !== undefined && t.isStringLiteralLike(e) && e.text === '*';

function checkObject(t: typeof ts, node: ts.ObjectLiteralExpression, ctx: RuleContext): void {
  const origin = property(t, node, 'origin');
  const anyOrigin = origin !== undefined && (isStar(t, origin.initializer) || origin.initializer.kind === t.SyntaxKind.TrueKeyword);
  const credentials = property(t, node, 'credentials')?.initializer.kind === t.SyntaxKind.TrueKeyword;
  if (origin && anyOrigin && credentials) {
    ctx.report('security/cors-credentials-any-origin', origin, 'CORS allows any origin together with credentials: any website can make logged-in requests. List the allowed origins');
  }
  const header = property(t, node, ALLOW_ORIGIN);
  if (header && isStar(t, header.initializer)) ctx.report('security/cors-wildcard-origin', header, 'Access-Control-Allow-Origin: * lets every website read these responses: name the allowed origins unless the API is public');
}

function checkCall(t: typeof ts, node: ts.CallExpression, ctx: RuleContext): void {
  const { name } = ctx.callee(node);
  const [first, second] = node.arguments;
  if (name === 'cors') checkCorsCall(t, node, ctx);
  else if (HEADER_SETTERS.has(name) && first && t.isStringLiteralLike(first) && first.text.toLowerCase() === ALLOW_ORIGIN && isStar(t, second)) {
    ctx.report('security/cors-wildcard-origin', node, 'Access-Control-Allow-Origin: * lets every website read these responses: name the allowed origins unless the API is public');
  }
}

/** `cors()` allows every origin by default; `cors({ origin: '*' })` says so explicitly. */
function checkCorsCall(t: typeof ts, node: ts.CallExpression, ctx: RuleContext): void {
  const options = node.arguments[0] ? unwrap(t, node.arguments[0]) : undefined;
  if (!options) {
    ctx.report('security/cors-default-options', node, 'cors() without options allows every origin: pass { origin: [...] } with the sites that should reach the API');
    return;
  }
  const origin = t.isObjectLiteralExpression(options) ? property(t, options, 'origin') : undefined;
  const credentials = t.isObjectLiteralExpression(options) && property(t, options, 'credentials')?.initializer.kind === t.SyntaxKind.TrueKeyword;
  if (origin && isStar(t, origin.initializer) && !credentials) ctx.report('security/cors-wildcard-origin', origin, 'cors({ origin: "*" }) lets every website read these responses: name the allowed origins unless the API is public');
}
