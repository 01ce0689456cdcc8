import assert from 'node:assert/strict';
import type { ProjectRuntime } from '../../../language-server/model';
import { runtimeShownOf } from '../../../extension/tree/runtimeShown';

const run = (over: Partial<ProjectRuntime> = {}): ProjectRuntime => ({ path: '/p/shop', running: true, pids: [1], ports: [3000], cpuPercent: 2, memoryBytes: 1e6, containerIds: [], ...over });
const shown = (...projects: ProjectRuntime[]) => runtimeShownOf({ all: () => projects });

describe('Projects tree: which runtime changes redraw its rows', () => {
  it('ignores new CPU and memory figures and new pids (the rows do not show them)', () => {
    assert.equal(shown(run({ cpuPercent: 80, memoryBytes: 9e9, pids: [7, 8] })), shown(run()));
  });

  it('notices a start or stop, a port opened or closed, and a crash', () => {
    const base = shown(run());
    for (const changed of [run({ running: false }), run({ ports: [3000, 9229] }), run({ crashed: { exitCode: 1, signal: null, at: '2026-01-01T00:00:00Z', command: 'node x' } })]) {
      assert.notEqual(shown(changed), base);
    }
  });

  it('does not depend on the order projects come in', () => {
    const blog = run({ path: '/p/blog', ports: [4000] });
    assert.equal(shown(run(), blog), shown(blog, run()));
  });
});
