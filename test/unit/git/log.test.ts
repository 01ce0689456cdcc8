import assert from 'node:assert/strict';
import { parseLog } from '../../../language-server/scanner/git/history';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('git log -z output parsing', () => {
  it('reads hash, dates, author and a subject that may hold the field separator', () => {
    const out = `${A}\x1f1704200000\x1f1704164645\x1fAda Lovelace\x1fFix: a\x1fb\0\n${B}\x1f1\x1f2\x1fGrace\x1f\0`;
    assert.deepEqual(parseLog(out), [
      { commit: { hash: A, date: '2024-01-02T03:04:05.000Z', subject: 'Fix: a\x1fb', author: 'Ada Lovelace' }, committerTime: 1704200000 },
      { commit: { hash: B, date: '1970-01-01T00:00:02.000Z', subject: '', author: 'Grace' }, committerTime: 1 },
    ]);
  });

  it('skips records that are not commits', () => {
    assert.deepEqual(parseLog('warning: something\0\0'), []);
    assert.deepEqual(parseLog(`${A}\x1fnot-a-number\x1f1\x1fA\x1fs\0`), []);
  });
});
