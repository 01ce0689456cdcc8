import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditLogRequest, EnvViewRequest, SetEnvProfileRequest, SetStartCommandRequest, StartPlanRequest, StartRequest } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

const SECRET = 'sk_live_51HxQ9zSECRETvalue0123456789';

describe('language server: environments, start command and audit log over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-settings');
  const root = () => path.join(tmp(), 'projects');
  const storePath = () => path.join(tmp(), 'store', 'optimus.sqlite');
  const shop = () => path.join(root(), 'shop');

  async function start(trusted = true): Promise<LspServer> {
    await writeTree(root(), {
      'shop/package.json': JSON.stringify({ name: 'shop', scripts: { dev: 'vite', start: 'node server.js' } }),
      'shop/.env': `STRIPE_KEY=${SECRET}\nPORT=3000\n`,
      'shop/.env.production': `STRIPE_KEY=${SECRET}prod\n`,
      'shop/.env.example': 'STRIPE_KEY=\nPORT=\nDATABASE_URL=\n',
    });
    server = await LspServer.start({ storePath: storePath(), settings: { roots: [root()], containers: { enabled: false } }, trusted, captureStderr: true });
    await server.until('shop listed', () => !!server!.byName('shop'));
    return server;
  }

  it('shows .env keys masked with the missing ones, switches the profile, and never lets a value out', async () => {
    const s = await start();
    const view = await s.connection.sendRequest(EnvViewRequest.type, { path: shop() });
    assert.equal(view.profile, 'development');
    assert.deepEqual(view.missing, ['DATABASE_URL']);
    const stripe = view.files.find((f) => f.name === '.env')?.keys.find((k) => k.key === 'STRIPE_KEY');
    assert.equal(stripe?.value, 'sk_l****');

    const switched = await s.connection.sendRequest(SetEnvProfileRequest.type, { path: shop(), profile: 'production' });
    assert.equal(switched.profile, 'production');
    assert.equal(switched.profileSource, 'settings');
    assert.equal((await s.connection.sendRequest(StartPlanRequest.type, { path: shop() }))?.envProfile, 'production');
    await assert.rejects(s.connection.sendRequest(SetEnvProfileRequest.type, { path: shop(), profile: '../../etc/passwd' }), /profile/i);

    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    assert.deepEqual(audit.map((r) => [r.action, r.outcome]), [['env.select', 'error'], ['env.select', 'ok']]);
    const everything = JSON.stringify([view, switched, audit]);
    assert.ok(!everything.includes(SECRET.slice(0, 10)), 'no secret in what the client receives');
    await s.stop();
    server = null;
    assert.ok(!(await readFile(storePath())).includes(Buffer.from(SECRET.slice(0, 10))), 'no secret in the store file');
  });

  it('starts with the .env values in the process, and lets none of them out in any notification, log or row', async () => {
    const s = await start();
    await writeFile(path.join(shop(), 'print-key-length.js'), 'console.log("key length " + String(process.env.STRIPE_KEY).length);\n');
    await s.connection.sendRequest(SetStartCommandRequest.type, { path: shop(), command: 'node print-key-length.js' });
    const run = await s.connection.sendRequest(StartRequest.type, { path: shop(), command: 'node print-key-length.js' });
    await s.until('the run to end', () => s.exits.some((e) => e.runId === run.runId));
    assert.match(s.output.get(run.runId) ?? '', new RegExp(`key length ${SECRET.length}`), 'the process got the value');
    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    const seen = JSON.stringify([s.changes, s.runtime, s.exits, s.messages, audit]) + s.stderr;
    assert.ok(!seen.includes(SECRET.slice(0, 10)), 'no secret in notifications, the audit log or the server log');
    await s.stop();
    server = null;
    assert.ok(!(await readFile(storePath())).includes(Buffer.from(SECRET.slice(0, 10))), 'no secret in the store file');
  });

  it('overrides the start command, goes back to detection, and refuses a path that is no project', async () => {
    const s = await start();
    assert.equal((await s.connection.sendRequest(StartPlanRequest.type, { path: shop() }))?.command, 'npm run dev');
    const plan = await s.connection.sendRequest(SetStartCommandRequest.type, { path: shop(), command: 'npm start' });
    assert.deepEqual([plan?.command, plan?.source], ['npm start', 'settings']);
    const back = await s.connection.sendRequest(SetStartCommandRequest.type, { path: shop(), command: null });
    assert.equal(back?.command, 'npm run dev');
    await assert.rejects(s.connection.sendRequest(SetStartCommandRequest.type, { path: shop(), command: 'a\nb' }), /start command/);
    await assert.rejects(s.connection.sendRequest(SetStartCommandRequest.type, { path: tmp(), command: 'x' }), /not a project Optimus knows/);
    await assert.rejects(s.connection.sendRequest(EnvViewRequest.type, { path: '/etc' }), /not a project Optimus knows/);
  });

  it('refuses to save anything in an untrusted workspace', async () => {
    const s = await start(false);
    await assert.rejects(s.connection.sendRequest(SetStartCommandRequest.type, { path: shop(), command: 'npm start' }), /untrusted workspace/);
    await assert.rejects(s.connection.sendRequest(SetEnvProfileRequest.type, { path: shop(), profile: 'production' }), /untrusted workspace/);
    assert.equal((await s.connection.sendRequest(EnvViewRequest.type, { path: shop() })).profile, 'development', 'reading is allowed');
  });
});
