import assert from 'node:assert/strict';
import { usageSeries } from '../../webviews/runtime/charts/usageSeries';
import { isRuntimeCommand, isRuntimeMessage, LIMITS, type RuntimeMessage } from '../../webviews/runtime/protocol';
import { appendSamples, applyMessage, INITIAL_STATE, isRuntimeState, restored, trimmed } from '../../webviews/runtime/runtimeState';
import { generatedRunning, historyOf, init, running, samples, T0, view, WINDOW_MS } from './harness/runtimeFixtures';

const s = (at: number, cpuPercent = 10, memoryBytes = 100) => ({ at, cpuPercent, memoryBytes });

describe('runtime monitor page state and charts (pure)', () => {
  it('appends each running project’s figures as a sample, and leaves a project without a newer one the same object', () => {
    const [a, b] = generatedRunning(2) as [ReturnType<typeof running>, ReturnType<typeof running>];
    const history = historyOf([a, b], 3, T0);
    const next = appendSamples(history, [a, b], T0 + 5_000, WINDOW_MS);
    assert.deepEqual(next.map((h) => h.samples.length), [4, 4]);
    assert.deepEqual(next[0]?.samples.at(-1), { at: T0 + 5_000, cpuPercent: a.cpuPercent, memoryBytes: a.memoryBytes });
    const again = appendSamples(next, [a, b], T0 + 5_000, WINDOW_MS);
    assert.equal(again[0], next[0], 'a details-only update draws no chart again');
    assert.deepEqual(appendSamples(next, [b], T0 + 10_000, WINDOW_MS).map((h) => h.path), [b.path], 'a project that stopped loses its history');
  });

  it('starts a project’s samples again when the clock was set back past the window', () => {
    const a = running();
    const next = appendSamples([{ path: a.path, samples: [s(T0)] }], [a], T0 - 2 * WINDOW_MS, WINDOW_MS);
    assert.deepEqual(next[0]?.samples.map((x) => x.at), [T0 - 2 * WINDOW_MS]);
    const state = applyMessage({ ...INITIAL_STATE, at: T0 }, { type: 'update', at: T0 - 2 * WINDOW_MS, view: view() });
    assert.equal(state.at, T0 - 2 * WINDOW_MS);
    assert.equal(applyMessage({ ...INITIAL_STATE, at: T0 }, { type: 'update', at: T0 - 1, view: view() }).at, T0, 'a little back keeps the edge');
  });

  it('trims to the window, keeping the last sample before it, and to the count', () => {
    const list = [s(0), s(10), s(20), s(30)];
    assert.deepEqual(trimmed(list, 25, 100).map((x) => x.at), [20, 30]);
    assert.deepEqual(trimmed(list, 0, 100).map((x) => x.at), [0, 10, 20, 30]);
    assert.deepEqual(trimmed(list, 99, 100).map((x) => x.at), [30]);
    assert.deepEqual(trimmed(list, 0, 2).map((x) => x.at), [20, 30]);
    const many = samples(LIMITS.samples + 50, T0, 100);
    assert.equal(appendSamples([{ path: '/home/dev/projects/shop', samples: many.slice(0, LIMITS.samples) }], [running()], T0 + 1, WINDOW_MS)[0]?.samples.length, LIMITS.samples);
  });

  it('takes the history on init, the refusal on failed, and keeps the history of running projects only', () => {
    const projects = generatedRunning(2);
    const state = applyMessage(INITIAL_STATE, init(view({ running: projects.slice(0, 1) }), historyOf(projects, 5, T0)));
    assert.deepEqual(state.history.map((h) => h.path), [projects[0]?.path]);
    assert.equal(state.at, T0);
    const failed = applyMessage(state, { type: 'failed', message: 'no' } satisfies RuntimeMessage);
    assert.equal(failed.error, 'no');
    assert.equal(restored(failed).error, null, 'a refusal is not shown again on a rebuilt page');
    assert.equal(isRuntimeState(failed), true);
    assert.equal(isRuntimeState({ ...failed, windowMs: 0 }), false);
  });

  it('draws steps that hold each value to the next sample and on to the window’s end', () => {
    const box = { width: 100, height: 20 };
    const series = usageSeries([s(T0 - 500, 50), s(T0 - 60, 10), s(T0 - 20, 20)], (x) => x.cpuPercent, T0, 100, box, 10);
    // The sample before the window holds from its left edge (x=0) to the next; the last holds on to the end (x=100).
    assert.equal(series.line, 'M0,2.6L40,2.6L40,15.7L80,15.7L80,12.5L100,12.5L100,12.5');
    assert.equal(series.area, `${series.line}V20H0Z`);
    assert.deepEqual([series.now, series.peak, Math.round(series.top)], [20, 50, 55], 'a tenth of headroom above the peak');
    const edge = usageSeries([s(T0 - 500, 50), s(T0 - 100, 10)], (x) => x.cpuPercent, T0, 100, box, 10);
    assert.deepEqual([edge.line, edge.peak], ['M0,2.6L100,2.6L100,2.6', 10], 'a sample at the left edge replaces the one held into the window');
    const empty = usageSeries([], (x) => x.cpuPercent, T0, 100, box, 10);
    assert.deepEqual([empty.line, empty.area, empty.now], ['', '', null]);
    const idle = usageSeries([s(T0 - 50, 0.5)], (x) => x.cpuPercent, T0, 100, box, 10);
    assert.equal(idle.top, 10, 'a near-idle project is drawn against the floor, not stretched to the top');
  });

  it('guards commands from the page: only known types, paths and ports in range', () => {
    assert.equal(isRuntimeCommand({ type: 'openPort', path: '/p', port: 3000 }), true);
    assert.equal(isRuntimeCommand({ type: 'start' }), true);
    for (const bad of [{ type: 'openPort', path: '/p', port: 0 }, { type: 'openPort', path: '/p', port: '3000' }, { type: 'stop', path: '' }, { type: 'stop' }, { type: 'stop', path: 'x'.repeat(LIMITS.path + 1) }, { type: 'runShell', command: 'rm -rf ~' }, null, 'stop']) {
      assert.equal(isRuntimeCommand(bad), false, JSON.stringify(bad));
    }
    assert.equal(isRuntimeMessage(JSON.parse('{"type":"failed","message":"x","__proto__":{"type":"init"}}')), true, 'a __proto__ key gives the message nothing');
  });
});
