import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { takeSnapshot } from '../../../../language-server/scanner/runtime/snapshot';
import { checkDevServerPort } from '../../../../language-server/troubleshooter/preventive/checkDevServerPort';
import { listeningPorts } from '../../../../language-server/troubleshooter/preventive/listeningPorts';
import { useTempDir } from '../../helpers/tempDir';

/** Starts a node server in `cwd` that prints its port once it listens. */
async function startServer(cwd: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', "const s = require('net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port))"], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`the server exited early (${code})`)));
  });
  return { child, port };
}

describe('preventive port-taken against the real process table', function () {
  if (process.platform !== 'linux' && process.platform !== 'darwin') return;
  const tmp = useTempDir('prev-port');
  let child: ChildProcess | undefined;

  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it('a server run from another project holds the dev port: the finding names its program, pid and project', async () => {
    const web = path.join(tmp(), 'web');
    const shop = path.join(tmp(), 'shop');
    await mkdir(web, { recursive: true });
    await mkdir(shop, { recursive: true });
    const started = await startServer(shop);
    child = started.child;
    await writeFile(path.join(web, 'package.json'), JSON.stringify({ name: 'web', scripts: { dev: `vite --port ${started.port}` } }, null, 2));

    const sample = await takeSnapshot([web, shop]);
    const listening = listeningPorts(sample.processes);
    const holder = listening.find((l) => l.port === started.port);
    assert.equal(holder?.pid, child.pid, 'the monitor sees the server and its port');
    assert.equal(holder?.projectPath, shop);

    const [finding, ...rest] = await checkDevServerPort(web, listening);
    assert.equal(rest.length, 0);
    assert.deepEqual(finding?.data, { fixAction: 'stop-port', port: started.port, pid: child.pid, holder: 'node (shop)', script: 'dev', holderProject: shop });
    // the same server seen from its own project is not a conflict
    await writeFile(path.join(shop, 'package.json'), JSON.stringify({ name: 'shop', scripts: { start: `node server.js --port ${started.port}` } }));
    assert.deepEqual(await checkDevServerPort(shop, listening), []);
  });
});
