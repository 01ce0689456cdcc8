import assert from 'node:assert/strict';
import { RuntimeFeed, type FeedTiming } from '../../extension/webviews/runtimeFeed';
import { isRuntimeMessage, type RunningProject, type RuntimeMessage, type RuntimeView } from '../../webviews/runtime/protocol';
import { generatedRunning, T0, view } from './harness/runtimeFixtures';

const TIMING: FeedTiming = { windowMs: 60_000, burstMs: 100, holdMs: 5_000 };

/** A clock and timers the test moves by hand: what runs when is the thing under test. */
class ManualTime {
  now = T0;
  private timers: Array<{ at: number; run: () => void; live: boolean }> = [];

  schedule = (run: () => void, ms: number): (() => void) => {
    const timer = { at: this.now + ms, run, live: true };
    this.timers.push(timer);
    return () => void (timer.live = false);
  };

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.now = next.at;
      next.live = false;
      next.run();
    }
    this.now = until;
  }
}

function setUp(running: RunningProject[]) {
  const time = new ManualTime();
  const state = { view: view({ running }) as RuntimeView, visible: true, sent: 0 };
  const posted: RuntimeMessage[] = [];
  const feed = new RuntimeFeed(
    {
      view: () => state.view,
      post: (m) => {
        assert.equal(isRuntimeMessage(m), true, 'the page would take every message');
        posted.push(m);
      },
      visible: () => state.visible,
      now: () => time.now,
      schedule: time.schedule,
      sent: () => void state.sent++,
    },
    TIMING,
  );
  return { time, state, posted, feed };
}

const samplesIn = (m: RuntimeMessage | undefined) => (m?.type === 'init' ? m.history.map((h) => h.samples.length) : []);

describe('runtime monitor feed (what the host sends the page, and when)', () => {
  it('sends nothing before the page says ready, then the whole history and a sample of now', () => {
    const { time, posted, feed } = setUp(generatedRunning(2));
    feed.changed(true);
    time.advance(1_000);
    assert.equal(posted.length, 0, 'no page to send to yet');
    feed.pageShown();
    assert.equal(posted[0]?.type, 'init');
    assert.deepEqual(samplesIn(posted[0]), [3, 3], 'the sample at creation, the one of the change, the one of now');
    assert.equal(posted[0]?.type === 'init' && posted[0].at, T0 + 1_000);
  });

  it('sends one update per burst of model changes, with one new sample', () => {
    const { time, posted, feed, state } = setUp(generatedRunning(2));
    feed.pageShown();
    posted.length = 0;
    for (let i = 0; i < 10; i++) {
      feed.changed(i % 2 === 0);
      time.advance(10);
    }
    time.advance(200);
    assert.deepEqual(posted.map((m) => m.type), ['update'], 'ten changes within a burst, one message');
    assert.equal(posted[0]?.type === 'update' && posted[0].at, T0 + 100);
    assert.equal(state.sent, 2, 'the host is told after each message (details, crashes seen)');
  });

  it('sends a names-only change without a new sample time', () => {
    const { time, posted, feed } = setUp(generatedRunning(1));
    feed.pageShown();
    const ready = posted[0]?.type === 'init' ? posted[0].at : 0;
    time.advance(1_000);
    posted.length = 0;
    feed.changed(false);
    time.advance(100);
    assert.equal(posted[0]?.type === 'update' && posted[0].at, ready, 'the newest sample is still the one of `ready`');
  });

  it('keeps recording while hidden, sends nothing then, and gives the next page every sample', () => {
    const { time, posted, feed, state } = setUp(generatedRunning(1));
    feed.pageShown();
    state.visible = false;
    feed.hidden();
    posted.length = 0;
    for (let i = 0; i < 5; i++) {
      feed.changed(true);
      time.advance(2_000);
    }
    assert.deepEqual(posted, [], 'a hidden page is gone: nothing is sent to it');
    time.advance(30_000);
    assert.deepEqual(posted, [], 'nor does the held sample keep timers going while hidden');
    state.visible = true;
    feed.pageShown();
    assert.deepEqual(samplesIn(posted[0]), [8], 'at creation, at the first ready, the five changes while hidden, and now');
  });

  it('sends the held figures as a sample while the server is quiet and something runs, and stops when nothing does', () => {
    const { time, posted, feed, state } = setUp(generatedRunning(1));
    feed.pageShown();
    posted.length = 0;
    time.advance(TIMING.holdMs * 3 + 3 * TIMING.burstMs);
    assert.deepEqual(posted.map((m) => m.type), ['update', 'update', 'update']);
    assert.deepEqual(posted.map((m) => (m.type === 'update' ? m.at - T0 : 0)), [5_100, 10_200, 15_300]);
    state.view = view({ running: [] });
    feed.changed(true);
    time.advance(100);
    posted.length = 0;
    time.advance(60_000);
    assert.deepEqual(posted, [], 'nothing runs: no held samples');
  });

  it('stops every timer on dispose', () => {
    const { time, posted, feed } = setUp(generatedRunning(1));
    feed.pageShown();
    feed.changed(true);
    feed.dispose();
    posted.length = 0;
    time.advance(60_000);
    assert.deepEqual(posted, []);
  });
});
