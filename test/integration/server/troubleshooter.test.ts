import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { AuditLogRequest, DiagnoseRequest, DiagnosisFeedbackRequest, DiagnosisHistoryRequest, FixCommandRequest, FixOutcomeRequest, StopPortRequest } from '../../../language-server/protocol';
import { writeTree } from '../helpers/files';
import { LspServer, stopServerAndLeftovers } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { isRunning } from '../runtime/processes';

const HOLDER_JS = `
const server = require('http').createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;


/** The real error a second server gets on a taken port, as Node prints it. */
function bindError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const second = net.createServer();
    second.once('error', (error: NodeJS.ErrnoException) => resolve(`${error.stack ?? error.message}\n  code: '${error.code}'`));
    second.listen(port, '127.0.0.1');
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('language server: the troubleshooter over LSP (real processes, real ports)', function () {
  this.timeout(60_000);
  let server: LspServer | null = null;
  const leftovers: number[] = [];
  afterEach(async () => {
    await stopServerAndLeftovers(server, leftovers);
    server = null;
  });
  const tmp = useTempDir('lsp-troubleshooter');
  const root = () => path.join(tmp(), 'projects');
  const shop = () => path.join(root(), 'shop');
  const start = async (trusted = true) => {
    await writeTree(shop(), { 'package.json': JSON.stringify({ name: 'shop' }), 'server.js': HOLDER_JS, 'src/app.js': 'module.exports = {};\n' });
    server = await LspServer.start({ storePath: path.join(tmp(), 'store', 'optimus.sqlite'), settings: { roots: [root()], containers: { enabled: false }, runtime: { sampleSeconds: 1 } }, trusted });
    await server.until('shop listed', () => !!server!.byName('shop'));
    return server;
  };
  async function holdPort(): Promise<{ pid: number; port: number }> {
    const child = spawn(process.execPath, ['server.js'], { cwd: shop(), stdio: ['ignore', 'pipe', 'ignore'] });
    leftovers.push(child.pid!);
    const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(/listening (\d+)/.exec(d.toString())![1]))));
    return { pid: child.pid!, port };
  }

  it('diagnoses a real EADDRINUSE, names the process and project holding the port, and frees it when asked, audited', async () => {
    const s = await start();
    const { pid, port } = await holdPort();
    const text = await bindError(port);
    const result = await s.connection.sendRequest(DiagnoseRequest.type, { text, source: 'terminal', cwd: shop(), command: 'node other.js', exitCode: 1 });
    assert.equal(result.diagnosis.id, 'port-in-use');
    assert.equal(result.diagnosis.captures.port, String(port));
    assert.equal(result.projectPath, shop());
    assert.deepEqual(result.portOwners?.processes.map((p) => [p.pid, p.projectPath]), [[pid, shop()]]);
    assert.equal(result.diagnosis.fixes[0]?.action, 'stop-port');

    const stopped = await s.connection.sendRequest(StopPortRequest.type, { port });
    assert.deepEqual(stopped.stopped, [pid]);
    assert.equal(isRunning(pid), false);
    assert.equal(await canListen(port), true, 'the port is free again');
    const [row] = await s.connection.sendRequest(AuditLogRequest.type, { limit: 1 });
    assert.deepEqual([row?.action, row?.target, row?.outcome], ['stop-port', `port ${port}`, 'ok']);
  });

  it('points at the first frame in the user code that exists, made absolute against the folder the command ran in', async () => {
    const s = await start();
    const text = "TypeError: Cannot read properties of undefined (reading 'id')\n    at load (/nowhere/gone.js:1:1)\n    at handler (src/app.js:1:8)\n    at Layer.handle (node_modules/express/lib/router/layer.js:95:5)";
    const result = await s.connection.sendRequest(DiagnoseRequest.type, { text, source: 'selection', cwd: shop() });
    assert.deepEqual(result.userFrame, { file: path.join(shop(), 'src/app.js'), line: 1, column: 8 });
    assert.equal(result.projectPath, shop());
  });

  it('refuses hostile requests with clear errors: a bad port, nothing on the port, a bad source, a relative cwd, a multi-line command', async () => {
    const s = await start();
    for (const port of [0, 70000, 3.5, '80' as unknown as number]) await assert.rejects(s.connection.sendRequest(StopPortRequest.type, { port }), /Not a TCP port/);
    const free = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await assert.rejects(s.connection.sendRequest(StopPortRequest.type, { port: free }), /Nothing listens on port/);
    await assert.rejects(s.connection.sendRequest(DiagnoseRequest.type, { text: 'x', source: 'evil' as 'input' }), /Unknown source/);
    await assert.rejects(s.connection.sendRequest(DiagnoseRequest.type, { text: 'x', source: 'input', cwd: '../etc' }), /absolute path/);
    await assert.rejects(s.connection.sendRequest(FixCommandRequest.type, { command: 'npm ci\nrm -rf ~', cwd: shop(), diagnosisId: 'x' }), /one line/);
    const approved = await s.connection.sendRequest(FixCommandRequest.type, { command: 'npm ci', cwd: shop(), diagnosisId: 'lockfile-out-of-sync' });
    assert.deepEqual(approved, { approved: true });
    const [row] = await s.connection.sendRequest(AuditLogRequest.type, { limit: 1 });
    assert.deepEqual([row?.action, row?.details?.command, row?.outcome], ['fix.command', 'npm ci', 'ok']);
  });

  it('in an untrusted workspace diagnoses, but frees no port and approves no command, and audits both refusals', async () => {
    const s = await start(false);
    const { pid, port } = await holdPort();
    assert.equal((await s.connection.sendRequest(DiagnoseRequest.type, { text: await bindError(port), source: 'input' })).diagnosis.id, 'port-in-use');
    await assert.rejects(s.connection.sendRequest(StopPortRequest.type, { port }), /untrusted workspace/);
    await assert.rejects(s.connection.sendRequest(FixCommandRequest.type, { command: 'npm ci', cwd: shop(), diagnosisId: 'x' }), /untrusted workspace/);
    assert.equal(isRunning(pid), true);
    const rows = await s.connection.sendRequest(AuditLogRequest.type, { limit: 2 });
    assert.deepEqual(rows.map((r) => [r.action, r.outcome]), [['fix.command', 'denied'], ['stop-port', 'denied']]);
  });

  it('learns: a fix that failed twice drops below one that worked, a fix whose error comes back counts as failed, and a correction teaches the classifier', async () => {
    const s = await start();
    const text = "Error: Cannot find module 'left-pad'\nRequire stack:\n- /home/me/shop/index.js";
    const ask = () => s.connection.sendRequest(DiagnoseRequest.type, { text, source: 'terminal', cwd: shop(), exitCode: 1 });
    const first = await ask();
    const keys = first.diagnosis.fixes.map((f) => f.key);
    assert.ok(keys.length >= 3, keys.join(', '));
    const [failing, , working] = keys as [string, string, string];
    for (let i = 0; i < 2; i++) {
      const d = await ask();
      assert.deepEqual(await s.connection.sendRequest(FixOutcomeRequest.type, { historyId: d.historyId!, fix: failing, ok: false, exitCode: 1 }), { recorded: true });
    }
    await s.connection.sendRequest(FixOutcomeRequest.type, { historyId: (await ask()).historyId!, fix: working, ok: true, exitCode: 0 });
    const ranked = (await ask()).diagnosis.fixes.map((f) => f.key);
    assert.equal(ranked[0], working, 'the fix that worked comes first');
    assert.ok(ranked.indexOf(failing) > ranked.indexOf(keys[1]!), 'the one that failed twice is below an untried one');

    // The working fix "worked" moments ago, yet the same error is back in the same project: it did not work.
    const history = await s.connection.sendRequest(DiagnosisHistoryRequest.type, { path: shop() });
    const okRow = history.find((r) => r.outcomes.some((o) => o.fix === working));
    assert.deepEqual(okRow?.outcomes.map((o) => o.outcome), ['recurred']);
    assert.ok(history.length >= 5 && history.every((r) => r.projectPath === shop() && r.diagnosis === 'node-module-not-found'));

    const odd = 'the flux capacitor wobbled while frobnicating the quux';
    const unknown = await s.connection.sendRequest(DiagnoseRequest.type, { text: odd, source: 'input' });
    assert.equal(unknown.diagnosis.id, 'unknown');
    await s.connection.sendRequest(DiagnosisFeedbackRequest.type, { historyId: unknown.historyId!, helpful: false, correctId: 'native-crash' });
    const learned = await s.connection.sendRequest(DiagnoseRequest.type, { text: 'flux capacitor wobbled again, frobnicating', source: 'input' });
    assert.deepEqual([learned.diagnosis.id, learned.diagnosis.by], ['native-crash', 'classifier']);
    await assert.rejects(s.connection.sendRequest(DiagnosisFeedbackRequest.type, { historyId: unknown.historyId!, helpful: true, correctId: 'no-such-id' }), /Unknown diagnosis id/);
    await assert.rejects(s.connection.sendRequest(FixOutcomeRequest.type, { historyId: -3, fix: 'x', ok: true }), /Not a diagnosis id/);
  });

  it('remembers no secret from an error text: the history keeps a masked line and plain words', async () => {
    const s = await start();
    const password = ['hunter', '2', 'Xq9'].join('');
    const token = ['ghp', 'Zx8Qm2Lk7Pw4Rt6Yv1Nb3Hc5Jd9Fs0Ga2Ke4'].join('_');
    const text = `Error: connect ECONNREFUSED 127.0.0.1:5432 for postgres://admin:${password}@db.internal:5432/shop with --token=${token}`;
    const result = await s.connection.sendRequest(DiagnoseRequest.type, { text, source: 'selection', cwd: shop() });
    assert.equal(result.diagnosis.id, 'connection-refused');
    const [row] = await s.connection.sendRequest(DiagnosisHistoryRequest.type, { path: shop(), limit: 1 });
    const stored = JSON.stringify(row);
    assert.ok(!stored.includes(password) && !stored.includes(token.slice(4)), stored);
    assert.match(row?.excerpt ?? '', /ECONNREFUSED/);
  });
});

