import assert from 'node:assert/strict';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readGitState } from '../../../language-server/scanner/git/state';
import { Sandbox, commitFile, git } from './fixture';

describe('git readGitState dirty counts', () => {
  const box = new Sandbox();
  before(() => box.enter());
  after(() => box.leave());

  it('counts staged, unstaged, untracked, renamed and conflicted files once each', async () => {
    const dir = box.repo('dirty');
    commitFile(dir, 'conflict.txt', 'base\n', 'base');
    commitFile(dir, 'both.txt', 'v1\n', 'both');
    commitFile(dir, 'unstaged.txt', 'v1\n', 'unstaged');
    commitFile(dir, 'old-name.txt', 'a file long enough to be found as a rename\n'.repeat(5), 'rename me');
    git(dir, 'checkout', '-q', '-b', 'other');
    commitFile(dir, 'conflict.txt', 'theirs\n', 'theirs');
    git(dir, 'checkout', '-q', 'main');
    commitFile(dir, 'conflict.txt', 'ours\n', 'ours');
    assert.throws(() => git(dir, 'merge', '-q', 'other'));
    writeFileSync(path.join(dir, 'staged.txt'), 'new\n');
    git(dir, 'add', 'staged.txt');
    writeFileSync(path.join(dir, 'both.txt'), 'v2\n');
    git(dir, 'add', 'both.txt');
    writeFileSync(path.join(dir, 'both.txt'), 'v3\n');
    writeFileSync(path.join(dir, 'unstaged.txt'), 'v2\n');
    git(dir, 'mv', 'old-name.txt', 'new-name.txt');
    writeFileSync(path.join(dir, 'untracked.txt'), 'u\n');
    const state = await readGitState(dir);
    assert.equal(state.error, undefined);
    // conflict, staged, both (staged and unstaged), unstaged, rename, untracked.
    assert.equal(state.changedFiles, 6);
    assert.equal(state.untrackedFiles, 1);
    assert.equal(state.dirty, true);
  });

  it('counts file names with spaces, newlines and non-UTF-8 bytes', async () => {
    const dir = box.repo('odd-names');
    commitFile(dir, 'with space.txt', 'a', 'space');
    commitFile(dir, 'line\nbreak.txt', 'a', 'newline');
    writeFileSync(path.join(dir, 'with space.txt'), 'changed');
    writeFileSync(path.join(dir, 'line\nbreak.txt'), 'changed');
    writeFileSync(Buffer.from(path.join(dir, 'latin1-\xe9.txt'), 'latin1'), 'x');
    writeFileSync(path.join(dir, 'new\nline untracked.txt'), 'x');
    writeFileSync(path.join(dir, '日本語 ファイル.txt'), 'x');
    const state = await readGitState(dir);
    assert.equal(state.changedFiles, 5);
    assert.equal(state.untrackedFiles, 3);
  });

  it('does not rewrite the index (no optional locks), so its own watcher is not triggered', async () => {
    const dir = box.repo('no-locks');
    commitFile(dir, 'a.txt', 'same', 'first');
    const index = path.join(dir, '.git/index');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(index, past, past);
    utimesSync(path.join(dir, 'a.txt'), new Date(), new Date()); // stale stat info: a locking status would refresh the index
    const before = statSync(index).mtimeMs;
    const state = await readGitState(dir);
    assert.equal(state.dirty, false);
    assert.equal(statSync(index).mtimeMs, before);
  });
});
