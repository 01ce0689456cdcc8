import assert from 'node:assert/strict';
import type { ProcessInfo } from '../../../language-server/model';
import { changedProjects, vanished } from '../../../language-server/scanner/runtime/changes';
import { summarise } from '../../../language-server/scanner/runtime/summarise';

const proc = (pid: number, projectPath: string | null, extra: Partial<ProcessInfo> = {}): ProcessInfo => ({
  pid, ppid: 1, projectPath, command: 'node server.js', ports: [], cpuPercent: 1, memoryBytes: 1000, startedAt: '2024-01-01T00:00:00.000Z', ...extra,
});

describe('summarise', () => {
  it('lists every project, running or not, and ignores processes of unknown projects', () => {
    const out = summarise([proc(5, '/elsewhere'), proc(6, null)], ['/p/a', '/p/b']);
    assert.deepEqual([...out.keys()], ['/p/a', '/p/b']);
    assert.deepEqual(out.get('/p/a'), { path: '/p/a', running: false, pids: [], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [] });
  });

  it('sums processes, merges ports, counts first-sample CPU as 0 and leaves idle shells out', () => {
    const out = summarise([
      proc(30, '/p/a', { ports: [5173, 3000], cpuPercent: 12.5, memoryBytes: 100 }),
      proc(20, '/p/a', { ports: [3000], cpuPercent: null, memoryBytes: 50 }),
      proc(10, '/p/a', { command: '-bash', memoryBytes: 7 }),
      proc(40, '/p/b', { command: 'zsh -l' }),
    ], ['/p/a', '/p/b']);
    assert.deepEqual(out.get('/p/a'), { path: '/p/a', running: true, pids: [20, 30], ports: [3000, 5173], cpuPercent: 12.5, memoryBytes: 150, containerIds: [] });
    assert.equal(out.get('/p/b')?.running, false, 'a terminal open in a project does not make it running');
  });
});

describe('changedProjects', () => {
  const base = summarise([proc(1, '/a', { cpuPercent: 10, memoryBytes: 100 << 20, ports: [3000] })], ['/a', '/b']);

  it('reports every project the first time and removed projects', () => {
    assert.deepEqual(changedProjects(new Map(), base), ['/a', '/b']);
    assert.deepEqual(changedProjects(base, new Map([['/a', base.get('/a')!]])), ['/b']);
  });

  it('stays quiet for small CPU and memory moves and speaks for starts, stops, pids and ports', () => {
    const same = (extra: Partial<ProcessInfo>) => summarise([proc(1, '/a', { cpuPercent: 10, memoryBytes: 100 << 20, ports: [3000], ...extra })], ['/a', '/b']);
    assert.deepEqual(changedProjects(base, same({ cpuPercent: 19, memoryBytes: (100 << 20) + (5 << 20) })), []);
    assert.deepEqual(changedProjects(base, same({ cpuPercent: 25 })), ['/a']);
    assert.deepEqual(changedProjects(base, same({ memoryBytes: 130 << 20 })), ['/a']);
    assert.deepEqual(changedProjects(base, same({ ports: [3000, 3001] })), ['/a']);
    assert.deepEqual(changedProjects(base, same({ pid: 2 })), ['/a']);
    assert.deepEqual(changedProjects(base, summarise([], ['/a', '/b'])), ['/a']);
  });
});

describe('vanished', () => {
  it('reports project processes that are gone, including a pid reused by another process', () => {
    const before = [proc(1, '/a'), proc(2, '/a'), proc(3, null)];
    const after = [proc(1, '/a'), proc(2, '/a', { startedAt: '2024-01-02T00:00:00.000Z' })];
    assert.deepEqual(vanished(before, after).map((p) => p.pid), [2]);
    assert.deepEqual(vanished([], after), []);
  });
});
