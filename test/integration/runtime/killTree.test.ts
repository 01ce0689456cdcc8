/**
 * Stopping real process trees: grace then SIGKILL, no orphans, late children of a supervisor, and what must
 * never be signalled (this process, its ancestors, another project's processes).
 */
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ancestorsOf } from '../../../language-server/scanner/runtime/guard';
import { killTree, killTrees, stopProject } from '../../../language-server/scanner/runtime/killTree';
import { listPids, readStat } from '../../../language-server/scanner/runtime/procfs';
import { takeSnapshot } from '../../../language-server/scanner/runtime/snapshot';
import { useTempDir } from '../helpers/tempDir';
import { isRunning, makeProject, PARENT_JS, SERVER_JS, sleep, useProcesses, waitFor } from './processes';

/** A supervisor: restarts server.js whenever it exits, ignores SIGTERM, and prints `CHILD <pid>` for each child. */
const SUPERVISOR_JS = `
const { spawn } = require('child_process');
process.on('SIGTERM', () => {});
const start = () => {
  const child = spawn(process.execPath, [__dirname + '/server.js'], { stdio: ['ignore', 'pipe', 'inherit'] });
  console.log('CHILD ' + child.pid);
  child.stdout.once('data', () => console.log('READY ' + process.pid + ' ' + child.pid));
  child.on('exit', start);
};
start();
`;

/**
 * Runs inside a project as Optimus would: samples, stops the project it sits in, tries its own parent and a
 * sibling that runs its parent's program (as the editor's helpers do), and prints the results as JSON. Its
 * parent shell and itself have their folder in the project too.
 */
const KILLER_TS = `
import { stopProject, killTree } from ${JSON.stringify(path.resolve(__dirname, '../../../language-server/scanner/runtime/killTree'))};
import { takeSnapshot } from ${JSON.stringify(path.resolve(__dirname, '../../../language-server/scanner/runtime/snapshot'))};
(async () => {
  const project = process.cwd();
  const sample = await takeSnapshot([project]);
  const placed = sample.processes.filter((p) => p.projectPath === project).map((p) => p.pid);
  const helper = await killTree(Number(process.env.HELPER), { graceMs: 1000 });
  const stop = await stopProject(project, sample.processes, { graceMs: 1000 });
  const parent = await killTree(process.ppid, { graceMs: 1000 });
  console.log('READY ' + JSON.stringify({ placed, stop, parent, helper }));
})();
`;

/** Processes anywhere on the machine whose working folder is under `dir`. */
function processesIn(dir: string): number[] {
  return listPids().filter((pid) => {
    try {
      return isRunning(pid) && (readlinkSync(`/proc/${pid}/cwd`) + '/').startsWith(dir + '/');
    } catch {
      return false;
    }
  });
}

