/** RuntimeMonitor against real processes: what it emits when projects start, stop and crash, and pausing. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_INTERVAL_MS, RuntimeMonitor, type RuntimeChange } from '../../../language-server/scanner/runtime/monitor';
import { useTempDir } from '../helpers/tempDir';
import { isRunning, makeProject, sleep, useProcesses, waitFor } from './processes';

/**
 * Collects every change a monitor emits, and waits for one that passes a test among those emitted since `from`
 * (by default since the call): take `all.length` before acting, as the change may come before the wait starts.
 */
function record(monitor: RuntimeMonitor): { all: RuntimeChange[]; next: (what: string, test: (c: RuntimeChange) => boolean, from?: number) => Promise<RuntimeChange> } {
  const all: RuntimeChange[] = [];
  monitor.onChange((c) => all.push(c));
  return {
    all,
    next: (what, test, from = all.length) => waitFor(what, () => all.slice(from).find(test)),
  };
}

describe('runtime: RuntimeMonitor on real processes', function () {
  if (process.platform !== 'linux') return;
  const tmp = useTempDir('runtime-monitor');
  const procs = useProcesses();
  const monitors: RuntimeMonitor[] = [];
  const monitorOf = (projectPaths: string[], intervalMs: number | null = 100, onError?: (e: unknown) => void): RuntimeMonitor => {
    const m = new RuntimeMonitor({ projectPaths, intervalMs, onError });
    monitors.push(m);
    return m;
  };
  afterEach(() => monitors.splice(0).forEach((m) => m.dispose()));

  it('samples every 2.5 s unless told otherwise', () => {
    assert.equal(DEFAULT_INTERVAL_MS, 2500);
  });

  it('reports every project first, then a project that starts and stops, with the process that went', async () => {
    const a = makeProject(tmp(), 'a');
    const b = makeProject(tmp(), 'b');
    const monitor = monitorOf([a, b]);
    const changes = record(monitor);
    monitor.start();
    const first = await changes.next('the first sample', () => true, 0);
    assert.deepEqual([...first.changed].sort(), [a, b]);
    assert.equal(first.projects.get(a)?.running, false);

    let since = changes.all.length;
    const ready = await procs.spawn(process.execPath, ['server.js', '--secret=abcdefgh12345678'], { cwd: a }).ready;
    const [pid, port] = [Number(ready[1]), Number(ready[3])];
    const started = await changes.next('a to run with its port', (c) => c.projects.get(a)?.ports.includes(port) === true, since);
    assert.ok(started.changed.includes(a) && !started.changed.includes(b), 'only the project that changed is named');
    assert.deepEqual(started.projects.get(a)?.pids, [pid]);
    assert.ok(started.processes.every((p) => p.projectPath !== null), 'only processes in projects are sent');
    assert.equal(started.projects.get(b)?.running, false);

    since = changes.all.length;
    process.kill(pid, 'SIGKILL');
    const stopped = await changes.next('a to stop', (c) => c.projects.get(a)?.running === false, since);
    assert.deepEqual(stopped.changed, [a]);
    assert.deepEqual(stopped.vanished.map((p) => [p.pid, p.projectPath, p.ports]), [[pid, a, [port]]]);
    assert.match(stopped.vanished[0]?.command ?? '', /server\.js --secret=abcd\*\*\*\*$/, 'what vanished is described as it ran, masked');
  });

  it('reports a process that crashes on its own as vanished (the input of crash detection)', async () => {
    const dir = makeProject(tmp(), 'crashy');
    writeFileSync(path.join(dir, 'crash.js'), "console.log('READY ' + process.pid); setTimeout(() => process.exit(3), 600);");
    const monitor = monitorOf([dir]);
    const changes = record(monitor);
    monitor.start();
    await changes.next('the first sample', () => true, 0);
    const since = changes.all.length;
    const pid = Number((await procs.spawn(process.execPath, ['crash.js'], { cwd: dir }).ready)[1]);
    await changes.next('the process to be seen', (c) => c.projects.get(dir)?.pids.includes(pid) === true, since);
    const gone = await changes.next('the process to vanish', (c) => c.vanished.length > 0, since);
    assert.deepEqual(gone.vanished.map((p) => p.pid), [pid]);
    assert.equal(gone.projects.get(dir)?.running, false);
  });

  it('stays quiet while nothing visible changes', async () => {
    const dir = makeProject(tmp(), 'idle');
    await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready;
    const monitor = monitorOf([dir]);
    const changes = record(monitor);
    monitor.start();
    await changes.next('the first sample', () => true, 0);
    await sleep(300); // the second sample, the first with CPU shares, may still say something
    const before = changes.all.length;
    await sleep(1000);
    assert.equal(changes.all.length, before, 'an idle server sampled 10 times gives no news');
  });

  it('pauses with setInterval(null) and resumes with an interval', async () => {
    const dir = makeProject(tmp(), 'paused');
    const monitor = monitorOf([dir]);
    const changes = record(monitor);
    monitor.start();
    await changes.next('the first sample', () => true, 0);
    monitor.setInterval(null);
    await sleep(150); // a sample under way when paused finishes
    const takenAt = monitor.latest?.takenAt;
    const count = changes.all.length;
    const ready = await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready;
    const since = changes.all.length;
    await sleep(700);
    assert.equal(monitor.latest?.takenAt, takenAt, 'no sample while paused');
    assert.equal(changes.all.length, count);
    monitor.setInterval(100);
    const resumed = await changes.next('the server after resuming', (c) => c.projects.get(dir)?.pids.includes(Number(ready[1])) === true, since);
    assert.equal(resumed.projects.get(dir)?.running, true);
  });

  it('sample() works while paused, joins a sample under way, and a throwing listener harms no other', async () => {
    const dir = makeProject(tmp(), 'manual');
    const errors: unknown[] = [];
    const monitor = monitorOf([dir], null, (e) => errors.push(e));
    monitor.onChange(() => {
      throw new Error('listener failed');
    });
    const changes = record(monitor);
    const [one, two] = [monitor.sample(), monitor.sample()];
    assert.equal(one, two, 'one sample for two callers');
    assert.ok(await one);
    assert.equal(changes.all.length, 1, 'the second listener still heard it');
    assert.match(String(errors[0]), /listener failed/);
    assert.equal(await monitor.sample(), null, 'nothing changed');
  });

  it('does not report processes of a project that was removed as vanished: they still run', async () => {
    const dir = makeProject(tmp(), 'removed');
    const pid = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: dir }).ready)[1]);
    const monitor = monitorOf([dir], null);
    assert.deepEqual((await monitor.sample())?.projects.get(dir)?.pids, [pid]);
    monitor.setProjects([]);
    const change = await monitor.sample();
    assert.deepEqual(change?.changed, [dir], 'the removed project is named once');
    assert.deepEqual(change?.vanished, []);
    assert.ok(isRunning(pid));
  });

  it('stops one project through the monitor and leaves another running', async () => {
    const a = makeProject(tmp(), 'stop-a');
    const b = makeProject(tmp(), 'stop-b');
    const pa = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: a }).ready)[1]);
    const pb = Number((await procs.spawn(process.execPath, ['server.js'], { cwd: b }).ready)[1]);
    const monitor = monitorOf([a, b], null);
    const changes = record(monitor);
    const result = await monitor.stopProject(a, { graceMs: 2000 });
    // stopProject samples again on its own, maybe before this line: every change since the monitor began counts.
    assert.deepEqual(result.exited, [pa]);
    assert.ok(!isRunning(pa) && isRunning(pb));
    const after = await changes.next('a sample after the stop', (c) => c.projects.get(a)?.running === false, 0);
    assert.equal(after.projects.get(b)?.running, true);
  });
});
