import assert from 'node:assert/strict';
import path from 'node:path';
import type { ContainerInfo, ProcessInfo, ProjectRuntime, RuntimeSnapshot } from '../../language-server/model';
import { containerRows, crashRows, detailsKey, dockerProblem, runtimeView, shortCommand, usageOf, type RuntimeSources } from '../../extension/webviews/runtimeModels';
import { isRuntimeMessage, LIMITS } from '../../webviews/runtime/protocol';

const SHOP = '/home/dev/projects/shop';
const BLOG = '/home/dev/projects/blog';
const names: Record<string, string> = { [SHOP]: 'shop', [BLOG]: 'blog' };
const nameOf = (p: string) => names[p] ?? path.basename(p);

const runtime = (over: Partial<ProjectRuntime> = {}): ProjectRuntime => ({ path: SHOP, running: true, pids: [41, 42], ports: [5173, 3000, 3000], cpuPercent: 12.345, memoryBytes: 3e8, containerIds: [], runId: 'run-1', ...over });
const proc = (pid: number, command: string): ProcessInfo => ({ pid, ppid: 1, projectPath: SHOP, command, ports: [], cpuPercent: 1, memoryBytes: 1, startedAt: '2025-03-02T09:00:00.000Z' });
const box = (over: Partial<ContainerInfo> = {}): ContainerInfo => ({ id: 'c1', name: 'shop-db-1', image: 'postgres:16', state: 'running', ports: [5432], projectPath: SHOP, ...over });
const snapshot = (over: Partial<RuntimeSnapshot> = {}): RuntimeSnapshot => ({
  takenAt: '2025-03-02T10:00:00.000Z',
  processes: [proc(41, '/usr/bin/script -q -e -f -c npm run dev /dev/null'), proc(42, 'node   /home/dev/projects/shop/node_modules/.bin/vite\n--port 5173'), proc(99, 'unrelated')],
  containers: [],
  docker: 'available',
  ...over,
});
const sources = (over: Partial<RuntimeSources> = {}): RuntimeSources => ({ runtimes: [runtime()], docker: 'available', nameOf, snapshot: snapshot(), snapshotError: null, ...over });
const crashed = (at: string, over: Partial<ProjectRuntime> = {}): ProjectRuntime => runtime({ path: BLOG, running: false, pids: [], ports: [], runId: undefined, crashed: { exitCode: 1, signal: null, at, command: 'npm start' }, ...over });

