import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DetachedStartFailed, projectLogFile, startDetached } from '../../../language-server/orchestrator/runtime/detachedStart';
import { useTempDir } from '../helpers/tempDir';
import { isRunning, processGroup, waitFor } from '../cli/procs';

const MODULE = path.resolve(__dirname, '../../../language-server/orchestrator/runtime/detachedStart.ts');
const TICKER = `node -e "setInterval(() => console.log('tick ' + Date.now()), 50)"`;

describe('startDetached', function () {
  this.timeout(30000);
  const tmp = useTempDir('detached');
  const log = () => path.join(tmp(), 'logs', 'app.log');
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) {
      try {
        process.kill(-pid, 'SIGKILL'); // its whole group: the shell and what it started
      } catch {
        // gone already
      }
    }
  });

  it('keeps running after the process that started it has exited on its own', async () => {
    // The starter does not call process.exit: it ends only if it holds no handle on the child.
    const script = `require(${JSON.stringify(MODULE)}).startDetached({ command: ${JSON.stringify(TICKER)}, cwd: ${JSON.stringify(tmp())}, env: process.env, logFile: ${JSON.stringify(log())} }).then((r) => console.log(r.pid));`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.resolve(__dirname, '../../..'), timeout: 20000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    const pid = Number(out.trim());
    started.push(pid);
    assert.ok(isRunning(pid), 'still running after the starter exited');
    assert.equal(processGroup(pid), pid, 'it leads its own process group');
    const before = (await readFile(log(), 'utf8')).length;
    await waitFor('more output in the log', async () => (await readFile(log(), 'utf8')).length > before);
  });

  it('appends to the log (made 0600, in a folder it creates) with a line naming each start', async () => {
    for (const word of ['first', 'second']) {
      const run = await startDetached({ command: `echo ${word}`, cwd: tmp(), env: process.env, logFile: log() });
      assert.equal(run.logFile, log());
      await waitFor(`${word} in the log`, async () => (await readFile(log(), 'utf8')).includes(`${word}\n`));
    }
    const text = await readFile(log(), 'utf8');
    assert.match(text, /=== \S+ optimus start in .+: echo first\nfirst\n\n=== \S+ optimus start in .+: echo second\nsecond\n/);
    assert.equal((await stat(log())).mode & 0o777, 0o600);
  });

  it('passes the environment it is given', async () => {
    await startDetached({ command: 'echo "value=$OPTIMUS_TEST_VALUE"', cwd: tmp(), env: { ...process.env, OPTIMUS_TEST_VALUE: 'from-env' }, logFile: log() });
    await waitFor('the value in the log', async () => (await readFile(log(), 'utf8')).includes('value=from-env'));
  });

  it('reports a command that finished at once with code 0 as not running, and fails one that failed at once', async () => {
    const done = await startDetached({ command: 'true', cwd: tmp(), env: process.env, logFile: log(), settleMs: 5000 });
    assert.equal(done.exitCode, 0);
    await assert.rejects(startDetached({ command: 'exit 7', cwd: tmp(), env: process.env, logFile: log(), settleMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof DetachedStartFailed);
      assert.match(error.message, /`exit 7` exited with code 7 right after it started; its output is in .*app\.log/);
      return true;
    });
    await assert.rejects(startDetached({ command: 'true', cwd: path.join(tmp(), 'missing'), env: process.env, logFile: log() }), DetachedStartFailed);
  });

  it('moves a log past 10 MB aside before appending', async () => {
    await mkdir(path.dirname(log()), { recursive: true });
    await writeFile(log(), Buffer.alloc(11 * 1024 * 1024, 'x'));
    await startDetached({ command: 'echo fresh', cwd: tmp(), env: process.env, logFile: log() });
    assert.equal((await stat(`${log()}.1`)).size, 11 * 1024 * 1024);
    assert.ok((await stat(log())).size < 1000);
  });

  it('names the log after the project with only safe characters', () => {
    assert.equal(projectLogFile('/h', 'web'), path.join('/h', 'logs', 'web.log'));
    assert.equal(projectLogFile('/h', '@scope/my app'), path.join('/h', 'logs', 'scope-my-app.log'));
    assert.equal(projectLogFile('/h', '..'), path.join('/h', 'logs', 'project.log'));
  });
});
