import type { IncomingMessage, ServerResponse } from 'node:http';
import { ActionCancelled, ActionRefused } from '../orchestrator/actionGate';
import { auditRefusedWrite } from './apiAudit';
import type { ApiEngine } from './apiEngine';
import { runAs } from './actor';
import { ApiError, badRequest, errorBody, notFound } from './http/apiError';
import { readJsonBody } from './http/body';
import type { ApiMetrics } from './metrics/apiMetrics';
import { ProjectRefs } from './projectRefs';
import { RawBody, type Route, type RouteRequest } from './route';
import type { RateLimiter } from './rateLimit';
import type { Router, RouteMatch } from './router';
import type { TokenService } from './tokens/tokenService';

export interface HandlerDeps {
  api: ApiEngine;
  router: Router;
  tokens: TokenService;
  limiter: RateLimiter;
  /** Calls that fail to authenticate share one bucket: guessing is slowed down, holders of a token are not. */
  failures: RateLimiter;
  metrics: ApiMetrics;
  openapi: () => object;
  /** The port the server listens on, for the Host check; read per request (it is known once listening). */
  port: () => number;
  onError: (message: string) => void;
}

/** Heavy routes running at once, across tokens: more wait their turn on the client's side (429), not in memory. */
const MAX_HEAVY = 2;

