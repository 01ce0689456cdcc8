import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { RunsRequest, StartPlanRequest, StartRequest, StopRequest, RuntimeSnapshotRequest } from '../../../language-server/protocol';
import { listAudit } from '../../../language-server/store/auditLog';
import { openStore } from '../../../language-server/store/openStore';
import { writeTree } from '../helpers/files';
import { LspServer, stopServerAndLeftovers } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { isRunning } from '../runtime/processes';

const WEB_JS = `
const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port + ' pid ' + process.pid));
`;


describe('language server: running projects over LSP (real processes)', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  const leftovers: number[] = [];
  afterEach(async () => {
    await stopServerAndLeftovers(server, leftovers);
    server = null;
  });
  const tmp = useTempDir('lsp-runtime');
  const root = () => path.join(tmp(), 'projects');
  const storePath = () => path.join(tmp(), 'store', 'optimus.sqlite');
  const start = async (opts: { trusted?: boolean; settings?: object } = {}) =>
    (server = await LspServer.start({ storePath: storePath(), settings: { roots: [root()], containers: { enabled: false }, runtime: { sampleSeconds: 1 }, ...opts.settings }, trusted: opts.trusted ?? true }));

  async function fixtures(): Promise<{ web: string; boom: string }> {
    await writeTree(root(), {
      'web/package.json': JSON.stringify({ name: 'web', scripts: { start: 'node server.js' } }),
      'web/.optimus.json': JSON.stringify({ start: 'node server.js' }),
      'web/server.js': WEB_JS,
      'boom/package.json': JSON.stringify({ name: 'boom' }),
      'boom/.optimus.json': JSON.stringify({ start: `node -e "console.log('about to fail'); process.exit(3)"` }),
    });
    return { web: path.join(root(), 'web'), boom: path.join(root(), 'boom') };
  }

  it('plans, starts, shows the port and output, stops the whole tree, and audits both', async () => {
    const { web } = await fixtures();
    const s = await start();
    await s.until('projects listed', () => !!s.byName('web'));
    const plan = await s.connection.sendRequest(StartPlanRequest.type, { path: web });
    assert.equal(plan?.command, 'node server.js');
    assert.equal(plan?.source, '.optimus.json');

    await assert.rejects(s.connection.sendRequest(StartRequest.type, { path: web, command: 'rm -rf /' }), /changed to "node server\.js"/);
    const run = await s.connection.sendRequest(StartRequest.type, { path: web, command: 'node server.js', columns: 100, rows: 30 });
    assert.equal(run.running, true);
    await s.until('the server to listen', () => /listening \d+ pid \d+/.test(s.output.get(run.runId) ?? ''));
    const [, port, pid] = /listening (\d+) pid (\d+)/.exec(s.output.get(run.runId) ?? '')!.map(Number);
    leftovers.push(pid!);
    await s.until('the port in the runtime notification', () => s.running(web)?.ports.includes(port!) === true);
    assert.equal(s.running(web)?.runId, run.runId);
    assert.ok(s.running(web)?.pids.includes(pid!));

    const snapshot = await s.connection.sendRequest(RuntimeSnapshotRequest.type);
    const listed = snapshot.processes.find((p) => p.pid === pid);
    assert.equal(listed?.projectPath, web);
    assert.deepEqual(listed?.ports, [port]);
    assert.equal(snapshot.docker, 'unavailable: container monitoring is off');

    const stopped = await s.connection.sendRequest(StopRequest.type, { path: web });
    assert.ok(stopped.stopped.length > 0, JSON.stringify(stopped));
    assert.equal(isRunning(pid!), false, 'the node server is gone');
    await s.until('the exit notification', () => s.exits.some((e) => e.runId === run.runId));
    await s.until('the project no longer running', () => s.running(web) === undefined);
    const { runs } = await s.connection.sendRequest(RunsRequest.type, {});
    assert.equal(runs.find((r) => r.runId === run.runId)?.running, false);

    await s.stop();
    server = null;
    const store = await openStore(storePath(), () => undefined);
    const rows = (await listAudit(store!, { limit: 10 })).reverse();
    await store!.close();
    assert.deepEqual(rows.map((r) => [r.action, r.target, r.outcome]), [['start', web, 'ok'], ['stop', web, 'ok']]);
    assert.equal(rows[0]?.details?.command, 'node server.js');
  });

  it('reports a run that exits non-zero as crashed, with its exit code', async () => {
    const { boom } = await fixtures();
    const s = await start();
    await s.until('projects listed', () => !!s.byName('boom'));
    const plan = await s.connection.sendRequest(StartPlanRequest.type, { path: boom });
    const run = await s.connection.sendRequest(StartRequest.type, { path: boom, command: plan!.command });
    await s.until('the crash', () => s.running(boom)?.crashed?.exitCode === 3);
    assert.equal(s.running(boom)?.running, false);
    assert.match(s.output.get(run.runId) ?? '', /about to fail/);
    assert.equal(s.exits.find((e) => e.runId === run.runId)?.exitCode, 3);
  });

  it('stops what it started when the window closes, unless told to keep it running', async () => {
    const { web } = await fixtures();
    for (const keep of [false, true]) {
      const s = await start({ settings: { runtime: { sampleSeconds: 1, keepRunningOnClose: keep } } });
      await s.until('projects listed', () => !!s.byName('web'));
      const run = await s.connection.sendRequest(StartRequest.type, { path: web, command: 'node server.js' });
      await s.until('the server to listen', () => /pid \d+/.test(s.output.get(run.runId) ?? ''));
      const pid = Number(/pid (\d+)/.exec(s.output.get(run.runId)!)![1]);
      leftovers.push(pid);
      await s.stop();
      server = null;
      assert.equal(isRunning(pid), keep, keep ? 'kept running' : 'stopped with the window');
    }
  });

  it('shows a process it did not start, in a project created while the server runs, and stops it on request', async () => {
    await fixtures();
    const s = await start();
    await s.until('projects listed', () => !!s.byName('web'));
    const late = path.join(root(), 'late');
    await writeTree(late, { 'package.json': JSON.stringify({ name: 'late' }), 'server.js': WEB_JS });
    await s.until('the new project listed', () => !!s.byName('late'));
    const child = spawn(process.execPath, ['server.js'], { cwd: late, stdio: ['ignore', 'pipe', 'ignore'] });
    leftovers.push(child.pid!);
    const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(/listening (\d+)/.exec(d.toString())![1]))));
    await s.until('its port in the runtime notification', () => s.running(late)?.ports.includes(port) === true);
    assert.equal(s.running(late)?.runId, undefined, 'not a run of Optimus');
    const stopped = await s.connection.sendRequest(StopRequest.type, { path: late });
    assert.deepEqual(stopped.stopped, [child.pid]);
    assert.equal(isRunning(child.pid!), false);
  });

  it('refuses to start or stop anything in an untrusted workspace, and audits the refusal', async () => {
    const { web } = await fixtures();
    const s = await start({ trusted: false });
    await s.until('projects listed', () => !!s.byName('web'));
    await assert.rejects(s.connection.sendRequest(StartRequest.type, { path: web, command: 'node server.js' }), /untrusted workspace/);
    await assert.rejects(s.connection.sendRequest(StopRequest.type, { path: web }), /untrusted workspace/);
    assert.equal(s.exits.length, 0);
    await s.stop();
    server = null;
    const store = await openStore(storePath(), () => undefined);
    const rows = await listAudit(store!, { limit: 10 });
    await store!.close();
    assert.deepEqual(rows.map((r) => r.outcome), ['denied', 'denied']);
  });
});
