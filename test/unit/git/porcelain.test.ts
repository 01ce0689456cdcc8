import assert from 'node:assert/strict';
import { StatusParser, parseStatus } from '../../../language-server/scanner/git/porcelain';

const OID = 'a'.repeat(40);
const Z = '\0';
/** One `git status --porcelain=v2 --branch -z` output: every record ends in NUL, renames carry a second path. */
const sample = [
  `# branch.oid ${OID}`,
  '# branch.head feature/ünï',
  '# branch.upstream origin/feature/ünï',
  '# branch.ab +3 -1',
  `1 M. N... 100644 100644 100644 ${OID} ${OID} staged.txt`,
  `1 .M N... 100644 100644 100644 ${OID} ${OID} with space.txt`,
  `1 MM N... 100644 100644 100644 ${OID} ${OID} both.txt`,
  `2 R. N... 100644 100644 100644 ${OID} ${OID} R100 new\nname.txt`,
  'old name.txt',
  `u UU N... 100644 100644 100644 100644 ${OID} ${OID} ${OID} conflict.txt`,
  '? untracked\nfile.txt',
  '? 1 looks like an entry.txt',
  '! ignored.txt',
].join(Z) + Z;

describe('porcelain v2 -z parser', () => {
  it('reads the branch headers and counts each file once', () => {
    const s = parseStatus(Buffer.from(sample));
    assert.equal(s.oid, OID);
    assert.equal(s.branch, 'feature/ünï');
    assert.equal(s.detached, false);
    assert.equal(s.upstream, 'origin/feature/ünï');
    assert.equal(s.ahead, 3);
    assert.equal(s.behind, 1);
    assert.deepEqual({ changed: s.changed, renamed: s.renamed, unmerged: s.unmerged, untracked: s.untracked }, { changed: 3, renamed: 1, unmerged: 1, untracked: 2 });
  });

  it('does not take the original path of a rename for an entry, even when it starts like one', () => {
    const out = [`2 R. N... 100644 100644 100644 ${OID} ${OID} R90 b`, '? a', '? c'].join(Z) + Z;
    const s = parseStatus(out);
    assert.equal(s.renamed, 1);
    assert.equal(s.untracked, 1);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const whole = parseStatus(Buffer.from(sample));
    const bytes = Buffer.from(sample);
    for (const size of [1, 2, 3, 7, 64]) {
      const parser = new StatusParser();
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
      assert.deepEqual(parser.finish(), whole, `chunks of ${size}`);
    }
  });

  it('counts names with bytes that are not UTF-8', () => {
    const out = Buffer.concat([Buffer.from(`# branch.oid ${OID}\0? caf`), Buffer.from([0xe9, 0xff, 0]), Buffer.from('? x\0')]);
    assert.equal(parseStatus(out).untracked, 2);
  });

  it('reads an unborn branch and a detached HEAD', () => {
    const unborn = parseStatus('# branch.oid (initial)\0# branch.head main\0');
    assert.equal(unborn.oid, null);
    assert.equal(unborn.branch, 'main');
    const detached = parseStatus(`# branch.oid ${OID}\0# branch.head (detached)\0`);
    assert.equal(detached.branch, null);
    assert.equal(detached.detached, true);
  });

  it('leaves ahead/behind null without an ab header or with a malformed one', () => {
    assert.equal(parseStatus('# branch.upstream origin/x\0').ahead, null);
    const bad = parseStatus('# branch.ab +x -1\0');
    assert.equal(bad.ahead, null);
    assert.equal(bad.behind, null);
  });

  it('is empty for empty output and tolerates a missing final NUL and unknown headers', () => {
    const empty = parseStatus('');
    assert.equal(empty.changed + empty.untracked, 0);
    assert.equal(empty.oid, null);
    const s = parseStatus('# stash 3\0? a\0? b');
    assert.equal(s.untracked, 2);
  });
});
