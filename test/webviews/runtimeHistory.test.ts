import assert from 'node:assert/strict';
import { SampleRing, UsageHistory, type ProjectUsage } from '../../extension/webviews/runtimeHistory';
import { isHistory, LIMITS } from '../../webviews/runtime/protocol';

const T0 = Date.UTC(2025, 2, 2, 10, 0, 0);
const WINDOW = 10 * 60_000;
const sample = (at: number, cpuPercent = 1) => ({ at, cpuPercent, memoryBytes: 1024 });
const usage = (path: string, cpuPercent = 5): ProjectUsage => ({ path, cpuPercent, memoryBytes: 2048 });

describe('runtime monitor history (the host’s ring buffer of samples)', () => {
  describe('SampleRing', () => {
    it('keeps the newest `capacity` samples, oldest first, once it has wrapped around', () => {
      const ring = new SampleRing(3);
      for (let i = 1; i <= 7; i++) ring.push(sample(T0 + i));
      assert.equal(ring.length, 3);
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [5, 6, 7]);
      assert.equal(ring.last()?.at, T0 + 7);
      assert.equal(ring.at(0)?.at, T0 + 5);
      assert.equal(ring.at(3), undefined);
      assert.equal(ring.at(-1), undefined);
    });

    it('drops samples before a time but the last of them, whose value holds into the window', () => {
      const ring = new SampleRing(10);
      for (const at of [0, 10, 20, 30]) ring.push(sample(T0 + at));
      ring.dropBefore(T0 + 25);
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [20, 30]);
      ring.dropBefore(T0 + 30);
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [30], 'a sample at the edge needs none before it');
      ring.dropBefore(T0 + 1_000);
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [30], 'the last sample is never dropped');
    });

    it('drops across the wrap-around point', () => {
      const ring = new SampleRing(4);
      for (let i = 0; i < 6; i++) ring.push(sample(T0 + i * 10)); // holds 20, 30, 40, 50 starting mid-array
      ring.dropBefore(T0 + 45);
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [40, 50]);
      ring.push(sample(T0 + 60));
      assert.deepEqual(ring.toArray().map((s) => s.at - T0), [40, 50, 60]);
    });

    it('refuses a capacity that holds nothing', () => {
      assert.throws(() => new SampleRing(0), RangeError);
      assert.throws(() => new SampleRing(1.5), RangeError);
    });
  });

  describe('UsageHistory', () => {
    it('records one sample per running project and lists each project’s samples in the protocol’s shape', () => {
      const history = new UsageHistory(WINDOW, LIMITS.samples);
      assert.equal(history.at, null);
      history.record(T0, [usage('/a', 1), usage('/b', 2)]);
      history.record(T0 + 5_000, [usage('/a', 3), usage('/b', 4)]);
      assert.equal(history.at, T0 + 5_000);
      assert.deepEqual(history.of('/a'), [{ at: T0, cpuPercent: 1, memoryBytes: 2048 }, { at: T0 + 5_000, cpuPercent: 3, memoryBytes: 2048 }]);
      assert.deepEqual(history.all().map((h) => [h.path, h.samples.length]), [['/a', 2], ['/b', 2]]);
      assert.equal(isHistory(history.all()), true, 'the page would take it');
    });

    it('stays within its bound however many samples come: the window, and the count within it', () => {
      const byWindow = new UsageHistory(WINDOW, LIMITS.samples);
      for (let i = 0; i < 2_000; i++) byWindow.record(T0 + i * 5_000, [usage('/a')]);
      const kept = byWindow.of('/a');
      assert.equal(kept.length, WINDOW / 5_000 + 1, 'ten minutes of samples, both ends counted');
      assert.equal(kept[kept.length - 1]?.at, T0 + 1_999 * 5_000);

      const byCount = new UsageHistory(WINDOW, LIMITS.samples);
      for (let i = 0; i < 5_000; i++) byCount.record(T0 + i * 10, [usage('/a')]);
      assert.equal(byCount.of('/a').length, LIMITS.samples, 'samples closer than a second apart stop at the count');
      assert.equal(isHistory(byCount.all()), true);
    });

    it('forgets a project that stopped, so its restart is not drawn across the gap', () => {
      const history = new UsageHistory(WINDOW, LIMITS.samples);
      history.record(T0, [usage('/a'), usage('/b')]);
      history.record(T0 + 5_000, [usage('/a')]);
      assert.deepEqual(history.of('/b'), []);
      history.record(T0 + 10_000, [usage('/a'), usage('/b')]);
      assert.deepEqual(history.of('/b').map((s) => s.at), [T0 + 10_000]);
      assert.equal(history.of('/a').length, 3);
    });

    it('keeps times moving forward when the clock is set back a little, and starts again when set back past the window', () => {
      const history = new UsageHistory(WINDOW, LIMITS.samples);
      history.record(T0, [usage('/a')]);
      assert.equal(history.record(T0 - 2_000, [usage('/a')]), T0 + 1);
      assert.equal(history.record(T0 + 1, [usage('/a')]), T0 + 2, 'the same time twice is a moment later');
      assert.equal(isHistory(history.all()), true, 'still strictly in order');
      assert.equal(history.record(T0 - 3_600_000, [usage('/a')]), T0 - 3_600_000);
      assert.deepEqual(history.of('/a').map((s) => s.at), [T0 - 3_600_000]);
    });
  });
});
