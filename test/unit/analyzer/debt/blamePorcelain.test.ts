import assert from 'node:assert/strict';
import { blameTimes, lineRanges } from '../../../../language-server/analyzer/debt/blamePorcelain';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

/** What `git blame --porcelain -L 2,3 -L 7,7` prints: headers once per commit, then only the line header. */
const OUTPUT = [
  `${A} 2 2 2`,
  'author Ann', 'author-mail <ann@example.com>', 'author-time 1600000000', 'author-tz +0000',
  'committer Ann', 'committer-mail <ann@example.com>', 'committer-time 1600000100', 'committer-tz +0000',
  'summary first', 'filename src/a.ts', '\t// TODO: first',
  `${A} 3 3`, '\tconst author-time = 1;',
  `${ZERO} 7 7 1`, 'author Not Committed Yet', 'author-time 1700000000', 'filename src/a.ts', '\t// TODO: new',
  `${B} 5 8 1`, 'author Bo', 'author-time 1650000000', 'previous cccccccccccccccccccccccccccccccccccccccc src/a.ts', 'filename src/a.ts', '\t// FIXME',
  '',
].join('\n');

describe('git blame --porcelain', () => {
  it('gives each final line the author time of its commit, also when the headers were printed earlier', () => {
    assert.deepEqual([...blameTimes(OUTPUT)], [[2, 1600000000], [3, 1600000000], [8, 1650000000]]);
  });

  it('leaves out uncommitted lines, and reads nothing from garbage', () => {
    assert.equal(blameTimes(OUTPUT).has(7), false);
    assert.deepEqual([...blameTimes('fatal: no such path\n\0\0garbage')], []);
    assert.deepEqual([...blameTimes('')], []);
  });

  it('merges marker lines into few -L ranges and caps them', () => {
    assert.deepEqual(lineRanges([9, 3, 4, 5, 3, 12, 0, -1, 1.5], 10), [[3, 5], [9, 9], [12, 12]]);
    assert.deepEqual(lineRanges([1, 3, 5, 7], 2), [[1, 1], [3, 3]]);
  });
});
