import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { projectIdOf } from '../../../language-server/api/projectRefs';
import { ApiStatusRequest, ApiTokenCreateRequest, ApiTokenRevokeRequest, ApiTokensRequest, AuditLogRequest, BackupRequest, type ApiStatus } from '../../../language-server/protocol';
import { freePort, waitFor } from '../cli/procs';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { call, errorCode } from './httpClient';

/** The API inside the language server: only while `optimus.api.enabled` is on, over the editor's own engine. */
describe('language server: the REST API behind optimus.api.enabled', function () {
  this.timeout(90000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-api');
  const root = () => path.join(tmp(), 'projects');

  it('is off by default; listens once turned on, with tokens the extension makes; stops when turned off', async () => {
    const shop = path.join(root(), 'shop');
    await writeTree(shop, { 'package.json': '{"name":"shop"}', 'index.js': 'module.exports = 1;\n' });
    await gitRepo(shop);
    const port = await freePort();
    const settings = { roots: [root()], containers: { enabled: false }, backup: { folder: path.join(tmp(), 'backups') }, api: { enabled: false, port } };
    const s = (server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings, env: { OPTIMUS_HOME: path.join(tmp(), 'home') } }));
    await s.until('the project listed', () => !!s.byName('shop'));
    const status = () => s.connection.sendRequest(ApiStatusRequest.type);
    const reconfigure = async (enabled: boolean): Promise<ApiStatus> => {
      settings.api.enabled = enabled;
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return waitFor(`the API ${enabled ? 'on' : 'off'}`, async () => {
        const now = await status();
        return (now.url !== null) === enabled ? now : null;
      });
    };

    assert.deepEqual(await status(), { enabled: false, url: null, error: null });
    await assert.rejects(call(port, { path: '/api/v1/projects' }), /ECONNREFUSED/);

    const read = await s.connection.sendRequest(ApiTokenCreateRequest.type, { scope: 'read', name: 'test' });
    const write = await s.connection.sendRequest(ApiTokenCreateRequest.type, { scope: 'write' });
    assert.match(read.token, /^opt_/);
    const listed = await s.connection.sendRequest(ApiTokensRequest.type);
    assert.deepEqual(listed.map((t) => [t.id, t.scope, t.name, t.state]), [[read.id, 'read', 'test', 'active'], [write.id, 'write', '', 'active']]);
    assert.equal(JSON.stringify(listed).includes(read.token), false, 'the list never holds a token');
    await assert.rejects(s.connection.sendRequest(ApiTokenCreateRequest.type, { scope: 'admin' as 'read' }), /scope must be/);

    const on = await reconfigure(true);
    assert.equal(on.url, `http://127.0.0.1:${port}`);
    const list = await call(port, { path: '/api/v1/projects', token: read.token });
    assert.equal(list.status, 200);
    assert.deepEqual((list.json as { projects: Array<{ path: string }> }).projects.map((p) => p.path), [shop]);

    // The editor's engine serves both: what the API asks for is audited as the API, what the editor asks as vscode.
    const viaApi = await call(port, { method: 'POST', path: `/api/v1/orchestration/${projectIdOf(shop)}/backup`, token: write.token, body: {} });
    assert.equal(viaApi.status, 200, viaApi.text);
    await s.connection.sendRequest(BackupRequest.type, { path: shop });
    const rows = await s.connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    assert.deepEqual(rows.filter((r) => r.action === 'backup').map((r) => r.actor), ['vscode', 'api']);
    assert.deepEqual(rows.filter((r) => r.action.startsWith('token.')).map((r) => [r.action, r.actor]), [['token.create', 'vscode'], ['token.create', 'vscode']]);

    assert.deepEqual(await s.connection.sendRequest(ApiTokenRevokeRequest.type, { id: read.id }), { revoked: true });
    const revoked = await call(port, { path: '/api/v1/projects', token: read.token });
    assert.deepEqual([revoked.status, errorCode(revoked)], [401, 'unauthorized'], 'revoked in this process: refused at once');

    await reconfigure(false);
    await assert.rejects(call(port, { path: '/api/v1/projects', token: write.token }), /ECONNREFUSED/);
  });

  it('refuses to make a token in an untrusted workspace, and says why the API cannot listen on a taken port', async () => {
    await writeTree(path.join(root(), 'a'), { 'package.json': '{"name":"a"}' });
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const settings = { roots: [root()], containers: { enabled: false }, api: { enabled: true, port } };
      const s = (server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings, trusted: false, env: { OPTIMUS_HOME: path.join(tmp(), 'home') } }));
      await s.until('a message about the port', () => s.messages.some((m) => /The Optimus API could not start: Port \d+ on 127\.0\.0\.1 is in use/.test(m.message)));
      const now = await s.connection.sendRequest(ApiStatusRequest.type);
      assert.equal(now.url, null);
      assert.match(now.error ?? '', /in use/);
      await assert.rejects(s.connection.sendRequest(ApiTokenCreateRequest.type, { scope: 'read' }), /untrusted workspace/);
      assert.deepEqual(await s.connection.sendRequest(ApiTokensRequest.type), []);
    } finally {
      blocker.close();
    }
  });
});
