import { RawBody, route } from '../route';

/** The API's description of itself, and the figures Prometheus scrapes. Both need a read token, like the rest. */
export const META_ROUTES = [
  route({
    method: 'GET', path: '/api/v1/openapi.json', operationId: 'openapi', tag: 'meta', scope: 'read',
    summary: 'This document (OpenAPI 3.1), made from the route table the server routes with',
    response: { type: 'object', properties: { openapi: { const: '3.1.0' } }, required: ['openapi', 'paths'] },
    handle: async (_api, req) => req.server.openapi(),
  }),
  route({
    method: 'GET', path: '/metrics', operationId: 'metrics', tag: 'meta', scope: 'read',
    summary: 'Prometheus text format 0.0.4: projects, running projects, findings by severity, scan, analysis and API latencies',
    description: 'Needs a read token like every route: the figures name no project, but the API answers nothing without one. Give Prometheus a read token (`authorization: { credentials_file: ... }`).',
    response: { type: 'string', contentMediaType: 'text/plain; version=0.0.4' },
    handle: async (_api, req) => new RawBody('text/plain; version=0.0.4; charset=utf-8', await req.server.metrics()),
  }),
];
