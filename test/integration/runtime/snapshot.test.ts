/**
 * takeSnapshot against real processes on this machine: placement in (nested) projects, ports, CPU, memory, start
 * time and masked command lines. Linux only: macOS and Windows read the table through other tools (untested here).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ProcessInfo } from '../../../language-server/model';
import { takeSnapshot, type ProcessSample } from '../../../language-server/scanner/runtime/snapshot';
import { useTempDir } from '../helpers/tempDir';
import { BUSY_JS, makeProject, PARENT_JS, SERVER_JS, sleep, useProcesses, waitFor } from './processes';

const find = (sample: ProcessSample, pid: number): ProcessInfo => {
  const found = sample.processes.find((p) => p.pid === pid);
  assert.ok(found, `pid ${pid} is in the sample`);
  return found;
};

/** The interpreter python3 runs (pyenv and friends put a shell script in front of it). */
const realPython = (): string => execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

describe('runtime: takeSnapshot on real processes', function () {
  if (process.platform !== 'linux') return;
  const tmp = useTempDir('runtime-snapshot');
  const procs = useProcesses();

  it('places a node and a python server in the deepest project, with their ports, and a child outside by its parent', async () => {
    const outer = makeProject(tmp(), 'outer', { 'server.js': SERVER_JS, 'parent.js': PARENT_JS });
    const inner = makeProject(tmp(), 'outer/inner');
    const node = await procs.spawn(process.execPath, ['server.js'], { cwd: outer }).ready;
    const python = procs.spawn('python3', ['-m', 'http.server', '0', '--bind', '127.0.0.1'], { cwd: inner, env: { ...process.env, PYTHONUNBUFFERED: '1' }, ready: /Serving HTTP/ });
    const pythonPort = Number(/port (\d+)/.exec((await python.ready).join(' '))?.[1]);
    // parent.js runs in inner and starts server.js with its working folder at / (outside every project).
    const family = await procs.spawn(process.execPath, [path.join(outer, 'parent.js')], { cwd: inner }).ready;
    const [nodePid, nodePort] = [Number(node[1]), Number(node[3])];
    const [parentPid, childPid, childPort] = [Number(family[1]), Number(family[2]), Number(family[3])];

    const sample = await takeSnapshot([outer, inner, path.join(tmp(), 'elsewhere')]);
    assert.deepEqual(find(sample, nodePid).projectPath, outer);
    assert.deepEqual(find(sample, nodePid).ports, [nodePort]);
    const py = find(sample, python.child.pid as number);
    assert.equal(py.projectPath, inner, 'nested projects: the deepest wins');
    assert.deepEqual(py.ports, [pythonPort]);
    assert.match(py.command, /http\.server 0/);
    assert.equal(find(sample, parentPid).projectPath, inner);
    const child = find(sample, childPid);
    assert.equal(child.ppid, parentPid);
    assert.equal(child.projectPath, inner, 'a child whose folder is outside belongs to its parent\'s project');
    assert.deepEqual(child.ports, [childPort]);
    assert.equal(find(sample, process.pid).projectPath, null, 'the test process itself is in no project');
    assert.equal(find(sample, process.pid).cpuPercent, null, 'no CPU share on a first sample');
  });

  it('reports a busy process\'s CPU on the next sample, memory, and a start time close to the spawn', async () => {
    const dir = makeProject(tmp(), 'busy', { 'busy.js': BUSY_JS, 'server.js': SERVER_JS });
    const before = Date.now();
    const busy = procs.spawn(process.execPath, ['busy.js'], { cwd: dir });
    const idle = procs.spawn(process.execPath, ['server.js'], { cwd: dir });
    await Promise.all([busy.ready, idle.ready]);
    const after = Date.now();
    const first = await takeSnapshot([dir]);
    await sleep(1000);
    const second = await takeSnapshot([dir], first.state);
    const b = find(second, busy.child.pid as number);
    const i = find(second, idle.child.pid as number);
    assert.ok(b.cpuPercent !== null && b.cpuPercent >= 50, `a spinning process uses most of a core (got ${b.cpuPercent})`);
    assert.ok(i.cpuPercent !== null && i.cpuPercent < 20, `an idle server uses little (got ${i.cpuPercent})`);
    for (const p of [b, i]) {
      assert.ok(p.memoryBytes > 5 << 20 && p.memoryBytes < 2 ** 31, `node's resident memory is plausible (${p.memoryBytes})`);
      const started = Date.parse(p.startedAt);
      // /proc counts start times in 10 ms ticks after boot; the boot time itself must not be rounded to a second.
      assert.ok(started >= before - 100 && started <= after + 100, `startedAt ${p.startedAt} lies within the spawn (${new Date(before).toISOString()} … ${new Date(after).toISOString()})`);
    }
  });

  it('masks secrets in command lines', async () => {
    const dir = makeProject(tmp(), 'secrets');
    const args = ['server.js', '--token=abcdef1234567890', 'API_KEY=sk_live_51Habcdefgh', '--password', 'hunter2hunter2', 'DATABASE_URL=postgres://app:s3cr3tpw@localhost/db', '--port-file=/tmp/p'];
    const ready = await procs.spawn(process.execPath, args, { cwd: dir }).ready;
    const { command } = find(await takeSnapshot([dir]), Number(ready[1]));
    for (const secret of ['abcdef1234567890', 'sk_live_51Habcdefgh', 'hunter2hunter2', 's3cr3tpw']) assert.ok(!command.includes(secret), `${secret} is masked in: ${command}`);
    assert.match(command, /--token=abcd\*\*\*\* /);
    assert.match(command, /API_KEY=sk_l\*\*\*\* /);
    assert.match(command, /--password \*\*\*\* /);
    assert.match(command, /postgres:\/\/app:\*\*\*\*@localhost\/db/);
    assert.match(command, /--port-file=\/tmp\/p$/, 'a flag that names where something is stays readable');
  });

  it('reads the command line and folder again after a process replaces its program (exec, same short name)', async () => {
    const a = makeProject(tmp(), 'launcher', {
      // Sleeps, moves to the other project and replaces itself with another python program: the kernel's short name stays "python3".
      'launch.py': 'import os, sys, time\ntime.sleep(0.4)\nos.chdir(sys.argv[1])\nos.execv(sys.executable, [sys.executable, "-u", "-c", "import time; print(\'READY\'); time.sleep(600)", "relaunched"])\n',
    });
    const b = makeProject(tmp(), 'target');
    const launched = procs.spawn(realPython(), ['-u', 'launch.py', b], { cwd: a });
    const pid = launched.child.pid as number;
    const early = await waitFor('the launcher in the first sample', async () => {
      const s = await takeSnapshot([a, b]);
      return s.processes.some((p) => p.pid === pid && p.command.includes('launch.py')) && s;
    });
    assert.equal(find(early, pid).projectPath, a);
    await launched.ready;
    const late = find(await takeSnapshot([a, b], early.state), pid);
    assert.match(late.command, /relaunched$/);
    assert.equal(late.projectPath, b);
  });

  it('keeps up with processes that come and go between incremental samples', async () => {
    const dir = makeProject(tmp(), 'churn');
    let sample = await takeSnapshot([dir]);
    const first = await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready;
    sample = await takeSnapshot([dir], sample.state);
    assert.deepEqual(find(sample, Number(first[1])).ports, [Number(first[3])], 'a server started after the first sample has its port');
    process.kill(Number(first[1]), 'SIGKILL');
    const second = await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready;
    await waitFor('the first server to be gone', async () => {
      sample = await takeSnapshot([dir], sample.state);
      return !sample.processes.some((p) => p.pid === Number(first[1]));
    });
    const inProject = sample.processes.filter((p) => p.projectPath === dir);
    assert.deepEqual(inProject.map((p) => p.pid), [Number(second[1])]);
    assert.deepEqual(inProject[0]?.ports, [Number(second[3])]);
  });
});
