import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ApplyFixRequest, StopPortRequest, type ApplyFixParams } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { applyToDisk } from '../helpers/applyEdit';
import { LspServer, stopServerAndLeftovers } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';


describe('language server: preventive diagnostics and their quick fixes over LSP (real projects, a real port)', function () {
  this.timeout(60_000);
  let server: LspServer | null = null;
  const holders: number[] = [];
  afterEach(async () => {
    await stopServerAndLeftovers(server, holders);
    server = null;
  });
  const tmp = useTempDir('lsp-preventive');
  const root = () => path.join(tmp(), 'projects');
  const app = () => path.join(root(), 'app');

  async function start(files: Record<string, string>): Promise<{ s: LspServer; diagnostics: Map<string, Diagnostic[]>; previews: string[] }> {
    await writeTree(app(), files);
    const previews: string[] = [];
    server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings: { roots: [root()], containers: { enabled: false }, runtime: { sampleSeconds: 1 }, analysis: { lint: false } } });
    const diagnostics = new Map<string, Diagnostic[]>();
    server.connection.onNotification(PublishDiagnosticsNotification.type, (p) => (diagnostics.set(p.uri, p.diagnostics), server!.wake()));
    server.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => applyToDisk(p.edit, previews));
    await server.until('app listed', () => !!server!.byName('app'));
    return { s: server, diagnostics, previews };
  }

  async function open(s: LspServer, rel: string, languageId = 'javascript'): Promise<string> {
    const uri = pathToFileURL(path.join(app(), rel)).href;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: await readFile(path.join(app(), rel), 'utf8') } });
    return uri;
  }

  async function problem(s: LspServer, diagnostics: Map<string, Diagnostic[]>, uri: string, code: string): Promise<Diagnostic> {
    await s.until(`${code} on ${path.basename(uri)}`, () => (diagnostics.get(uri) ?? []).some((d) => d.code === code));
    return diagnostics.get(uri)!.find((d) => d.code === code)!;
  }

  async function actionsFor(s: LspServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  }

  it('a declared package that is not installed: the fix is the install command, shown before it runs', async () => {
    const { s, diagnostics } = await start({ 'package.json': JSON.stringify({ name: 'app', dependencies: { 'is-number': '^7.0.0' } }, null, 2), 'index.js': "const isNumber = require('is-number');\nmodule.exports = isNumber;\n" });
    const uri = await open(s, 'index.js');
    const d = await problem(s, diagnostics, uri, 'preventive/missing-package');
    assert.equal(d.range.start.line, 0);
    const run = (await actionsFor(s, uri, d)).find((a) => a.command?.command === 'optimus.runFixCommand');
    assert.deepEqual(run?.command?.arguments?.[0], { command: 'npm install', cwd: app(), diagnosisId: 'preventive/missing-package' });
  });

  it('an installed package missing from package.json: the fix adds it there through the preview, with its installed version', async () => {
    const { s, diagnostics, previews } = await start({
      'package.json': JSON.stringify({ name: 'app' }, null, 2),
      'node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
      'index.js': "import leftPad from 'left-pad';\nexport default leftPad;\n",
    });
    const uri = await open(s, 'index.js');
    const d = await problem(s, diagnostics, uri, 'preventive/undeclared-package');
    const add = (await actionsFor(s, uri, d)).find((a) => a.title === 'Add left-pad to package.json…');
    assert.ok(add?.command, 'the add action is offered');
    const result = await s.connection.sendRequest(ApplyFixRequest.type, add.command.arguments![0] as ApplyFixParams);
    assert.equal(result.applied, true);
    assert.deepEqual(previews, ['optimus-preview: Add left-pad to package.json'], 'the edit asked for VS Code\'s preview');
    assert.deepEqual(JSON.parse(await readFile(path.join(app(), 'package.json'), 'utf8')).dependencies, { 'left-pad': '^1.3.0' });
  });

  it('a key of .env.example missing from .env: the fix adds it, empty, to .env', async () => {
    const { s, diagnostics } = await start({ 'package.json': JSON.stringify({ name: 'app' }), '.env.example': 'API_KEY=\nPORT=3000\n', '.env': 'PORT=3000\n', 'server.js': 'module.exports = () => process.env.API_KEY;\n' });
    const uri = await open(s, 'server.js');
    const d = await problem(s, diagnostics, uri, 'preventive/env-key-missing');
    const add = (await actionsFor(s, uri, d)).find((a) => a.title === 'Add API_KEY to .env…');
    await s.connection.sendRequest(ApplyFixRequest.type, add!.command!.arguments![0] as ApplyFixParams);
    assert.equal(await readFile(path.join(app(), '.env'), 'utf8'), 'PORT=3000\nAPI_KEY=\n');
  });

  it('require() in a "type": "module" package is flagged, with a .cjs rename suggested', async () => {
    const { s, diagnostics } = await start({ 'package.json': JSON.stringify({ name: 'app', type: 'module' }, null, 2), 'old.js': "const fs = require('fs');\nmodule.exports = fs;\n" });
    const uri = await open(s, 'old.js');
    const d = await problem(s, diagnostics, uri, 'preventive/esm-cjs-mismatch');
    assert.match(String(d.message), /\.cjs/);
  });

  it('ESM syntax in a CommonJS package: the fix sets "type": "module" through the preview', async () => {
    const { s, diagnostics, previews } = await start({ 'package.json': JSON.stringify({ name: 'app', type: 'commonjs' }, null, 2), 'new.js': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n" });
    const uri = await open(s, 'new.js');
    const d = await problem(s, diagnostics, uri, 'preventive/esm-cjs-mismatch');
    const fix = (await actionsFor(s, uri, d)).find((a) => a.title === 'Set "type": "module" in package.json…');
    await s.connection.sendRequest(ApplyFixRequest.type, fix!.command!.arguments![0] as ApplyFixParams);
    assert.equal(previews.length, 1);
    assert.equal(JSON.parse(await readFile(path.join(app(), 'package.json'), 'utf8')).type, 'module');
  });

  it('on package.json: a Node version the project does not accept, and a lockfile out of sync with its npm install fix', async () => {
    const { s, diagnostics } = await start({
      'package.json': JSON.stringify({ name: 'app', engines: { node: '>=99' }, dependencies: { 'is-number': '^7.0.0' } }, null, 2),
      'package-lock.json': JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages: { '': { name: 'app' } } }, null, 2),
    });
    const uri = await open(s, 'package.json', 'json');
    const version = await problem(s, diagnostics, uri, 'preventive/runtime-version');
    assert.match(String(version.message), />=99/);
    const lock = await problem(s, diagnostics, uri, 'preventive/lockfile-out-of-sync');
    const run = (await actionsFor(s, uri, lock)).find((a) => a.command?.command === 'optimus.runFixCommand');
    assert.equal((run?.command?.arguments?.[0] as { command: string }).command, 'npm install');
    assert.ok(!(await actionsFor(s, uri, lock)).some((a) => a.title.startsWith('Disable')), 'no comment can go into JSON');
  });

  it('a dev server port taken by another project: the fix stops what holds it, and then it is free', async () => {
    await writeTree(path.join(root(), 'other'), { 'package.json': JSON.stringify({ name: 'other' }) });
    const holder = spawn(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))"], { cwd: path.join(root(), 'other'), stdio: ['ignore', 'pipe', 'ignore'] });
    holders.push(holder.pid!);
    const port = await new Promise<number>((resolve) => holder.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    const { s, diagnostics } = await start({ 'package.json': JSON.stringify({ name: 'app', scripts: { dev: `vite --port ${port}` } }, null, 2) });
    await s.until('the holder seen by the runtime monitor', () => s.running(path.join(root(), 'other'))?.ports.includes(port) === true, 20_000);
    const uri = await open(s, 'package.json', 'json');
    const d = await problem(s, diagnostics, uri, 'preventive/port-taken');
    const stop = (await actionsFor(s, uri, d)).find((a) => a.command?.command === 'optimus.stopPort');
    assert.deepEqual(stop?.command?.arguments?.[0], { port });
    const stopped = await s.connection.sendRequest(StopPortRequest.type, { port });
    assert.deepEqual(stopped.stopped, [holder.pid]);
  });
});
