import assert from 'node:assert/strict';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectIdOf } from '../../../language-server/api/projectRefs';
import { TokenService } from '../../../language-server/api/tokens/tokenService';
import type { AuditRecord } from '../../../language-server/store/auditLog';
import { Store } from '../../../language-server/store/store';
import { killAllIn, processesIn, SERVER_JS, waitFor } from '../cli/procs';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { call, errorCode, slowHeaders, type Answer } from './httpClient';
import { startServe, type Served } from './serveProcess';

interface Created {
  token: string;
  id: string;
  scope: string;
}

/** `optimus serve` as users run it, against real git repositories, over real sockets. */
describe('optimus serve: the REST API', function () {
  this.timeout(120000);
  let tmp = '';
  let served: Served;
  let read: Created;
  let write: Created;
  const root = () => path.join(tmp, 'projects');
  const web = () => path.join(root(), 'web');
  const lib = () => path.join(root(), 'lib');
  const db = () => path.join(tmp, 'home', 'optimus.sqlite');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp, 'home'), HOME: tmp });
  const cli = (...args: string[]) => optimus([...args, '--db', db()], env());
  const get = (p: string, token = read.token): Promise<Answer> => call(served.port, { path: p, token });
  const post = (p: string, body: unknown, token = read.token): Promise<Answer> => call(served.port, { method: 'POST', path: p, token, body });
  const audit = async (): Promise<AuditRecord[]> => (JSON.parse((await cli('audit', '--json')).stdout) as { entries: AuditRecord[] }).entries;

  async function token(scope: 'read' | 'write'): Promise<Created> {
    const run = await cli('token', 'create', '--scope', scope, '--json');
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as Created;
  }

  before(async () => {
    await buildOnce();
    tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'optimus-api-serve-')));
    await writeTree(root(), {
      'web/package.json': JSON.stringify({ name: 'web', scripts: { dev: 'node server.js' } }),
      'web/server.js': SERVER_JS,
      'web/.env': 'PORT=0\n',
      'lib/package.json': JSON.stringify({ name: 'lib', version: '1.0.0' }),
      'lib/index.js': 'module.exports = () => 42;\n',
    });
    await gitRepo(web());
    await gitRepo(lib());
    const scan = await cli('scan', root());
    assert.equal(scan.code, 0, scan.stderr);
    read = await token('read');
    write = await token('write');
    served = await startServe(['--db', db()], env());
  });

  after(async () => {
    if (tmp) killAllIn(tmp);
    const code = await served?.stop();
    assert.equal(code, 0, `serve ends cleanly on SIGTERM: ${served?.stderr()}`);
    await rm(tmp, { recursive: true, force: true });
  });

  describe('hostile input', () => {
    it('answers 401 to a missing, wrong, expired or revoked token', async () => {
      const answers = [await call(served.port, { path: '/api/v1/projects' }), await get('/api/v1/projects', 'opt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), await get('/api/v1/projects', `${read.token.slice(0, -3)}abc`)];
      // An expired token, made in this process straight in the store file the server reads.
      const store = (await Store.open(db())).store;
      const expired = await new TokenService({ store: async () => store }).create({ scope: 'read', expiresAt: new Date(Date.now() - 1000) }).finally(() => store.close());
      const late = await get('/api/v1/projects', expired.token);
      assert.equal(late.status, 401);
      assert.equal(errorCode(late), 'token_expired');
      assert.match(late.text, /expired at/);
      for (const a of answers) {
        assert.equal(a.status, 401, a.text);
        assert.equal(errorCode(a), 'unauthorized');
      }

      const doomed = await token('read');
      assert.equal((await get('/api/v1/projects', doomed.token)).status, 200);
      const revoke = await cli('token', 'revoke', doomed.id, '--json');
      assert.equal(revoke.code, 0, revoke.stderr);
      assert.deepEqual(JSON.parse(revoke.stdout), { id: doomed.id, revoked: true });
      // Another process revoked it: the server's copy of the table is at most a second old.
      const refused = await waitFor('the revoked token to be refused', async () => {
        const a = await get('/api/v1/projects', doomed.token);
        return a.status === 401 ? a : null;
      }, 5000);
      assert.match(refused.text, /revoked/);
    });

    it('refuses a start with a read token (403): nothing starts, and the refusal is audited', async () => {
      const seen = Math.max(0, ...(await audit()).map((r) => r.id));
      for (const p of [`/api/v1/runtime/${projectIdOf(web())}/start`, `/api/v1/runtime/${encodeURIComponent(web())}/start`, '/api/v1/runtime/../../etc/passwd/start']) {
        const a = await post(p, {});
        assert.equal(a.status, 403, p);
        assert.equal(errorCode(a), 'forbidden');
      }
      const backup = await post(`/api/v1/orchestration/${projectIdOf(web())}/backup`, {});
      assert.equal(backup.status, 403);
      assert.deepEqual(processesIn(web()), [], 'nothing runs in the project');
      const rows = (await audit()).filter((r) => r.id > seen);
      assert.equal(rows.some((r) => r.action === 'start' || r.action === 'backup'), false, 'no action ran');
      const denied = rows.filter((r) => r.actor === 'api' && r.outcome === 'denied');
      assert.deepEqual(denied.map((r) => r.action).sort(), ['api.backup', 'api.no-route', 'api.startProject', 'api.startProject']);
      assert.ok(denied.every((r) => r.details?.token === read.id));
    });

    it('refuses a 1 MB body (413) and malformed JSON (400), and writes nothing for them', async () => {
      const before = (await audit()).length;
      const big = await post('/api/v1/troubleshooting/diagnose', { text: 'E'.repeat(1024 * 1024) });
      assert.equal(big.status, 413);
      assert.equal(errorCode(big), 'payload_too_large');
      const broken = await call(served.port, { method: 'POST', path: '/api/v1/troubleshooting/diagnose', token: read.token, body: '{"text": "Error: x', headers: { 'Content-Type': 'application/json' } });
      assert.equal(broken.status, 400);
      assert.match(broken.text, /not valid JSON/);
      assert.equal((await audit()).length, before, 'reads leave no audit row');
      assert.equal((await get('/api/v1/projects')).status, 200, 'and the server still answers');
    });

    it('answers 404 to ../../etc/passwd as an id, raw or encoded, and reads no such file', async () => {
      for (const p of ['/api/v1/projects/../../etc/passwd', `/api/v1/projects/${encodeURIComponent('../../etc/passwd')}`, `/api/v1/projects/${encodeURIComponent('/etc/passwd')}`, `/api/v1/analysis/${encodeURIComponent(`${web()}/../../../etc`)}/security`, `/api/v1/monetization/${encodeURIComponent(os.homedir())}/roi`]) {
        const a = await get(p);
        assert.equal(a.status, 404, p);
        assert.doesNotMatch(a.text, /root:/);
      }
      const cwd = await post('/api/v1/troubleshooting/diagnose', { text: 'Error: ENOENT: no such file or directory', cwd: '/etc' });
      assert.equal(cwd.status, 404, 'a cwd outside the projects is not looked at');
    });

    it('cuts off a client that sends its headers byte by byte, and answers others meanwhile', async () => {
      const slow = slowHeaders(served.port, 100, 15_000);
      for (let i = 0; i < 5; i++) assert.equal((await get('/api/v1/projects')).status, 200);
      const { closedAfterMs, received } = await slow;
      assert.match(received, /^HTTP\/1\.1 408/, `closed after ${closedAfterMs} ms`);
      assert.equal((await get('/api/v1/runtime/status')).status, 200);
    });
  });

  it('prints a token once with `token create --scope read --json`, and keeps only its hash', async () => {
    assert.deepEqual(Object.keys(read).sort(), ['id', 'scope', 'token']);
    assert.equal(read.scope, 'read');
    assert.match(read.token, /^opt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(read.token.includes(read.id), true);
    const list = await cli('token', 'list', '--json');
    assert.equal(list.code, 0, list.stderr);
    const tokens = (JSON.parse(list.stdout) as { tokens: Array<{ id: string; scope: string; state: string }> }).tokens;
    assert.deepEqual(tokens.filter((t) => t.id === read.id || t.id === write.id).map((t) => [t.scope, t.state]), [['read', 'active'], ['write', 'active']]);
    assert.equal(list.stdout.includes(read.token), false);
    assert.equal((await readFile(db())).includes(read.token), false, 'the store file holds no token');
    const created = (await audit()).find((r) => r.action === 'token.create' && r.details?.id === read.id);
    assert.deepEqual([created?.actor, created?.outcome, JSON.stringify(created).includes(read.token)], ['cli', 'ok', false]);
  });

  it('lists the projects as {"projects":[...]} with ids, and shows one by id or by its path', async () => {
    const list = await get('/api/v1/projects');
    assert.equal(list.status, 200);
    assert.deepEqual(Object.keys(list.json as object), ['projects']);
    const projects = (list.json as { projects: Array<{ id: string; name: string; path: string; git: { branch: string } | null }> }).projects;
    assert.deepEqual(projects.map((p) => [p.name, p.path, p.id, p.git?.branch]), [['lib', lib(), projectIdOf(lib()), 'main'], ['web', web(), projectIdOf(web()), 'main']]);
    const byId = await get(`/api/v1/projects/${projectIdOf(web())}`);
    const byPath = await get(`/api/v1/projects/${encodeURIComponent(web())}`);
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.json, byPath.json);
    const detail = byId.json as { project: { id: string; path: string; git: { lastCommit: { subject: string } } }; runtime: unknown };
    assert.equal(detail.project.path, web());
    assert.equal(detail.project.git.lastCommit.subject, 'first commit');
  });

  it('answers runtime status, advice, ROI and a diagnosis from the same engine as the CLI', async () => {
    const status = await get('/api/v1/runtime/status');
    assert.equal(status.status, 200);
    const s = status.json as { processes: unknown[]; docker: string; projects: unknown[] };
    assert.ok(Array.isArray(s.processes) && Array.isArray(s.projects));
    assert.match(s.docker, /^(available|unavailable: .+)$/);

    const advice = await get(`/api/v1/monetization/${projectIdOf(lib())}/recommend`);
    assert.equal(advice.status, 200);
    const kinds = (advice.json as { recommendations: Array<{ kind: string; projectPath: string }> }).recommendations;
    assert.ok(kinds.some((r) => r.kind === 'missing-license'), JSON.stringify(kinds));
    assert.ok(kinds.every((r) => r.projectPath === lib()));
    const cli = JSON.parse((await optimus(['advise', lib(), '--json', '--db', db()], env())).stdout) as { recommendations: Array<{ kind: string }> };
    assert.deepEqual(kinds.map((r) => r.kind).sort(), cli.recommendations.map((r) => r.kind).sort(), 'the API and the CLI advise the same');

    const all = await get('/api/v1/monetization/recommend');
    assert.ok((all.json as { recommendations: Array<{ projectPath: string }> }).recommendations.some((r) => r.projectPath === web()));

    const roi = await get(`/api/v1/monetization/${projectIdOf(web())}/roi`);
    assert.equal(roi.status, 200);
    const r = roi.json as { hours: { commits: number; hours: number }; figures: { roi: number | null } };
    assert.equal(r.hours.commits, 1);
    assert.ok(r.hours.hours > 0);

    const diagnosis = await post('/api/v1/troubleshooting/diagnose', { text: 'Error: listen EADDRINUSE: address already in use :::3000', cwd: web() });
    assert.equal(diagnosis.status, 200, diagnosis.text);
    const d = diagnosis.json as { diagnosis: { id: string }; projectPath: string };
    assert.deepEqual([d.diagnosis.id, d.projectPath], ['port-in-use', web()]);

    const security = await get(`/api/v1/analysis/${projectIdOf(web())}/security`);
    assert.deepEqual([security.status, (security.json as { analyzedAt: unknown }).analyzedAt], [200, null]);
  });

  it('starts and stops a project with a write token, audited as the API', async () => {
    const start = await post(`/api/v1/runtime/${projectIdOf(web())}/start`, { command: 'npm run dev' }, write.token);
    assert.equal(start.status, 200, start.text);
    const run = start.json as { runId: string; command: string; running: boolean };
    assert.equal(run.command, 'npm run dev');
    await waitFor('the started server', () => processesIn(web()).length > 0);
    const changed = await post(`/api/v1/runtime/${projectIdOf(web())}/start`, { command: 'rm -rf /' }, write.token);
    assert.equal(changed.status, 409, 'a command other than the plan is refused');
    const stop = await post(`/api/v1/runtime/${projectIdOf(web())}/stop`, {}, write.token);
    assert.equal(stop.status, 200, stop.text);
    assert.ok((stop.json as { stopped: number[] }).stopped.length > 0);
    await waitFor('nothing running in the project', () => processesIn(web()).length === 0);
    const rows = await audit();
    const action = (name: string) => rows.find((row) => row.action === name);
    assert.deepEqual([action('start')?.actor, action('start')?.outcome], ['api', 'ok']);
    assert.deepEqual([action('stop')?.actor, action('stop')?.outcome], ['api', 'ok']);
    assert.ok(rows.some((row) => row.action === 'api.startProject' && row.outcome === 'error' && row.details?.status === 409), 'the 409 is audited');
  });

  it('approves a fix command and refuses a deploy the plan does not have, both audited as the API', async () => {
    const fix = await post('/api/v1/troubleshooting/fix', { command: 'npm install', diagnosisId: 'node-module-not-found', cwd: web() }, write.token);
    assert.equal(fix.status, 200, fix.text);
    assert.deepEqual(fix.json, { approved: true, command: 'npm install', cwd: web() });
    const plan = await get(`/api/v1/orchestration/${projectIdOf(lib())}/deploy`);
    assert.equal((plan.json as { command: string | null }).command, null);
    const deploy = await post(`/api/v1/orchestration/${projectIdOf(lib())}/deploy`, { command: 'npm publish' }, write.token);
    assert.deepEqual([deploy.status, errorCode(deploy)], [409, 'conflict']);
    const rows = await audit();
    const approved = rows.find((r) => r.action === 'fix.command');
    assert.deepEqual([approved?.actor, approved?.outcome, approved?.details?.command], ['api', 'ok', 'npm install']);
    const refused = rows.find((r) => r.action === 'api.deploy');
    assert.deepEqual([refused?.actor, refused?.outcome, refused?.target, refused?.details?.status], ['api', 'error', lib(), 409]);
  });

  it('describes itself in /api/v1/openapi.json and serves Prometheus text on /metrics', async () => {
    const doc = await get('/api/v1/openapi.json');
    assert.equal((doc.json as { openapi: string }).openapi, '3.1.0');
    assert.ok((doc.json as { paths: Record<string, unknown> }).paths['/api/v1/projects']);
    const metrics = await get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(String(metrics.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.match(metrics.text, /^optimus_projects 2$/m);
    assert.match(metrics.text, /^optimus_api_request_duration_seconds_count\{route="\/api\/v1\/projects",method="GET",status="200"\} \d+$/m);
    assert.match(metrics.text, /^optimus_scan_duration_seconds_count 1$/m);
    assert.equal((await call(served.port, { path: '/metrics' })).status, 401, 'metrics need a token too');
  });

  it('exits 2 on bad usage, and 1 when the port is taken', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
      [['serve', '--port', 'eighty'], /--port must be a whole number/],
      [['serve', path.join(tmp, 'missing')], /No such folder/],
      [['serve', '--rate-limit', '0'], /--rate-limit must be a whole number from 1/],
      [['token'], /`optimus token` needs what to do/],
      [['token', 'mint'], /Unknown token action "mint"/],
      [['token', 'create', '--scope', 'admin'], /--scope must be read or write/],
      [['token', 'create', '--expires', '0'], /--expires must be a whole number from 1/],
      [['token', 'create', 'extra'], /takes no arguments/],
      [['token', 'revoke'], /needs the ID of one token/],
      [['token', 'revoke', '../../etc'], /is not a token id/],
      [['token', 'list', '--scope', 'read'], /does not take --scope/],
      [['token', 'create', '--port', '1'], /does not take --port/],
    ];
    for (const [args, pattern] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, pattern, args.join(' '));
    }
    const memory = await optimus(['serve', '--db', ':memory:'], env());
    assert.deepEqual([memory.code, memory.stdout], [2, '']);
    const taken = await optimus(['serve', '--port', String(served.port), '--json', '--db', db()], env());
    assert.equal(taken.code, 1, taken.stderr);
    assert.equal(taken.stdout, '');
    assert.match(taken.stderr, new RegExp(`Port ${served.port} on 127\\.0\\.0\\.1 is in use`));
  });
});
