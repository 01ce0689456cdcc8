import assert from 'node:assert/strict';
import { mapLimit } from '../../../language-server/util/limit';

describe('mapLimit', () => {
  it('keeps input order and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30]);
    assert.equal(peak, 2);
  });

  it('returns an empty list for no items', async () => {
    assert.deepEqual(await mapLimit([], 4, async () => 1), []);
  });
});
