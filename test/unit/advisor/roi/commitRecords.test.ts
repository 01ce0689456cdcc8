import assert from 'node:assert/strict';
import type { AuthoredCommit } from '../../../../language-server/advisor/roi/commitRecords';
import { parseRecord, RecordSplitter } from '../../../../language-server/advisor/roi/commitRecords';

const record = (at: string, name: string, email: string): string => `${at}\x1f${name}\x1f${email}\0`;

describe('advisor/roi: git log records', () => {
  it('parses whole records however git’s output is chunked, even inside a multi-byte character', () => {
    const bytes = Buffer.from(record('1700000000', 'Zoë', 'zoe@example.com') + record('1700000600', 'Bob', 'bob@example.com'));
    for (const cut of [1, 7, 13, 14, bytes.length - 1]) {
      const got: AuthoredCommit[] = [];
      const splitter = new RecordSplitter((c) => got.push(c));
      splitter.push(bytes.subarray(0, cut));
      splitter.push(bytes.subarray(cut));
      splitter.finish();
      assert.deepEqual(got, [
        { time: 1700000000, name: 'Zoë', email: 'zoe@example.com' },
        { time: 1700000600, name: 'Bob', email: 'bob@example.com' },
      ], `cut at ${cut}`);
    }
  });

  it('skips malformed and endless records instead of failing or growing', () => {
    const got: AuthoredCommit[] = [];
    const splitter = new RecordSplitter((c) => got.push(c));
    splitter.push(Buffer.from(record('x', 'A', 'a@x') + record('99999999999999', 'B', 'b@x') + 'garbage\0'));
    splitter.push(Buffer.from('1\x1f' + 'N'.repeat(10_000)));
    splitter.push(Buffer.from('still the long one\0' + record('5', 'C', 'c@x')));
    splitter.finish();
    assert.deepEqual(got, [{ time: 5, name: 'C', email: 'c@x' }]);
    assert.equal(splitter.skipped, 4);
    assert.equal(parseRecord('1\x1fa\x1fb\x1fextra'), null);
  });
});
