import assert from 'node:assert/strict';
import { ROUTES } from '../../../language-server/api/routeTable';
import { Router } from '../../../language-server/api/router';

describe('api: router', () => {
  const router = new Router(ROUTES);
  const routeOf = (method: string, path: string) => {
    const m = router.match(method, path);
    return m.kind === 'route' ? `${m.route.method} ${m.route.path} ${JSON.stringify(m.params)}` : m.kind === 'method' ? `405 ${m.allowed.join(',')}` : '404';
  };

  describe('hostile paths', () => {
    it('matches no route for dot segments, extra or empty segments', () => {
      for (const path of ['/api/v1/projects/../../etc/passwd', '/api/v1/../metrics/x', '/api/v1/projects//', '/api/v1/projects/abc/../def', '//api/v1/projects', '/api/v1/projects/', '/api/v2/projects', '/API/V1/PROJECTS']) {
        assert.equal(routeOf('GET', path), '404', path);
      }
    });

    it('keeps an encoded slash inside one parameter and decodes it there (the handler decides what it names)', () => {
      assert.equal(routeOf('GET', '/api/v1/projects/..%2F..%2Fetc%2Fpasswd'), 'GET /api/v1/projects/{id} {"id":"../../etc/passwd"}');
      assert.equal(routeOf('GET', '/api/v1/projects/%2Fhome%2Fme%2Fshop'), 'GET /api/v1/projects/{id} {"id":"/home/me/shop"}');
      assert.equal(routeOf('GET', '/api/v1/projects/%E0%A4%A'), 'GET /api/v1/projects/{id} {"id":"%E0%A4%A"}', 'a broken escape is kept and names nothing');
    });

    it('needs write for any unsafe method on any path, and for write routes whatever the id', () => {
      const scope = (method: string, path: string) => router.scopeFor(router.match(method, path), method);
      assert.equal(scope('POST', '/api/v1/runtime/..%2F..%2Fetc/start'), 'write');
      assert.equal(scope('POST', '/api/v1/runtime/../../etc/passwd/start'), 'write');
      assert.equal(scope('DELETE', '/api/v1/projects/abc'), 'write');
      assert.equal(scope('PUT', '/nowhere'), 'write');
      assert.equal(scope('POST', '/api/v1/troubleshooting/diagnose'), 'read', 'diagnose only reads');
      assert.equal(scope('GET', '/nowhere'), 'read');
      assert.equal(scope('HEAD', '/api/v1/projects'), 'read');
    });
  });

  it('routes every entry of the table to itself', () => {
    for (const r of ROUTES) {
      const path = r.path.replace('{id}', '0123456789abcdef');
      const m = router.match(r.method, path);
      assert.equal(m.kind === 'route' && m.route, r, `${r.method} ${r.path}`);
    }
  });

  it('prefers a literal segment to a parameter, and answers 405 with what the path takes', () => {
    assert.equal(routeOf('POST', '/api/v1/projects/scan'), 'POST /api/v1/projects/scan {}');
    assert.equal(routeOf('GET', '/api/v1/projects/scan'), 'GET /api/v1/projects/{id} {"id":"scan"}');
    assert.equal(routeOf('GET', '/api/v1/monetization/recommend'), 'GET /api/v1/monetization/recommend {}');
    assert.equal(routeOf('DELETE', '/api/v1/projects'), '405 GET');
    assert.equal(routeOf('PUT', '/api/v1/orchestration/abc/deploy'), '405 GET,POST');
    assert.equal(routeOf('HEAD', '/api/v1/projects'), 'GET /api/v1/projects {}');
  });

  it('marks exactly what starts, stops, fixes, deploys or backs up as write', () => {
    const writes = ROUTES.filter((r) => r.scope === 'write').map((r) => r.operationId).sort();
    assert.deepEqual(writes, ['approveFix', 'backup', 'deploy', 'startProject', 'stopProject']);
    assert.ok(ROUTES.every((r) => r.scope === 'read' || r.method === 'POST'), 'no GET route writes');
  });
});
