import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ApiEngine } from '../../../language-server/api/apiEngine';
import { ApiServer } from '../../../language-server/api/apiServer';
import { projectIdOf } from '../../../language-server/api/projectRefs';
import { TokenService } from '../../../language-server/api/tokens/tokenService';
import { ActionRefused } from '../../../language-server/orchestrator/actionGate';
import { listAudit } from '../../../language-server/store/auditLog';
import { Store } from '../../../language-server/store/store';
import { call, chunkedBody, errorCode, slowHeaders } from '../../integration/api/httpClient';
import { fakeEngine, project } from './fakeEngine';

/** The request pipeline over a real socket, with an engine that fails any call a test did not expect. */
describe('api: request pipeline (real HTTP socket; a fake engine stands in so the pipeline is tested alone — the real one is in test/integration/api)', function () {
  this.timeout(20000);
  let dir = '';
  let store: Store;
  let server: ApiServer;
  let read = '';
  let write = '';
  const shop = project('shop');
  const calls: string[] = [];

  async function serve(parts: Partial<ApiEngine> = {}, extra: Partial<Parameters<typeof ApiServer.listen>[0]> = {}): Promise<number> {
    await server?.close();
    const api = fakeEngine({ projects: () => [shop], store: async () => store, ...parts });
    const tokens = new TokenService({ store: async () => store });
    server = await ApiServer.listen({ api, tokens, port: 0, version: 'test', timeouts: { headersMs: 400, requestMs: 2000, keepAliveMs: 1000 }, ...extra });
    return server.port;
  }

  beforeEach(async () => {
    calls.length = 0;
    dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-api-pipeline-'));
    store = (await Store.open(path.join(dir, 'optimus.sqlite'))).store;
    const tokens = new TokenService({ store: async () => store });
    read = (await tokens.create({ scope: 'read' })).token;
    write = (await tokens.create({ scope: 'write' })).token;
  });
  afterEach(async () => {
    await server?.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('hostile requests', () => {
    it('answers 401 with a JSON error and WWW-Authenticate to a missing, wrong or foreign token', async () => {
      const port = await serve();
      for (const token of [undefined, 'nope', `opt_${'0'.repeat(12)}_${'A'.repeat(43)}`, `${read.slice(0, -2)}xx`]) {
        const a = await call(port, { path: '/api/v1/projects', ...(token ? { token } : {}) });
        assert.equal(a.status, 401, String(token));
        assert.equal(errorCode(a), 'unauthorized');
        assert.match(a.headers['www-authenticate'] ?? '', /^Bearer/);
        assert.match(String(a.headers['content-type']), /^application\/json/);
      }
    });

    it('refuses a write with a read token (403) before looking at its path or body, runs nothing, and audits the refusal', async () => {
      const port = await serve({ start: async () => (calls.push('start'), Promise.reject(new Error('must not run'))), startPlan: async () => (calls.push('plan'), null) });
      const paths = [`/api/v1/runtime/${projectIdOf(shop.path)}/start`, '/api/v1/runtime/..%2F..%2Fetc%2Fpasswd/start', '/api/v1/runtime/../../etc/passwd/start', '/no/such/route'];
      for (const p of paths) {
        const a = await call(port, { method: 'POST', path: p, token: read, body: '{not json', headers: { 'Content-Type': 'application/json' } });
        assert.equal(a.status, 403, p);
        assert.equal(errorCode(a), 'forbidden');
      }
      assert.equal((await call(port, { method: 'DELETE', path: '/api/v1/projects', token: read })).status, 403);
      assert.deepEqual(calls, [], 'the engine was not asked anything');
      const rows = await listAudit(store);
      assert.equal(rows.length, paths.length + 1);
      assert.ok(rows.every((r) => r.actor === 'api' && r.outcome === 'denied' && r.details?.status === 403));
      assert.deepEqual(rows.map((r) => r.action).reverse().slice(0, 2), ['api.startProject', 'api.startProject']);
      assert.equal(rows.at(-1)?.target, shop.path, 'a known project is named by its path');
    });

    it('answers 404 to ids outside the known projects, never asking the engine about them', async () => {
      const port = await serve();
      for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd', encodeURIComponent(`${shop.path}/../../etc`), encodeURIComponent(`${shop.path}/sub`), '0123456789abcdef', '%E0%A4%A', 'x'.repeat(5000)]) {
        const a = await call(port, { path: `/api/v1/projects/${id}`, token: read });
        assert.equal(a.status, 404, id);
        assert.equal(errorCode(a), 'not_found');
      }
      assert.equal((await call(port, { path: `/api/v1/projects/${encodeURIComponent(shop.path)}`, token: read })).status, 200, 'the path, encoded, names it');
      assert.equal((await call(port, { path: '/api/v1/projects/../../etc/passwd', token: read })).status, 404);
    });

    it('refuses bodies too large (declared or streamed: 413), not JSON (400), not declared JSON (415) or of the wrong shape (400)', async () => {
      const port = await serve({ diagnose: async () => Promise.reject(new Error('must not run')) });
      const big = await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read, body: { text: 'x'.repeat(1024 * 1024) } });
      assert.equal(big.status, 413);
      assert.equal(errorCode(big), 'payload_too_large');
      const streamed = await chunkedBody(port, '/api/v1/troubleshooting/diagnose', read, 1024 * 1024);
      assert.equal(streamed.status, 413);
      const broken = await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read, body: '{"text": "unterminated', headers: { 'Content-Type': 'application/json' } });
      assert.equal(broken.status, 400);
      assert.match((broken.json as { error: { message: string } }).error.message, /not valid JSON/);
      assert.equal((await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read, body: 'text=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 415);
      const shape = await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read, body: { text: 'x', shell: 'rm -rf /' } });
      assert.equal(shape.status, 400);
      assert.match(shape.text, /does not take: \\"shell\\"/);
      assert.equal((await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read, body: [] })).status, 400);
      assert.equal((await call(port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read })).status, 400, 'no body where one is needed');
    });

    it('audits a write that fails its checks, and one the engine refuses (untrusted)', async () => {
      const port = await serve({ backup: async () => Promise.reject(new ActionRefused({ action: 'backup', target: shop.path })) });
      const bad = await call(port, { method: 'POST', path: `/api/v1/orchestration/${projectIdOf(shop.path)}/backup`, token: write, body: { mode: 'everything' } });
      assert.equal(bad.status, 400);
      const refused = await call(port, { method: 'POST', path: `/api/v1/orchestration/${projectIdOf(shop.path)}/backup`, token: write });
      assert.equal(refused.status, 403);
      assert.equal(errorCode(refused), 'refused');
      const [second, first] = await listAudit(store);
      assert.deepEqual([first?.action, first?.outcome, first?.details?.status], ['api.backup', 'error', 400]);
      assert.deepEqual([second?.action, second?.outcome, second?.details?.status], ['api.backup', 'denied', 403]);
    });

    it('limits each token to its rate (429 with Retry-After), apart from the others', async () => {
      const port = await serve({}, { rateLimit: { perSecond: 1, burst: 2 } });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(port, { path: '/api/v1/projects', token: read })).status);
      assert.deepEqual(statuses, [200, 200, 429]);
      const limited = await call(port, { path: '/api/v1/projects', token: read });
      assert.equal(errorCode(limited), 'rate_limited');
      assert.match(String(limited.headers['retry-after']), /^[1-9]\d*$/);
      assert.equal((await call(port, { path: '/api/v1/projects', token: write })).status, 200, 'another token has its own bucket');
    });

    it('runs two heavy requests (scans, analyses, backups) at once and turns the next away (429 busy)', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const port = await serve({ analyze: async (p) => (await gate, { path: p } as never) });
      const analyze = () => call(port, { method: 'POST', path: `/api/v1/projects/${projectIdOf(shop.path)}/analyze`, token: read });
      const running = [analyze(), analyze()];
      await new Promise((r) => setTimeout(r, 100));
      const third = await analyze();
      assert.deepEqual([third.status, errorCode(third), third.headers['retry-after']], [429, 'busy', '5']);
      assert.equal((await call(port, { path: '/api/v1/projects', token: read })).status, 200, 'light requests are not held up');
      release();
      assert.deepEqual((await Promise.all(running)).map((a) => a.status), [200, 200]);
      assert.equal((await analyze()).status, 200, 'a slot is free again');
    });

    it('answers only requests addressed to 127.0.0.1 or localhost (DNS rebinding)', async () => {
      const port = await serve();
      assert.equal((await call(port, { path: '/api/v1/projects', token: read, headers: { Host: `evil.example:${port}` } })).status, 400);
      assert.equal((await call(port, { path: '/api/v1/projects', token: read, headers: { Host: `localhost:${port}` } })).status, 200);
    });

    it('cuts off a client that sends its headers byte by byte, and answers others meanwhile', async () => {
      const port = await serve();
      const slow = slowHeaders(port, 50, 5000);
      const others = await Promise.all([1, 2, 3].map(() => call(port, { path: '/api/v1/projects', token: read })));
      assert.deepEqual(others.map((a) => a.status), [200, 200, 200]);
      const { closedAfterMs, received } = await slow;
      assert.ok(closedAfterMs < 4000, `closed after ${closedAfterMs} ms`);
      assert.match(received, /^HTTP\/1\.1 408/);
      assert.equal((await call(port, { path: '/api/v1/projects', token: read })).status, 200);
    });

    it('answers garbage on the socket with 400 and keeps serving', async () => {
      const port = await serve();
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('\u0000\u0001GARBAGE / HTTP/9.9\r\n\r\n'));
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      assert.match(reply, /^HTTP\/1\.1 400/);
      assert.equal((await call(port, { path: '/api/v1/projects', token: read })).status, 200);
    });

    it('turns an engine failure into a 500 with its message, not a crash', async () => {
      const port = await serve({ detail: async () => Promise.reject(new Error('the disk is on fire')) });
      const a = await call(port, { path: `/api/v1/analysis/${projectIdOf(shop.path)}/security`, token: read });
      assert.equal(a.status, 500);
      assert.match(a.text, /the disk is on fire/);
      assert.equal((await call(port, { path: '/api/v1/projects', token: read })).status, 200);
    });
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const port = await serve();
    const a = await call(port, { method: 'POST', path: '/api/v1/projects', token: write });
    assert.equal(a.status, 405);
    assert.equal(a.headers.allow, 'GET');
  });

  it('lists projects with their ids and serves HEAD without a body', async () => {
    const port = await serve();
    const a = await call(port, { path: '/api/v1/projects', token: read });
    assert.deepEqual((a.json as { projects: Array<{ id: string; path: string }> }).projects.map((p) => [p.id, p.path]), [[projectIdOf(shop.path), shop.path]]);
    const head = await call(port, { method: 'HEAD', path: '/api/v1/projects', token: read });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });
});