/** What the metrics of a request need once it is answered. */
interface Outcome {
  match: RouteMatch;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * One request, in this order: Host, token (401), rate (429), scope (403: decided by method and path alone,
 * before routing, ids or the body are looked at), route (404/405), body (413/415/400), the handler. Every
 * authenticated write call that does not end in 2xx is audited here; what reaches the engine's gate is
 * audited there as well.
 */
export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const refs = new ProjectRefs(deps.api.projects);
  const heavy = { running: 0 };
  return (req, res) => {
    const started = performance.now();
    const outcome: Outcome = { match: { kind: 'none' } };
    res.once('close', () => {
      const route = outcome.match.kind === 'route' ? outcome.match.route.path : 'unmatched';
      const method = KNOWN_METHODS.has(req.method ?? '') ? (req.method as string) : 'other';
      // A client that left before the answer is counted as nginx does, 499, not as the status never sent.
      deps.metrics.requests.observe((performance.now() - started) / 1000, { route, method, status: res.headersSent ? String(res.statusCode) : '499' });
    });
    serve(deps, refs, heavy, req, res, outcome).catch((error: unknown) => {
      deps.onError(`API: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, errorBody(new ApiError(500, 'internal', 'The server failed to answer.')));
      else res.destroy();
    });
  };
}

async function serve(deps: HandlerDeps, refs: ProjectRefs, heavy: { running: number }, req: IncomingMessage, res: ServerResponse, outcome: Outcome): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const rawPath = query === -1 ? url : url.slice(0, query);
  if (!hostAllowed(req.headers.host, deps.port())) return fail(res, new ApiError(400, 'bad_host', 'This API answers requests for 127.0.0.1 and localhost only.'));

  const auth = await deps.tokens.authenticate(req.headers.authorization);
  if (!auth.ok) {
    const slow = deps.failures.take('unauthenticated');
    if (!slow.ok) return fail(res, rateLimited(slow.retryAfterSeconds));
    if (auth.failure === 'unavailable') return fail(res, new ApiError(503, 'unavailable', auth.message));
    return fail(res, new ApiError(401, auth.failure === 'expired' ? 'token_expired' : 'unauthorized', auth.message, { 'WWW-Authenticate': 'Bearer realm="optimus"' }));
  }
  const rate = deps.limiter.take(auth.id);
  if (!rate.ok) return fail(res, rateLimited(rate.retryAfterSeconds));

  const match = deps.router.match(method, rawPath);
  outcome.match = match;
  const write = deps.router.scopeFor(match, method) === 'write';
  const audit = async (error: ApiError, target: string): Promise<void> => {
    if (!write) return;
    const operation = match.kind === 'route' ? match.route.operationId : 'no-route';
    await auditRefusedWrite(await deps.api.store(), { operation, method, path: rawPath, status: error.status, code: error.code, message: error.message, tokenId: auth.id, target });
  };

  try {
    if (write && auth.scope !== 'write') throw new ApiError(403, 'forbidden', 'This call starts, stops, fixes, deploys or backs up something: it needs a token with the write scope.');
    if (match.kind === 'none') throw notFound(`No route ${method} ${rawPath.slice(0, 200)}. GET /api/v1/openapi.json lists them.`);
    if (match.kind === 'method') throw new ApiError(405, 'method_not_allowed', `${rawPath.slice(0, 200)} takes ${match.allowed.join(', ')}, not ${method}.`, { Allow: match.allowed.join(', ') });
    const request = routeRequest(deps, refs, match, await checkedBody(match.route, req), url.slice(rawPath.length + 1), res);
    if (match.route.heavy && heavy.running >= MAX_HEAVY) throw new ApiError(429, 'busy', `${MAX_HEAVY} scans, analyses or backups are running already; try again when one is done.`, { 'Retry-After': '5' });
    if (match.route.heavy) heavy.running++;
    const result = await runAs('api', () => match.route.handle(deps.api, request)).finally(() => {
      if (match.route.heavy) heavy.running--;
    });
    if (result instanceof RawBody) sendText(res, 200, result.contentType, result.content);
    else send(res, 200, result);
  } catch (error) {
    const apiError = toApiError(error);
    fail(res, apiError);
    const target = match.kind === 'route' && match.params.id !== undefined ? (refs.resolve(match.params.id)?.path ?? match.params.id) : rawPath;
    await audit(apiError, target);
  }
}

function routeRequest(deps: HandlerDeps, refs: ProjectRefs, match: Extract<RouteMatch, { kind: 'route' }>, body: unknown, query: string, res: ServerResponse): RouteRequest<unknown> {
  let controller: AbortController | null = null;
  return {
    params: match.params,
    body,
    query: new URLSearchParams(query),
    // Made for the routes that use it (long work): most answers are done before a client could leave.
    get signal() {
      if (!controller) {
        const made = (controller = new AbortController());
        res.once('close', () => res.writableFinished || made.abort());
      }
      return controller.signal;
    },
    project: () => {
      const ref = match.params.id ?? '';
      const project = refs.resolve(ref);
      if (!project) throw notFound(`${ref.slice(0, 200)} is not a project Optimus knows: use an id from GET /api/v1/projects, or a project's path URL-encoded.`);
      return project;
    },
    idOf: (p) => refs.idOf(p),
    server: { openapi: deps.openapi, metrics: () => deps.metrics.render(deps.api) },
  };
}

/** The route's body, checked; a body left out is `{}` when every field is optional. Routes without one ignore it. */
async function checkedBody(route: Route, req: IncomingMessage): Promise<unknown> {
  if (!route.body) return undefined;
  const raw = await readJsonBody(req);
  if (raw === undefined) {
    if (Array.isArray(route.body.json.required)) throw badRequest('This route needs a JSON body; GET /api/v1/openapi.json shows its fields.');
    return {};
  }
  return route.body.check(raw, 'body');
}

/** Errors from the engine, in HTTP terms: the gate's refusal is 403, an unknown project 404, anything else 500. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ActionRefused) return new ApiError(403, 'refused', message);
  if (error instanceof ActionCancelled) return new ApiError(499, 'cancelled', message);
  if (/is not a project Optimus knows/.test(message)) return notFound(message);
  return new ApiError(500, 'failed', message);
}

function rateLimited(seconds: number): ApiError {
  return new ApiError(429, 'rate_limited', `Too many requests with this token; try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
}

/** Against DNS rebinding: a page of another site that resolves its name to 127.0.0.1 still sends its own Host. */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}` || (port === 80 && (host === '127.0.0.1' || host === 'localhost'));
}

function fail(res: ServerResponse, error: ApiError): void {
  if (!res.headersSent) send(res, error.status, errorBody(error), error.headers);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  sendText(res, status, JSON_TYPE, JSON.stringify(body), headers);
}

function sendText(res: ServerResponse, status: number, contentType: string, content: string | Buffer, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const length = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(content);
}