describe('runtime: stopping real process trees', function () {
  if (process.platform !== 'linux') return;
  const tmp = useTempDir('runtime-kill');
  const procs = useProcesses();

  it('SIGKILLs a server that ignores SIGTERM once the grace period is over', async () => {
    const dir = makeProject(tmp(), 'stubborn');
    const pid = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: dir, env: { ...process.env, IGNORE_TERM: '1' } }).ready)[1]);
    const started = Date.now();
    const result = await killTree(pid, { graceMs: 600 });
    const took = Date.now() - started;
    assert.deepEqual(result, { exited: [], killed: [pid], skipped: [], remaining: [] });
    assert.ok(took >= 600 && took < 3000, `SIGKILL came after the grace period (${took} ms)`);
    assert.ok(!isRunning(pid));
  });

  it('stops a server that honours SIGTERM without waiting for the grace period', async () => {
    const dir = makeProject(tmp(), 'polite');
    const pid = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready)[1]);
    const started = Date.now();
    const result = await killTree(pid, { graceMs: 10000 });
    assert.deepEqual(result.exited, [pid]);
    assert.ok(Date.now() - started < 2000);
  });

  for (const detached of [true, false]) {
    it(`stops sh -c → node → node child with no orphan (${detached ? 'own process group' : 'in the test\'s process group'}), and not another project`, async () => {
      const dir = makeProject(tmp(), 'tree', { 'server.js': SERVER_JS, 'parent.js': PARENT_JS });
      const other = makeProject(tmp(), 'other');
      const otherPid = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: other }).ready)[1]);
      // `; exit` keeps the shell from exec'ing node in its place: the tree has three levels.
      const sh = procs.spawn('sh', ['-c', 'node parent.js; exit $?'], { cwd: dir, detached, env: { ...process.env, IGNORE_TERM: '1' } });
      const words = await sh.ready;
      const [shPid, parentPid, childPid] = [sh.child.pid as number, Number(words[1]), Number(words[2])];
      assert.equal(readStat(parentPid)?.ppid, shPid);
      assert.equal(readStat(childPid)?.ppid, parentPid);
      const sample = await takeSnapshot([dir, other]);
      const result = await stopProject(dir, sample.processes, { graceMs: 500 });
      // The node processes ignore SIGTERM (IGNORE_TERM is inherited): they are SIGKILLed; sh exits on SIGTERM.
      assert.deepEqual(result.exited, [shPid]);
      assert.deepEqual(result.killed, [parentPid, childPid].sort((a, b) => a - b));
      for (const pid of [shPid, parentPid, childPid]) assert.ok(!isRunning(pid), `${pid} is gone or a zombie`);
      assert.deepEqual(processesIn(dir), []);
      assert.ok(isRunning(otherPid), 'another project\'s server is untouched');
      assert.ok(isRunning(process.pid));
    });
  }

  it('catches the children a supervisor starts while it is being stopped', async () => {
    const dir = makeProject(tmp(), 'supervised', { 'server.js': SERVER_JS, 'supervisor.js': SUPERVISOR_JS });
    const sup = procs.spawn(process.execPath, ['supervisor.js'], { cwd: dir });
    const [, supPid] = (await sup.ready).map(Number);
    const result = await killTree(supPid as number, { graceMs: 1500 });
    await sleep(300); // a child started at the very end would print by now
    const children = [...sup.output().matchAll(/CHILD (\d+)/g)].map((m) => Number(m[1]));
    assert.ok(children.length >= 2, `the supervisor restarted its child after SIGTERM (${children.join(', ')})`);
    for (const pid of [supPid as number, ...children]) assert.ok(!isRunning(pid), `${pid} is gone`);
    assert.ok(result.killed.includes(supPid as number));
    assert.deepEqual(result.remaining, []);
    assert.deepEqual(processesIn(dir), []);
  });

  it('never signals this process, its ancestors or init', async () => {
    const mine = [process.pid, ...ancestorsOf(process.pid, (pid) => readStat(pid)?.ppid)];
    const result = await killTrees([...mine, 1], { graceMs: 100 });
    assert.deepEqual([...result.exited, ...result.killed, ...result.remaining], []);
    assert.deepEqual(result.skipped.map((s) => s.pid).sort((a, b) => a - b), [...new Set([...mine, 1])].sort((a, b) => a - b));
    assert.match(result.skipped.find((s) => s.pid === process.pid)?.reason ?? '', /Optimus itself/);
    for (const pid of mine) assert.ok(isRunning(pid));
  });

  it('from inside a project, stops what the project runs but not itself or the shell that started it', async () => {
    const dir = makeProject(tmp(), 'inside', { 'server.js': SERVER_JS, 'killer.ts': KILLER_TS });
    const serverPid = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready)[1]);
    writeFileSync(path.join(dir, 'run.sh'), [
      'node server.js > server.out &',
      'until grep -q READY server.out; do sleep 0.05; done', // listening, so its pid is known
      "sh -c 'sleep 600; exit' &", // a sibling of Optimus running its parent's program: protected like an editor helper
      `HELPER=$! "${process.execPath}" --require "${require.resolve('tsx/cjs')}" killer.ts`,
      'echo "SHELL $$ still here"',
      'kill $HELPER',
      'wait',
    ].join('\n'));
    const sh = procs.spawn('sh', ['run.sh'], { cwd: dir, ready: /SHELL \d+ still here/ });
    await sh.ready;
    type Result = { exited: number[]; killed: number[]; skipped: Array<{ pid: number; reason: string }> };
    const report = JSON.parse(/READY (.*)/.exec(sh.output())?.[1] ?? '{}') as { placed: number[]; stop: Result; parent: Result; helper: Result };
    const shPid = sh.child.pid as number;
    assert.ok(!report.placed.includes(shPid), 'the shell that started Optimus is in no project');
    assert.deepEqual(report.parent.skipped.map((s) => s.pid), [shPid]);
    assert.match(report.parent.skipped[0]?.reason ?? '', /ancestor of Optimus/);
    assert.equal(report.helper.skipped.length, 1);
    assert.match(report.helper.skipped[0]?.reason ?? '', /helper of the editor/);
    assert.deepEqual([...report.helper.exited, ...report.helper.killed], []);
    const stopped = [...report.stop.exited, ...report.stop.killed];
    assert.ok(stopped.includes(serverPid), 'the project\'s server was stopped');
    assert.ok(!stopped.includes(shPid));
    assert.ok(!isRunning(serverPid));
    const backgrounded = Number(readFileSync(path.join(dir, 'server.out'), 'utf8').split(/\s+/)[1]);
    assert.ok(stopped.includes(backgrounded) && !isRunning(backgrounded), 'the server the shell started in the background was stopped too');
    await waitFor('the shell to finish', () => !isRunning(shPid));
  });
});
