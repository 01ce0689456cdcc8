import assert from 'node:assert/strict';
import { findPackedRef, parseHeadFile } from '../../../language-server/scanner/git/refs';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('git HEAD and packed-refs parsing', () => {
  it('reads symbolic, detached, sha-256 and garbage HEAD files', () => {
    assert.deepEqual(parseHeadFile('ref: refs/heads/feat/x\n'), { ref: 'refs/heads/feat/x' });
    assert.deepEqual(parseHeadFile(`${A}\n`), { oid: A });
    assert.deepEqual(parseHeadFile(`${'c'.repeat(64)}\n`), { oid: 'c'.repeat(64) });
    assert.equal(parseHeadFile('ref: HEAD'), null);
    assert.equal(parseHeadFile('abc'), null);
    assert.equal(parseHeadFile(''), null);
  });

  it('finds a ref in packed-refs, skipping peeled lines and comments', () => {
    const text = `# pack-refs with: peeled fully-peeled sorted \n${A} refs/heads/main\n^${B}\n${B} refs/heads/feat/ü\n`;
    assert.equal(findPackedRef(text, 'refs/heads/main'), A);
    assert.equal(findPackedRef(text, 'refs/heads/feat/ü'), B);
    assert.equal(findPackedRef(text, 'refs/heads/mai'), null);
    assert.equal(findPackedRef('garbage line\n', 'refs/heads/main'), null);
  });
});