describe('runtime monitor host models (what the host sends the page)', () => {
  it('makes a row of each running project: name, rounded CPU, memory, ports in order, processes named from the snapshot', () => {
    const view = runtimeView(sources());
    assert.deepEqual(view.running, [
      {
        path: SHOP,
        name: 'shop',
        cpuPercent: 12.3,
        memoryBytes: 3e8,
        ports: [3000, 5173],
        processes: [
          { pid: 41, command: 'terminal of the Optimus run' },
          { pid: 42, command: 'node /home/dev/projects/shop/node_modules/.bin/vite --port 5173' },
        ],
        containers: 0,
        startedByOptimus: true,
      },
    ]);
    assert.equal(isRuntimeMessage({ type: 'update', at: Date.UTC(2025, 2, 2), view }), true, 'the page would take it');
  });

  it('says a process’s command is not read yet before the snapshot, and leaves it blank for a pid the snapshot missed', () => {
    assert.deepEqual(runtimeView(sources({ snapshot: undefined })).running[0]?.processes, [{ pid: 41, command: null }, { pid: 42, command: null }]);
    assert.deepEqual(runtimeView(sources({ runtimes: [runtime({ pids: [41, 77] })] })).running[0]?.processes.map((p) => p.command), ['terminal of the Optimus run', '']);
    assert.equal(runtimeView(sources({ snapshot: undefined })).containers, null, 'containers are not claimed absent before they are read');
  });

  it('lists running projects by name, and a project started outside Optimus as such', () => {
    const view = runtimeView(sources({ runtimes: [runtime(), runtime({ path: '/x/zeta', runId: undefined, containerIds: ['a', 'b'] }), runtime({ path: '/x/alpha' })] }));
    assert.deepEqual(view.running.map((p) => p.name), ['alpha', 'shop', 'zeta']);
    assert.deepEqual([view.running[2]?.startedByOptimus, view.running[2]?.containers], [false, 2]);
  });

  it('lists crashes of projects that do not run again, the latest first, and leaves running ones out', () => {
    const rows = crashRows([crashed('2025-03-02T09:00:00.000Z'), crashed('2025-03-02T09:30:00.000Z', { path: '/x/api', crashed: { exitCode: null, signal: 'SIGSEGV', at: '2025-03-02T09:30:00.000Z', command: 'cargo run' } }), runtime({ crashed: { exitCode: 2, signal: null, at: '2025-03-02T09:45:00.000Z', command: 'x' } })], nameOf);
    assert.deepEqual(rows, [
      { path: '/x/api', name: 'api', at: '2025-03-02T09:30:00.000Z', exitCode: null, signal: 'SIGSEGV', command: 'cargo run' },
      { path: BLOG, name: 'blog', at: '2025-03-02T09:00:00.000Z', exitCode: 1, signal: null, command: 'npm start' },
    ]);
    assert.deepEqual(crashRows([crashed('not a date')], nameOf), [], 'a crash at no time the page can read is left out, not the whole view');
  });

  it('lists containers running first, with the name of their project, and reads the engine’s reason when there is none', () => {
    const rows = containerRows([box({ id: 'c2', name: 'old', state: 'exited', projectPath: null }), box()], nameOf);
    assert.deepEqual(rows.map((r) => [r.name, r.state, r.project]), [['shop-db-1', 'running', 'shop'], ['old', 'exited', null]]);
    assert.equal(dockerProblem('available'), null);
    assert.equal(dockerProblem('unavailable: no socket at /var/run/docker.sock'), 'no socket at /var/run/docker.sock');
    assert.equal(dockerProblem('unavailable: '), 'no container engine answers');
  });

  it('says why the details could not be read', () => {
    assert.equal(runtimeView(sources({ snapshot: undefined, snapshotError: 'The server is not running.' })).detailsProblem, 'Optimus could not read the processes and containers: The server is not running.');
  });

  it('cuts and cleans what would break the page’s guard, instead of losing the whole view', () => {
    const odd = runtime({ path: '/x/odd', cpuPercent: Number.NaN, memoryBytes: -5, ports: [0, 80, 70_000, ...Array.from({ length: 40 }, (_, i) => 1000 + i)], pids: Array.from({ length: 100 }, (_, i) => i + 1) });
    const huge = runtime({ path: '/x/huge' });
    const long: Record<string, string> = { ...names, '/x/huge': 'n'.repeat(LIMITS.text * 2) };
    const view = runtimeView(sources({ runtimes: [odd, huge, runtime({ path: `/${'p'.repeat(LIMITS.path)}` })], nameOf: (p) => long[p] ?? path.basename(p), snapshot: snapshot({ containers: Array.from({ length: LIMITS.containers + 5 }, (_, i) => box({ id: `c${i}` })) }) }));
    const o = view.running.find((p) => p.path === '/x/odd');
    assert.deepEqual([o?.cpuPercent, o?.memoryBytes, o?.ports.length, o?.ports[0], o?.processes.length], [0, 0, LIMITS.ports, 80, LIMITS.processes]);
    assert.equal(view.running.find((p) => p.path === '/x/huge')?.name.length, LIMITS.text);
    assert.equal(view.running.length, 2, 'a path longer than the protocol carries is left out');
    assert.equal(view.containers?.length, LIMITS.containers);
    assert.equal(shortCommand('x'.repeat(1_000)).length, 200);
    assert.equal(isRuntimeMessage({ type: 'update', at: Date.UTC(2025, 2, 2), view }), true);
  });

  it('reads the snapshot again only when the processes, containers or engine change, not when figures move', () => {
    const key = detailsKey([runtime()], 'available');
    assert.equal(detailsKey([runtime({ cpuPercent: 90, memoryBytes: 1 })], 'available'), key);
    assert.notEqual(detailsKey([runtime({ pids: [41] })], 'available'), key);
    assert.notEqual(detailsKey([runtime({ containerIds: ['c1'] })], 'available'), key);
    assert.notEqual(detailsKey([runtime()], 'unavailable: no socket'), key);
    assert.equal(detailsKey([runtime(), crashed('2025-03-02T09:00:00.000Z')], 'available'), key, 'a crash has no processes to read');
  });

  it('takes the sample it records from the figures the page is sent', () => {
    assert.deepEqual(usageOf(runtimeView(sources())), [{ path: SHOP, cpuPercent: 12.3, memoryBytes: 3e8 }]);
  });
});
