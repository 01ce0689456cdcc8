import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { parseCommit, parseLooseObject } from '../../../language-server/scanner/git/objects';

const T = 'd'.repeat(40);
const P1 = 'e'.repeat(40);
const P2 = 'f'.repeat(40);

const text = [
  `tree ${T}`,
  `parent ${P1}`,
  `parent ${P2}`,
  'author Ada Lovelace <ada@example.com> 1704164645 +0200',
  'committer Grace Hopper <grace@example.com> 1704200000 -0500',
  'gpgsig -----BEGIN PGP SIGNATURE-----',
  ' parent notaparent',
  ' -----END PGP SIGNATURE-----',
  '',
  '',
  'First line  ',
  'continues here',
  '',
  'Body text',
].join('\n');

describe('git commit object parsing', () => {
  it('reads parents, dates, author and the subject as git %s prints it', () => {
    const c = parseCommit(text);
    assert.ok(c);
    assert.deepEqual(c.parents, [P1, P2]);
    assert.equal(c.authorTime, 1704164645);
    assert.equal(c.committerTime, 1704200000);
    assert.equal(c.author, 'Ada Lovelace');
    assert.equal(c.subject, 'First line continues here');
    assert.equal(c.encoding, null);
  });

  it('reads a root commit with an empty message and an encoding header', () => {
    const c = parseCommit(`tree ${T}\nauthor A <a> 1 +0000\ncommitter A <a> 2 +0000\nencoding ISO-8859-1\n\n`);
    assert.deepEqual(c?.parents, []);
    assert.equal(c?.subject, '');
    assert.equal(c?.encoding, 'ISO-8859-1');
  });

  it('rejects a commit without committer or author', () => {
    assert.equal(parseCommit(`tree ${T}\nauthor A <a> 1 +0000\n\nmsg`), null);
    assert.equal(parseCommit('garbage'), null);
  });

  it('unpacks a loose object and checks its header', () => {
    const body = Buffer.from(text);
    const raw = deflateSync(Buffer.concat([Buffer.from(`commit ${body.length}\0`), body]));
    assert.deepEqual(parseLooseObject(raw), { type: 'commit', body: text });
    const wrongSize = deflateSync(Buffer.from('commit 3\0abcd'));
    assert.equal(parseLooseObject(wrongSize), null);
    assert.equal(parseLooseObject(Buffer.from('not zlib')), null);
  });
});
