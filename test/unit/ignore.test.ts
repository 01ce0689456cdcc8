import assert from 'node:assert/strict';
import { expandHome, makeIgnoreMatcher } from '../../language-server/scanner/ignore';

describe('ignore globs', () => {
  const root = '/home/u/projects';
  it('matches folders relative to the root, at any depth with **', () => {
    const ignored = makeIgnoreMatcher(['**/archive', 'clients/old/**'], '/home/u');
    assert.equal(ignored('/home/u/projects/archive', root), true);
    assert.equal(ignored('/home/u/projects/a/b/archive', root), true);
    assert.equal(ignored('/home/u/projects/clients/old', root), true, 'a pattern ending in /** ignores the folder itself');
    assert.equal(ignored('/home/u/projects/clients/old/x', root), true);
    assert.equal(ignored('/home/u/projects/clients/new', root), false);
    assert.equal(ignored('/home/u/projects/archived', root), false);
  });

  it('matches absolute and ~ patterns against the absolute path', () => {
    const ignored = makeIgnoreMatcher(['~/projects/tmp-*'], '/home/u');
    assert.equal(ignored('/home/u/projects/tmp-1', root), true);
    assert.equal(ignored('/home/u/projects/keep', root), false);
  });

  it('ignores nothing with no or blank patterns', () => {
    assert.equal(makeIgnoreMatcher(['', '  '], '/h')('/home/u/projects/x', root), false);
  });

  it('expands only a leading ~', () => {
    assert.equal(expandHome('~', '/h'), '/h');
    assert.equal(expandHome('~/a', '/h'), '/h/a');
    assert.equal(expandHome('a/~', '/h'), 'a/~');
    assert.equal(expandHome('~user/a', '/h'), '~user/a');
  });
});
