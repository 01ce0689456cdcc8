import assert from 'node:assert/strict';
import { devCorpus, diagnoseText } from './helpers';

describe('troubleshooter: the development corpus (74 real error texts)', () => {
  it('diagnoses at least 90% of them right, and prints the accuracy and the misses', async () => {
    const cases = devCorpus();
    const misses: string[] = [];
    for (const c of cases) {
      const d = await diagnoseText(c.text);
      if (d.id !== c.label) misses.push(`#${c.n} ${c.label} → ${d.id} (${d.confidence})`);
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(`      accuracy ${(accuracy * 100).toFixed(1)}% (${cases.length - misses.length}/${cases.length})${misses.length ? `; misses: ${misses.join('; ')}` : ''}`);
    assert.ok(accuracy >= 0.9, `accuracy ${(accuracy * 100).toFixed(1)}% is under 90%`);
  });
});
