import assert from 'node:assert/strict';
import { DEV_MINUTES_PER_LINE, debtSummary, ratingOf } from '../../../../language-server/analyzer/debt/rating';
import { finding, metrics } from './fixtures';

describe('debt ratio and rating', () => {
  it('rates at the SQALE bounds: A ≤ 5%, B ≤ 10%, C ≤ 20%, D ≤ 50%, E above', () => {
    assert.deepEqual([0, 0.05, 0.0501, 0.1, 0.2, 0.5, 0.51, 3].map(ratingOf), ['A', 'A', 'B', 'B', 'C', 'D', 'E', 'E']);
  });

  it('divides remediation minutes by 30 minutes per line of code', () => {
    // 100 lines cost 3,000 min to write; a missing README (30) and a secret (15) are 1.5%.
    const summary = debtSummary([finding('debt/missing-readme'), finding('secret/jwt')], [metrics(60), metrics(40, null, '/p/b.ts')]);
    assert.equal(DEV_MINUTES_PER_LINE, 30);
    assert.deepEqual(summary, { minutes: 45, ratio: 0.015, rating: 'A' });
  });

  it('gives E when the debt outweighs half the code', () => {
    assert.equal(debtSummary([finding('debt/missing-tests')], [metrics(10)]).rating, 'E');
  });

  it('keeps minutes but rates A with a ratio of 0 when there is no code', () => {
    assert.deepEqual(debtSummary([finding('debt/missing-readme')], []), { minutes: 30, ratio: 0, rating: 'A' });
    assert.deepEqual(debtSummary([], [metrics(0, null)]), { minutes: 0, ratio: 0, rating: 'A' });
  });

  it('ignores negative or NaN line counts from a broken metrics record', () => {
    assert.deepEqual(debtSummary([finding('debt/missing-readme')], [metrics(-50), metrics(Number.NaN), metrics(100)]), { minutes: 30, ratio: 0.01, rating: 'A' });
  });
});
