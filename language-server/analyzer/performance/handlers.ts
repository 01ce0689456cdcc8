import type ts from 'typescript';
import { typescript } from '../source';

/** Methods that register a route when their first argument is a path: express, koa-router, fastify, hono. */
const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use', 'route']);
const SERVER_FACTORIES: ReadonlySet<string> = new Set(['createServer', 'createSecureServer']);
const ROUTE_OPTION_KEYS: ReadonlySet<string> = new Set(['handler', 'preHandler', 'onRequest', 'preValidation']);
/** Next.js app-router route modules export handlers named after the HTTP method. */
const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const REQUEST_TYPES: ReadonlySet<string> = new Set(['IncomingMessage', 'FastifyRequest', 'NextApiRequest', 'NextRequest']);
/** NestJS controller methods take no request parameter; their route decorator says what they are. */
const ROUTE_DECORATORS: ReadonlySet<string> = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);

/**
 * Whether `fn` looks like an HTTP request handler or middleware. Judged from the shape alone (no types):
 * parameter names by convention, request types by name, or being passed to a route registration.
 */
export function isRequestHandler(fn: ts.SignatureDeclaration): boolean {
  return hasHandlerParams(fn) || isNextRouteExport(fn) || isRegisteredHandler(fn) || hasRouteDecorator(fn);
}

function hasRouteDecorator(fn: ts.SignatureDeclaration): boolean {
  const t = typescript();
  if (!t.isMethodDeclaration(fn)) return false;
  return (t.getDecorators(fn) ?? []).some((d) => t.isCallExpression(d.expression) && t.isIdentifier(d.expression.expression) && ROUTE_DECORATORS.has(d.expression.expression.text));
}

function paramName(fn: ts.SignatureDeclaration, index: number): string | null {
  const param = fn.parameters[index];
  return param && typescript().isIdentifier(param.name) ? param.name.text : null;
}

function hasHandlerParams(fn: ts.SignatureDeclaration): boolean {
  const first = paramName(fn, 0);
  const second = paramName(fn, 1);
  if (first && second && /^(req|request)$/i.test(first) && /^(res|response|reply|rep)$/i.test(second)) return true;
  // Koa middleware; a lone `ctx` is too common (canvas contexts) to count without a registration.
  if (first === 'ctx' && second === 'next') return true;
  const typeName = firstParamTypeName(fn);
  return typeName !== null && REQUEST_TYPES.has(typeName);
}

function firstParamTypeName(fn: ts.SignatureDeclaration): string | null {
  const t = typescript();
  const type = fn.parameters[0]?.type;
  if (!type || !t.isTypeReferenceNode(type)) return null;
  const name = type.typeName;
  if (t.isIdentifier(name)) return name.text;
  // `express.Request`: the qualifier says which Request it is.
  return t.isIdentifier(name.left) && name.left.text === 'express' && name.right.text === 'Request' ? 'IncomingMessage' : null;
}

function isNextRouteExport(fn: ts.SignatureDeclaration): boolean {
  const t = typescript();
  if (!t.isFunctionDeclaration(fn) || !fn.name || !NEXT_ROUTE_EXPORTS.has(fn.name.text)) return false;
  return fn.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword) ?? false;
}

/** Passed to `app.get('/x', fn)`, `http.createServer(fn)`, `server.on('request', fn)` or `fastify.route({ handler })`. */
function isRegisteredHandler(fn: ts.SignatureDeclaration): boolean {
  const t = typescript();
  const parent = fn.parent;
  if (t.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) return isRegistrationCall(parent, fn);
  if (t.isPropertyAssignment(parent) && t.isIdentifier(parent.name) && ROUTE_OPTION_KEYS.has(parent.name.text)) {
    const call = parent.parent.parent;
    return t.isCallExpression(call) && calleeName(call) === 'route';
  }
  return false;
}

function isRegistrationCall(call: ts.CallExpression, fn: ts.SignatureDeclaration): boolean {
  const name = calleeName(call);
  if (name === null) return false;
  if (SERVER_FACTORIES.has(name)) return true;
  const [first] = call.arguments;
  if (!first || first === fn) return name === 'use' && paramName(fn, 0) === 'ctx';
  if (name === 'on') return typescript().isStringLiteralLike(first) && first.text === 'request';
  // A cache's `get('/key', () => load())` also passes a path-like string; a route handler takes the request.
  return ROUTE_METHODS.has(name) && isRoutePath(first) && (fn.parameters.length > 0 || isRouterLike(call.expression));
}

function isRouterLike(callee: ts.Expression): boolean {
  const t = typescript();
  const receiver = t.isPropertyAccessExpression(callee) ? callee.expression : callee;
  const text = t.isIdentifier(receiver) ? receiver.text : t.isCallExpression(receiver) ? 'router' : '';
  return /app|router|server|api|fastify|hono|routes?$/i.test(text);
}

export function calleeName(call: ts.CallExpression): string | null {
  const t = typescript();
  const callee = call.expression;
  if (t.isIdentifier(callee)) return callee.text;
  if (t.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/** '/users/:id', '*', /regex/, ['/a', '/b'] — what routers take as a path (a Map's `get('key', …)` does not start with /). */
function isRoutePath(node: ts.Expression): boolean {
  const t = typescript();
  if (t.isStringLiteralLike(node)) return node.text.startsWith('/') || node.text === '*';
  if (t.isTemplateExpression(node)) return node.head.text.startsWith('/');
  if (t.isRegularExpressionLiteral(node)) return true;
  return t.isArrayLiteralExpression(node) && node.elements.length > 0 && node.elements.every((e) => t.isStringLiteralLike(e) && e.text.startsWith('/'));
}
