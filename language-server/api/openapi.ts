import type { Route } from './route';
import type { JsonSchema } from './schema';

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
  required: ['error'],
};

const ERRORS: Record<string, string> = {
  '400': 'The body is not valid JSON, or not what the route takes (the message names the field).',
  '401': 'No token, a token that is not valid, revoked or expired.',
  '403': 'A read token on a route that needs write.',
  '404': 'No such route, or `{id}` names no project Optimus knows.',
  '405': 'The route exists with another method (see `Allow`).',
  '409': 'The plan changed since you saw it; nothing was done.',
  '413': 'The body is over 64 KB.',
  '415': 'The body is not `application/json`.',
  '429': 'Too many requests with this token (see `Retry-After`).',
};

/** The OpenAPI 3.1 document, made from the route table the router uses, so the two cannot disagree. */
export function openApiDocument(routes: readonly Route[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Optimus local API',
      version,
      description: 'Every project on this machine, from the same engine as the editor and the CLI. Served on 127.0.0.1 only. Every route needs `Authorization: Bearer <token>` (`optimus token create --scope read|write`); `write` is needed for anything that starts, stops, fixes, deploys or backs up. Errors are `{"error":{"code","message"}}`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An Optimus API token, `opt_<id>_<secret>`, scope read or write.' } },
      schemas: { Error: ERROR_SCHEMA },
      responses: Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [`E${status}`, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
    },
  };
}

function operation(r: Route): object {
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const optionalBody = r.body !== undefined && !Array.isArray(r.body.json.required);
  const errors = ['401', '403', '429', ...(params.length ? ['404'] : []), ...(r.body ? ['400', '413', '415'] : []), ...(r.scope === 'write' ? ['409'] : [])].sort();
  const ok = r.response.type === 'string' ? { 'text/plain': { schema: r.response } } : { 'application/json': { schema: r.response } };
  return {
    operationId: r.operationId,
    tags: [r.tag],
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    security: [{ bearer: [r.scope] }],
    'x-optimus-scope': r.scope,
    ...(params.length
      ? { parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description: 'The project: its `id` from GET /api/v1/projects, or its absolute path URL-encoded (`%2Fhome%2Fme%2Fshop`).' })) }
      : {}),
    ...(r.body ? { requestBody: { required: !optionalBody, content: { 'application/json': { schema: r.body.json } } } } : {}),
    responses: { '200': { description: 'Done.', content: ok }, ...Object.fromEntries(errors.map((s) => [s, { $ref: `#/components/responses/E${s}` }])) },
  };
}
