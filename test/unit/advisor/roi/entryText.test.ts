import assert from 'node:assert/strict';
import { parseEntryText } from '../../../../language-server/advisor/roi/entryText';

const NOW = new Date('2024-06-20T23:30:00Z');

describe('advisor/roi: entries typed as text', () => {
  it('reads NAME=AMOUNT[/month][@DATE], dated today (UTC) when no date is given', () => {
    assert.deepEqual(parseEntryText('Hosting=5/month', NOW), { name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-06-20' });
    assert.deepEqual(parseEntryText('Domain = 12.50 @2024-01-15', NOW), { name: 'Domain', amount: 12.5, kind: 'one-off', since: '2024-01-15' });
    assert.deepEqual(parseEntryText('a=b=3/month@2023-02-28', NOW), { name: 'a=b', amount: 3, kind: 'monthly', since: '2023-02-28' });
  });

  it('says what is wrong with a bad entry', () => {
    for (const [text, why] of [
      ['Hosting', /is not NAME=AMOUNT/],
      ['Hosting=-5', /is not NAME=AMOUNT/],
      ['Hosting=5/year', /is not NAME=AMOUNT/],
      ['=5', /is not NAME=AMOUNT|name must be/],
      ['Hosting=5@2024-02-30', /is not a date/],
      ['Hosting=1e3', /is not NAME=AMOUNT/],
    ] as const) {
      const result = parseEntryText(text, NOW);
      assert.equal(typeof result, 'string', text);
      assert.match(result as string, why, text);
    }
  });
});
