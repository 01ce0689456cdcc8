import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readGitState } from '../../../language-server/scanner/git/state';
import { readHistory } from '../../../language-server/scanner/git/objects';
import { PackReader } from '../../../language-server/scanner/git/pack';
import { Sandbox, commitFile, daysAgo, git } from './fixture';

describe('git objects from pack files', () => {
  const box = new Sandbox();
  let dir = '';
  let commits: string[] = [];
  before(() => {
    box.enter();
    dir = box.repo('packed');
    for (let i = 0; i < 40; i++) commitFile(dir, `f${i % 3}.txt`, `content ${i}\n`.repeat(i + 1), `Commit number ${i}\n\nBody ${i}`, daysAgo(45.5 - i));
    git(dir, 'gc', '-q', '--prune=now');
    commits = git(dir, 'rev-list', '--all').split('\n');
  });
  after(() => box.leave());

  it('leaves no loose objects to read (the premise of the tests below)', () => {
    const objects = readdirSync(path.join(dir, '.git/objects')).filter((n) => /^[0-9a-f]{2}$/.test(n));
    assert.deepEqual(objects, []);
  });

  for (const [label, slice] of [['reading a slice of ids at once', undefined], ['bisecting with single reads', 0]] as const) {
    it(`reads every commit byte for byte as git cat-file does, ${label}`, async () => {
      const reader = new PackReader(path.join(dir, '.git/objects'), slice);
      try {
        for (const oid of commits) {
          const obj = await reader.read(oid);
          assert.ok(obj, oid);
          assert.equal(obj.body.toString('utf8'), `${git(dir, 'cat-file', 'commit', oid)}\n`);
        }
      } finally {
        await reader.close();
      }
    });
  }

  it('returns null for ids that are not there and for objects that are not commits', async () => {
    const reader = new PackReader(path.join(dir, '.git/objects'));
    try {
      assert.equal(await reader.read('0'.repeat(40)), null);
      assert.equal(await reader.read('f'.repeat(40)), null);
      assert.equal(await reader.read(git(dir, 'rev-parse', 'HEAD:f0.txt')), null);
    } finally {
      await reader.close();
    }
  });

  it('walks the 30-day history from the pack as git does', async () => {
    const cutoff = Math.floor(Date.now() / 1000) - 30 * 86400;
    const history = await readHistory(path.join(dir, '.git/objects'), commits[0] ?? '', cutoff);
    assert.equal(history?.commitsLast30Days, Number(git(dir, 'rev-list', '--count', `--max-age=${cutoff}`, 'HEAD')));
    assert.equal(history?.lastCommit.subject, 'Commit number 39');
  });

  it('falls back to git for a clone that borrows its objects through alternates', async () => {
    const shared = box.path('shared-clone');
    git(box.root, 'clone', '-q', '--shared', dir, shared);
    const cutoff = Math.floor(Date.now() / 1000) - 30 * 86400;
    assert.equal(await readHistory(path.join(shared, '.git/objects'), commits[0] ?? '', cutoff), null, 'nothing local to read');
    const state = await readGitState(shared);
    assert.equal(state.error, undefined);
    assert.equal(state.lastCommit?.subject, 'Commit number 39');
    assert.equal(state.commitsLast30Days, 24); // days 29.5 down to 6.5 ago
  });
});
