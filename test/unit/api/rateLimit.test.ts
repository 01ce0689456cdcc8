import assert from 'node:assert/strict';
import { RateLimiter } from '../../../language-server/api/rateLimit';

describe('api: rate limiter', () => {
  let now = 0;
  const limiter = (perSecond = 20, burst = 40) => new RateLimiter({ perSecond, burst }, () => now);
  beforeEach(() => (now = 1000));

  it('lets a burst through, then refuses with how long to wait', () => {
    const l = limiter();
    for (let i = 0; i < 40; i++) assert.deepEqual(l.take('a'), { ok: true }, `request ${i}`);
    assert.deepEqual(l.take('a'), { ok: false, retryAfterSeconds: 1 });
  });

  it('refills at the rate, never above the burst', () => {
    const l = limiter();
    for (let i = 0; i < 40; i++) l.take('a');
    now += 100; // 2 tokens back at 20/s
    assert.equal(l.take('a').ok, true);
    assert.equal(l.take('a').ok, true);
    assert.equal(l.take('a').ok, false);
    now += 3_600_000;
    for (let i = 0; i < 40; i++) assert.equal(l.take('a').ok, true);
    assert.equal(l.take('a').ok, false, 'an hour idle is still one burst');
  });

  it('keeps one bucket per token', () => {
    const l = limiter(1, 1);
    assert.equal(l.take('a').ok, true);
    assert.equal(l.take('a').ok, false);
    assert.equal(l.take('b').ok, true);
  });

  it('says to wait longer at slow rates', () => {
    const l = limiter(0.25, 1);
    l.take('a');
    assert.deepEqual(l.take('a'), { ok: false, retryAfterSeconds: 4 });
  });

  it('refuses a limit that would let nothing through', () => {
    assert.throws(() => limiter(0, 10), RangeError);
    assert.throws(() => limiter(1, 0), RangeError);
  });

  it('stays bounded when every request brings a new key', () => {
    const l = limiter(1000, 1);
    for (let i = 0; i < 25_000; i++) {
      now += 1;
      l.take(`k${i}`);
    }
    assert.ok((l as unknown as { buckets: Map<string, unknown> }).buckets.size <= 10_000);
  });
});
