import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gitWatchPaths, readHead } from '../../../language-server/scanner/git/head';
import { Sandbox, commitFile, git } from './fixture';

describe('git readHead (no git process)', () => {
  const box = new Sandbox();
  before(() => box.enter());
  after(() => box.leave());

  it('returns null for a folder that is not a repository', async () => {
    mkdirSync(box.path('plain'));
    assert.equal(await readHead(box.path('plain')), null);
    assert.deepEqual(await gitWatchPaths(box.path('plain')), []);
  });

  it('names the branch of a repository without commits and has no head', async () => {
    const dir = box.repo('unborn');
    const state = await readHead(dir);
    assert.ok(state);
    assert.equal(state.branch, 'main');
    assert.equal(state.head, null);
    assert.equal(state.detached, false);
    assert.equal(state.complete, false);
    assert.equal(state.error, undefined);
  });

  it('resolves the branch head from a loose ref', async () => {
    const dir = box.repo('loose');
    const head = commitFile(dir, 'a.txt', 'a', 'first');
    const state = await readHead(dir);
    assert.equal(state?.branch, 'main');
    assert.equal(state?.head, head);
    assert.equal(state?.remoteUrl, null);
  });

  it('resolves the head from packed-refs when no loose ref is left', async () => {
    const dir = box.repo('packed');
    const head = commitFile(dir, 'a.txt', 'a', 'first');
    git(dir, 'pack-refs', '--all');
    rmSync(path.join(dir, '.git/refs/heads/main'), { force: true });
    assert.match(readFileSync(path.join(dir, '.git/packed-refs'), 'utf8'), /refs\/heads\/main/);
    assert.equal((await readHead(dir))?.head, head);
  });

  it('reports a detached HEAD with branch null', async () => {
    const dir = box.repo('detached');
    const first = commitFile(dir, 'a.txt', 'a', 'first');
    commitFile(dir, 'a.txt', 'b', 'second');
    git(dir, 'checkout', '-q', '--detach', first);
    const state = await readHead(dir);
    assert.equal(state?.branch, null);
    assert.equal(state?.detached, true);
    assert.equal(state?.head, first);
  });

  it('keeps branch names with slashes and unicode', async () => {
    const dir = box.repo('names');
    const head = commitFile(dir, 'a.txt', 'a', 'first');
    git(dir, 'checkout', '-q', '-b', 'feature/ünï-cødé/日本');
    const state = await readHead(dir);
    assert.equal(state?.branch, 'feature/ünï-cødé/日本');
    assert.equal(state?.head, head);
  });

  it('reads origin (before other remotes) from the config, without credentials, and the upstream', async () => {
    const dir = box.repo('remotes');
    commitFile(dir, 'a.txt', 'a', 'first');
    git(dir, 'remote', 'add', 'aaa', 'git@example.com:other/repo.git');
    git(dir, 'remote', 'add', 'origin', 'https://user:s3cret@example.com/team/repo.git');
    git(dir, 'config', 'branch.main.remote', 'origin');
    git(dir, 'config', 'branch.main.merge', 'refs/heads/main');
    const state = await readHead(dir);
    assert.equal(state?.remoteUrl, 'https://example.com/team/repo.git');
    assert.equal(state?.upstream, 'origin/main');
  });

  it('falls back to the first remote when there is no origin', async () => {
    const dir = box.repo('first-remote');
    git(dir, 'remote', 'add', 'upstream', 'git@example.com:u/r.git');
    git(dir, 'remote', 'add', 'fork', 'git@example.com:f/r.git');
    assert.equal((await readHead(dir))?.remoteUrl, 'git@example.com:u/r.git');
  });

  it('follows a worktree .git file to its own HEAD and the common refs', async () => {
    const main = box.repo('wt-main');
    commitFile(main, 'a.txt', 'a', 'first');
    const wt = box.path('wt-linked');
    git(main, 'worktree', 'add', '-q', '-b', 'topic', wt);
    const topic = commitFile(wt, 'b.txt', 'b', 'on topic');
    git(main, 'pack-refs', '--all');
    const state = await readHead(wt);
    assert.equal(state?.branch, 'topic');
    assert.equal(state?.head, topic);
    const watch = await gitWatchPaths(wt);
    const gitDir = path.join(main, '.git/worktrees/wt-linked');
    assert.ok(watch.includes(path.join(gitDir, 'HEAD')), watch.join());
    assert.ok(watch.includes(path.join(gitDir, 'index')), watch.join());
    assert.ok(watch.includes(path.join(main, '.git/refs/heads')), watch.join());
    assert.ok(watch.includes(path.join(main, '.git/packed-refs')), watch.join());
    assert.ok(!watch.includes(path.join(gitDir, 'refs/heads')), 'branch refs live in the common dir');
  });

  it('reads a submodule through its .git file, with the submodule remote', async () => {
    const lib = box.repo('sub-lib');
    const libHead = commitFile(lib, 'lib.txt', 'lib', 'lib');
    const sup = box.repo('sub-super');
    commitFile(sup, 'a.txt', 'a', 'first');
    git(sup, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'deps/lib');
    const subDir = path.join(sup, 'deps/lib');
    assert.match(readFileSync(path.join(subDir, '.git'), 'utf8'), /^gitdir: /);
    const state = await readHead(subDir);
    assert.equal(state?.head, libHead);
    assert.equal(state?.remoteUrl, lib);
    const watch = await gitWatchPaths(subDir);
    assert.ok(watch.includes(path.join(sup, '.git/modules/deps/lib/HEAD')), watch.join());
  });

  it('watches HEAD, index, branch refs and packed-refs of a plain repository', async () => {
    const dir = box.repo('watch');
    const watch = await gitWatchPaths(dir);
    for (const p of ['HEAD', 'index', 'refs/heads', 'packed-refs']) {
      assert.ok(watch.includes(path.join(dir, '.git', p)), `${p} in ${watch.join()}`);
    }
  });

  describe('broken repositories give an error, never a throw', () => {
    it('garbage in HEAD', async () => {
      const dir = box.repo('garbage-head');
      writeFileSync(path.join(dir, '.git/HEAD'), 'this is not a ref\n');
      const state = await readHead(dir);
      assert.ok(state);
      assert.match(state.error ?? '', /HEAD/);
      assert.equal(state.head, null);
    });

    it('a .git file that points nowhere', async () => {
      const dir = box.path('dangling');
      mkdirSync(dir);
      writeFileSync(path.join(dir, '.git'), 'gitdir: ../does-not-exist/.git\n');
      const state = await readHead(dir);
      assert.match(state?.error ?? '', /does-not-exist/);
    });

    it('a .git file without a gitdir line', async () => {
      const dir = box.path('bad-dotgit');
      mkdirSync(dir);
      writeFileSync(path.join(dir, '.git'), 'hello\n');
      assert.match((await readHead(dir))?.error ?? '', /gitdir/);
    });

    it('a .git folder without HEAD', async () => {
      const dir = box.path('no-head');
      mkdirSync(path.join(dir, '.git'), { recursive: true });
      assert.match((await readHead(dir))?.error ?? '', /HEAD/);
    });
  });
});
