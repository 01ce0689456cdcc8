import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessInfo } from '../../../language-server/model';
import type { AuditRecord } from '../../../language-server/store/auditLog';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';
import { freePort, isRunning, killAllIn, processGroup, processesIn, SERVER_JS, waitFor } from './procs';

interface RuntimeJson {
  processes: ProcessInfo[];
  containers: unknown[];
  docker: string;
}

const SECRET = 'sk-live-7f3a9c1e5b2d4f60a8e';

describe('optimus start, runtime, stop, restart', function () {
  this.timeout(90000);
  before(buildOnce);
  let dir = '';
  // Registered before useTempDir's clean-up so it runs first: /proc still names the folders then.
  afterEach(() => dir && killAllIn(dir));
  const tmp = useTempDir('cli-run');
  beforeEach(() => (dir = tmp()));
  const root = () => path.join(tmp(), 'projects');
  const web = () => path.join(root(), 'web');
  const api = () => path.join(root(), 'api');
  const home = () => path.join(tmp(), 'home');
  const db = () => path.join(home(), 'optimus.sqlite');
  const env = () => ({ OPTIMUS_HOME: home(), HOME: tmp() });
  const cli = (...args: string[]) => optimus([...args, '--db', db()], env());

  async function projects(webPort: number, apiPort = 0): Promise<void> {
    await writeTree(root(), {
      'web/package.json': JSON.stringify({ name: 'web' }),
      'web/.optimus.json': JSON.stringify({ start: 'node server.js' }),
      'web/server.js': SERVER_JS,
      'web/.env': `PORT=${webPort}\nAPI_SECRET=${SECRET}\n`,
      'api/package.json': JSON.stringify({ name: 'api', scripts: { dev: 'node server.js' } }),
      'api/server.js': SERVER_JS,
      'api/.env.staging': `PORT=${apiPort}\n`,
    });
    assert.equal((await cli('scan', root())).code, 0);
  }

  async function runtime(): Promise<RuntimeJson> {
    const run = await cli('runtime', '--json');
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as RuntimeJson;
  }

  const listening = (port: number) => async () => (await runtime()).processes.find((p) => p.ports.includes(port));

  async function audit(): Promise<AuditRecord[]> {
    return (JSON.parse((await cli('audit', '--json')).stdout) as { entries: AuditRecord[] }).entries;
  }

  it('starts detached with the .env applied; runtime finds it in its project on its port; stop leaves no process', async () => {
    const port = await freePort();
    await projects(port);
    const start = await cli('start', web(), '--json');
    assert.equal(start.code, 0, start.stderr);
    const started = JSON.parse(start.stdout) as Record<string, unknown>;
    assert.deepEqual(started, {
      path: web(), command: 'node server.js', source: '.optimus.json', pid: started.pid, log: path.join(home(), 'logs', 'web.log'),
      envProfile: 'development', envFiles: [path.join(web(), '.env')], running: true,
    });
    const pid = started.pid as number;
    assert.equal(processGroup(pid), pid, 'leads its own process group, apart from the CLI');

    const found = await waitFor(`a process on port ${port}`, listening(port));
    assert.equal(found.projectPath, web());
    assert.ok(found.pid === pid || found.ppid === pid, `${found.pid} is the started process or its child`);
    const snapshot = await runtime();
    assert.equal(typeof snapshot.processes.find((p) => p.pid === found.pid)?.cpuPercent, 'number', 'two samples give a CPU share');
    assert.ok(Array.isArray(snapshot.containers));
    assert.match(snapshot.docker, /^(available|unavailable: .+)$/);
    assert.match(await readFile(started.log as string, 'utf8'), new RegExp(`listening on ${port}`));

    const table = await cli('runtime');
    assert.match(table.stdout, /^PROJECT\s+PID\s+PORTS\s+CPU\s+MEM\s+COMMAND/);
    assert.match(table.stdout, new RegExp(`web\\s+${found.pid}\\s+${port}\\s`));
    assert.match(table.stdout, /docker: /);

    const stop = await cli('stop', web(), '--json');
    assert.equal(stop.code, 0, stop.stderr);
    const stopped = JSON.parse(stop.stdout) as { path: string; stopped: number[]; failed: unknown[]; containers: string[] };
    assert.equal(stopped.path, web());
    assert.ok(stopped.stopped.includes(found.pid), JSON.stringify(stopped));
    assert.deepEqual(stopped.failed, []);
    assert.deepEqual(processesIn(web()), [], 'nothing runs in the project after stop');
    assert.equal(isRunning(pid), false);

    const [stopRow, startRow] = await audit();
    assert.deepEqual([stopRow?.action, stopRow?.outcome, stopRow?.actor, stopRow?.target], ['stop', 'ok', 'cli', web()]);
    assert.deepEqual(stopRow?.details?.stopped, stopped.stopped);
    assert.deepEqual([startRow?.action, startRow?.outcome, startRow?.target], ['start', 'ok', web()]);
    assert.equal(startRow?.details?.pid, pid);
    assert.equal(startRow?.details?.command, 'node server.js');
    assert.equal((await readFile(db())).includes(SECRET), false, 'no .env value in the store file');
  });

  it('starts a detected npm script with --profile, restarts it under a new pid, and stops the whole npm tree', async () => {
    const port = await freePort();
    await projects(await freePort(), port);
    const start = await cli('start', api(), '--profile', 'staging', '--json', '--batch');
    assert.equal(start.code, 0, start.stderr);
    const started = JSON.parse(start.stdout.trim()) as { command: string; source: string; envProfile: string; pid: number };
    assert.deepEqual([started.command, started.source, started.envProfile], ['npm run dev', 'package.json script dev', 'staging']);
    await waitFor(`api on port ${port}`, listening(port));

    const batch = await cli('runtime', '--json', '--batch');
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; ports?: number[]; projectPath?: string });
    assert.equal(lines.find((l) => l.ports?.includes(port))?.projectPath, api());
    assert.equal(lines.at(-1)?.kind, 'docker', 'the engine line comes last');
    assert.ok(lines.every((l) => ['process', 'container', 'docker'].includes(l.kind)));

    const restart = await cli('restart', api(), '--profile', 'staging', '--json');
    assert.equal(restart.code, 0, restart.stderr);
    const again = JSON.parse(restart.stdout) as { pid: number; stopped: number[]; failed: unknown[]; command: string };
    assert.ok(again.stopped.includes(started.pid), JSON.stringify(again));
    assert.notEqual(again.pid, started.pid);
    assert.equal(isRunning(started.pid), false);
    await waitFor(`api on port ${port} again`, listening(port));

    assert.equal((await cli('stop', api())).code, 0);
    assert.deepEqual(processesIn(api()), []);
    assert.deepEqual((await audit()).map((r) => `${r.action} ${r.outcome}`), ['stop ok', 'restart ok', 'start ok']);
  });

  it('stopping a project that does not run succeeds and stops nothing', async () => {
    await projects(await freePort());
    const json = await cli('stop', web(), '--json');
    assert.equal(json.code, 0, json.stderr);
    const { docker, ...report } = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(report, { path: web(), stopped: [], failed: [], containers: [] });
    assert.equal(typeof docker, 'string');
    const text = await cli('stop', web());
    assert.equal(text.stdout.trim(), 'Nothing of web was running.');
  });

  it('prints what ran, the pid and the log without --json', async () => {
    await projects(await freePort());
    const run = await cli('start', web());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Started web: node server\.js {2}\[\.optimus\.json\]\n {2}pid {2}\d+\n {2}log {2}.+web\.log\n {2}env {2}development \(\.env\)\n$/);
  });

  it('exits 1 naming what to add when there is no way to start the project', async () => {
    await writeTree(root(), { 'notes/README.md': '# notes\n' });
    const run = await cli('start', path.join(root(), 'notes'));
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^optimus: no way to start .*notes; add a `start` to \.optimus\.json/);
  });

  it('exits 1 when the command fails at once, pointing at the log; the audit row says error', async () => {
    await writeTree(root(), { 'boom/.optimus.json': JSON.stringify({ start: 'node -e "console.log(\'about to fail\'); process.exit(3)"' }) });
    const run = await cli('start', path.join(root(), 'boom'), '--json');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /exited with code 3 right after it started; its output is in .*boom\.log/);
    assert.match(await readFile(path.join(home(), 'logs', 'boom.log'), 'utf8'), /about to fail/);
    const [row] = await audit();
    assert.deepEqual([row?.action, row?.outcome], ['start', 'error']);
  });
});
