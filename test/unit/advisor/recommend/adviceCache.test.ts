import assert from 'node:assert/strict';
import { AdviceCache } from '../../../../language-server/advisor/recommend/adviceCache';
import type { Recommendation } from '../../../../language-server/advisor/recommend/recommendation';

describe('advice cache: one ranked list per scope until something changes or it is too old', () => {
  let clock = 0;
  let computed = 0;
  const compute = async (): Promise<Recommendation[]> => {
    computed++;
    return [];
  };
  beforeEach(() => {
    clock = 0;
    computed = 0;
  });

  it('works a scope out once, and each scope on its own', async () => {
    const cache = new AdviceCache(1000, () => clock);
    await cache.get('', compute);
    await cache.get('', compute);
    await cache.get('/p/shop', compute);
    assert.equal(computed, 2);
  });

  it('callers that ask while it is worked out share the one computation', async () => {
    const cache = new AdviceCache(1000, () => clock);
    await Promise.all([cache.get('', compute), cache.get('', compute), cache.get('', compute)]);
    assert.equal(computed, 1);
  });

  it('works it out again after a change, and after the time to live', async () => {
    const cache = new AdviceCache(1000, () => clock);
    await cache.get('', compute);
    cache.invalidate();
    await cache.get('', compute);
    assert.equal(computed, 2);
    clock = 999;
    await cache.get('', compute);
    assert.equal(computed, 2, 'still fresh just before the time to live');
    clock = 1000;
    await cache.get('', compute);
    assert.equal(computed, 3);
  });

  it('does not keep a failure: the next ask tries again', async () => {
    const cache = new AdviceCache(1000, () => clock);
    await assert.rejects(cache.get('', async () => Promise.reject(new Error('store gone'))), /store gone/);
    await cache.get('', compute);
    assert.equal(computed, 1);
  });
});
