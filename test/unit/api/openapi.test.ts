import assert from 'node:assert/strict';
import { openApiDocument } from '../../../language-server/api/openapi';
import { ROUTES } from '../../../language-server/api/routeTable';

interface Operation {
  operationId: string;
  security: Array<{ bearer: string[] }>;
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { content: { 'application/json': { schema: { additionalProperties: boolean } } } };
  responses: Record<string, unknown>;
}

describe('api: OpenAPI document', () => {
  const doc = openApiDocument(ROUTES, '1.2.3') as { openapi: string; info: { version: string }; paths: Record<string, Record<string, Operation>> };

  it('is OpenAPI 3.1 and lists every route of the table, once, with its method', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, '1.2.3');
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    assert.deepEqual(listed, ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    assert.equal(new Set(ROUTES.map((r) => r.operationId)).size, ROUTES.length, 'operationIds are unique');
  });

  it('covers the seed: projects, runtime, analysis, monetization, troubleshooting, orchestration, and itself and /metrics', () => {
    for (const path of [
      '/api/v1/projects', '/api/v1/projects/{id}', '/api/v1/projects/scan', '/api/v1/projects/{id}/analyze',
      '/api/v1/runtime/status', '/api/v1/runtime/{id}/start', '/api/v1/runtime/{id}/stop',
      '/api/v1/analysis/{id}/quality', '/api/v1/analysis/{id}/security', '/api/v1/analysis/{id}/performance',
      '/api/v1/monetization/{id}/opportunities', '/api/v1/monetization/{id}/roi', '/api/v1/monetization/{id}/recommend',
      '/api/v1/troubleshooting/diagnose', '/api/v1/troubleshooting/fix',
      '/api/v1/orchestration/{id}/deploy', '/api/v1/orchestration/{id}/backup', '/api/v1/openapi.json', '/metrics',
    ]) assert.ok(doc.paths[path], path);
  });

  it('states each operation\'s scope, its path parameters, its body schema and its error answers', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()] as Operation;
      assert.deepEqual(op.security, [{ bearer: [r.scope] }], r.operationId);
      const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      assert.deepEqual((op.parameters ?? []).map((p) => [p.name, p.in, p.required]), params.map((p) => [p, 'path', true]), r.operationId);
      assert.equal(op.requestBody?.content['application/json'].schema, r.body?.json, r.operationId);
      for (const status of ['200', '401', '403', '429', ...(params.length ? ['404'] : []), ...(r.body ? ['400', '413'] : [])]) assert.ok(op.responses[status], `${r.operationId} ${status}`);
    }
  });
});
