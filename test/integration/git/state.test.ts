import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readGitState } from '../../../language-server/scanner/git/state';
import { LOG_WINDOW, gitHistory } from '../../../language-server/scanner/git/history';
import { readHistory } from '../../../language-server/scanner/git/objects';
import { FIXED_DATE, Sandbox, commitFile, daysAgo, git, gitAt } from './fixture';

describe('git readGitState', () => {
  const box = new Sandbox();
  before(() => box.enter());
  after(() => box.leave());

  it('reads branch, head, last commit and a clean tree', async () => {
    const dir = box.repo('clean');
    commitFile(dir, 'a.txt', 'a', 'first');
    const head = commitFile(dir, 'a.txt', 'b', 'Second: the subject\n\nand a body');
    const state = await readGitState(dir);
    assert.equal(state.error, undefined);
    assert.equal(state.complete, true);
    assert.equal(state.branch, 'main');
    assert.equal(state.head, head);
    assert.equal(state.detached, false);
    assert.equal(state.dirty, false);
    assert.equal(state.changedFiles, 0);
    assert.deepEqual(state.lastCommit, { hash: head, date: new Date(FIXED_DATE).toISOString(), subject: 'Second: the subject', author: 'Ada Lovelace' });
    assert.equal(state.commitsLast30Days, 0, 'both commits are from 2024');
  });

  it('handles a repository without commits', async () => {
    const dir = box.repo('empty');
    writeFileSync(path.join(dir, 'new.txt'), 'x');
    const state = await readGitState(dir);
    assert.equal(state.error, undefined);
    assert.equal(state.branch, 'main');
    assert.equal(state.head, null);
    assert.equal(state.lastCommit, null);
    assert.equal(state.commitsLast30Days, 0);
    assert.equal(state.untrackedFiles, 1);
    assert.equal(state.changedFiles, 1);
    assert.equal(state.dirty, true);
  });

  it('reports a detached HEAD', async () => {
    const dir = box.repo('detached');
    const first = commitFile(dir, 'a.txt', 'a', 'first');
    commitFile(dir, 'a.txt', 'b', 'second');
    git(dir, 'checkout', '-q', '--detach', first);
    const state = await readGitState(dir);
    assert.equal(state.branch, null);
    assert.equal(state.detached, true);
    assert.equal(state.head, first);
    assert.equal(state.lastCommit?.subject, 'first');
  });

  it('keeps branch names with slashes and unicode', async () => {
    const dir = box.repo('unicode-branch');
    commitFile(dir, 'a.txt', 'a', 'first');
    git(dir, 'checkout', '-q', '-b', 'feat/ünï/日本');
    assert.equal((await readGitState(dir)).branch, 'feat/ünï/日本');
  });

  describe('commits in the last 30 days', () => {
    let dir = '';
    let expected: { count: number; head: string } = { count: 0, head: '' };
    before(() => {
      dir = box.repo('recent');
      commitFile(dir, 'a.txt', '1', 'old 1', daysAgo(90));
      commitFile(dir, 'a.txt', '2', 'old 2', daysAgo(40));
      commitFile(dir, 'a.txt', '3', 'recent 1', daysAgo(20));
      gitAt(dir, daysAgo(10), 'checkout', '-q', '-b', 'side');
      commitFile(dir, 'b.txt', 'side', 'recent on side', daysAgo(10));
      gitAt(dir, daysAgo(9), 'checkout', '-q', 'main');
      commitFile(dir, 'c.txt', 'main', 'recent on main', daysAgo(8));
      gitAt(dir, daysAgo(2), 'merge', '-q', '--no-edit', 'side');
      expected = { count: 4, head: git(dir, 'rev-parse', 'HEAD') };
    });

    it('counts a merge history from loose objects', async () => {
      const state = await readGitState(dir);
      assert.equal(state.head, expected.head);
      assert.equal(state.commitsLast30Days, expected.count);
      assert.match(state.lastCommit?.subject ?? '', /^Merge branch 'side'/);
    });

    it('reads the same history in-process as through git log', async () => {
      const cutoff = Math.floor(Date.now() / 1000) - 30 * 86400;
      const dirs = { workTree: dir, gitDir: path.join(dir, '.git'), commonDir: path.join(dir, '.git') };
      const viaGit = await gitHistory(expected.head, cutoff, { dirs, deadline: Date.now() + 10_000 });
      assert.ok(!('error' in viaGit));
      assert.equal(viaGit.commitsLast30Days, expected.count);
      const inProcess = await readHistory(path.join(dir, '.git/objects'), expected.head, cutoff);
      assert.deepEqual(inProcess, viaGit);
    });

    it('counts the same after git gc packs every object', async () => {
      const loose = await readGitState(dir);
      git(dir, 'gc', '-q', '--prune=now');
      rmSync(path.join(dir, '.git/objects', expected.head.slice(0, 2)), { recursive: true, force: true });
      const packed = await readGitState(dir);
      assert.equal(packed.error, undefined);
      assert.deepEqual(packed, loose);
    });

    it('agrees with git rev-list --since', async () => {
      const cutoff = Math.floor(Date.now() / 1000) - 30 * 86400;
      const count = Number(git(dir, 'rev-list', '--count', `--max-age=${cutoff}`, 'HEAD'));
      assert.equal(count, expected.count);
    });
  });

  describe('a busy repository', () => {
    // More recent commits than the in-process walk takes on (100) and than one git log window (LOG_WINDOW).
    const recent = 330;
    let dir = '';
    before(() => {
      dir = box.repo('busy');
      const now = Math.floor(Date.now() / 1000);
      let stream = '';
      for (let i = 0; i < recent + 5; i++) {
        const when = i < 5 ? now - (60 + i) * 86400 : now - (recent + 5 - i) * 3600;
        const msg = `commit ${i}`;
        stream += `commit refs/heads/main\nmark :${i + 1}\ncommitter Ada <ada@example.com> ${when} +0000\ndata ${msg.length}\n${msg}\n`;
        if (i > 0) stream += `from :${i}\n`;
        stream += `M 644 inline f.txt\ndata ${String(i).length}\n${i}\n\n`;
      }
      execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
      git(dir, 'reset', '-q', '--hard', 'main');
    });

    it('counts every recent commit, past the in-process walk and the git log window', async () => {
      assert.ok(recent > LOG_WINDOW);
      const state = await readGitState(dir);
      assert.equal(state.error, undefined);
      assert.equal(state.commitsLast30Days, recent);
      assert.equal(state.lastCommit?.subject, `commit ${recent + 4}`);
    });

    it('gets the same from git log and rev-list directly', async () => {
      const dirs = { workTree: dir, gitDir: path.join(dir, '.git'), commonDir: path.join(dir, '.git') };
      const cutoff = Math.floor(Date.now() / 1000) - 30 * 86400;
      const viaGit = await gitHistory(git(dir, 'rev-parse', 'HEAD'), cutoff, { dirs, deadline: Date.now() + 10_000 });
      assert.ok(!('error' in viaGit));
      assert.equal(viaGit.commitsLast30Days, recent);
    });
  });

  describe('upstream', () => {
    it('has null ahead/behind without an upstream', async () => {
      const dir = box.repo('no-upstream');
      commitFile(dir, 'a.txt', 'a', 'first');
      const state = await readGitState(dir);
      assert.equal(state.upstream, null);
      assert.equal(state.ahead, null);
      assert.equal(state.behind, null);
    });

    it('counts commits ahead of and behind a bare upstream', async () => {
      const seed = box.repo('up-seed');
      commitFile(seed, 'a.txt', 'a', 'first');
      const bare = box.path('up-bare.git');
      git(box.root, 'clone', '-q', '--bare', seed, bare);
      const other = box.path('up-other');
      git(box.root, 'clone', '-q', bare, other);
      git(other, 'config', 'user.name', 'Other');
      git(other, 'config', 'user.email', 'o@example.com');
      commitFile(other, 'theirs.txt', 't', 'theirs');
      git(other, 'push', '-q', 'origin', 'main');
      const mine = box.path('up-mine');
      git(box.root, 'clone', '-q', bare, mine);
      git(mine, 'config', 'user.name', 'Ada');
      git(mine, 'config', 'user.email', 'a@example.com');
      git(mine, 'reset', '-q', '--hard', 'HEAD~1');
      commitFile(mine, 'm1.txt', '1', 'mine 1');
      commitFile(mine, 'm2.txt', '2', 'mine 2');
      const state = await readGitState(mine);
      assert.equal(state.upstream, 'origin/main');
      assert.equal(state.ahead, 2);
      assert.equal(state.behind, 1);
      assert.equal(state.remoteUrl, bare);
    });

    it('has null ahead/behind when the upstream branch is gone', async () => {
      const dir = box.repo('gone-upstream');
      commitFile(dir, 'a.txt', 'a', 'first');
      git(dir, 'remote', 'add', 'origin', box.path('never-fetched.git'));
      git(dir, 'config', 'branch.main.remote', 'origin');
      git(dir, 'config', 'branch.main.merge', 'refs/heads/main');
      const state = await readGitState(dir);
      assert.equal(state.upstream, 'origin/main');
      assert.equal(state.ahead, null);
      assert.equal(state.behind, null);
    });
  });

  describe('linked layouts', () => {
    it('reads a worktree', async () => {
      const main = box.repo('wt2-main');
      commitFile(main, 'a.txt', 'a', 'first');
      const wt = box.path('wt2-linked');
      git(main, 'worktree', 'add', '-q', '-b', 'topic', wt);
      const head = commitFile(wt, 'b.txt', 'b', 'on topic', daysAgo(1));
      writeFileSync(path.join(wt, 'wip.txt'), 'x');
      const state = await readGitState(wt);
      assert.equal(state.error, undefined);
      assert.equal(state.branch, 'topic');
      assert.equal(state.head, head);
      assert.equal(state.lastCommit?.subject, 'on topic');
      assert.equal(state.commitsLast30Days, 1);
      assert.equal(state.untrackedFiles, 1);
      assert.equal((await readGitState(main)).untrackedFiles, 0, 'the main tree is separate');
    });

    it('reads a submodule', async () => {
      const lib = box.repo('sm-lib');
      const libHead = commitFile(lib, 'lib.txt', 'lib', 'lib commit');
      const sup = box.repo('sm-super');
      commitFile(sup, 'a.txt', 'a', 'first');
      git(sup, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'lib');
      const state = await readGitState(path.join(sup, 'lib'));
      assert.equal(state.error, undefined);
      assert.equal(state.head, libHead);
      assert.equal(state.lastCommit?.subject, 'lib commit');
      assert.equal(state.remoteUrl, lib);
    });
  });

  describe('broken repositories give an error, never a throw', () => {
    it('a folder that is not a repository', async () => {
      mkdirSync(box.path('not-a-repo'));
      const state = await readGitState(box.path('not-a-repo'));
      assert.match(state.error ?? '', /not a git repository/);
      assert.equal(state.head, null);
    });

    it('garbage in HEAD', async () => {
      const dir = box.repo('bad-head');
      commitFile(dir, 'a.txt', 'a', 'first');
      writeFileSync(path.join(dir, '.git/HEAD'), '\x00\x01garbage');
      assert.match((await readGitState(dir)).error ?? '', /HEAD/);
    });

    it('a missing objects folder', async () => {
      const dir = box.repo('no-objects');
      commitFile(dir, 'a.txt', 'a', 'first');
      renameSync(path.join(dir, '.git/objects'), path.join(dir, '.git/objects-moved'));
      const state = await readGitState(dir);
      assert.match(state.error ?? '', /objects/);
      assert.equal(state.branch, 'main', 'what could be read is kept');
    });

    it('a .git file pointing nowhere inside another repository does not report the outer one', async () => {
      const outer = box.repo('outer');
      commitFile(outer, 'a.txt', 'a', 'outer');
      const inner = path.join(outer, 'inner');
      mkdirSync(inner);
      writeFileSync(path.join(inner, '.git'), 'gitdir: /nowhere/at/all\n');
      const state = await readGitState(inner);
      assert.match(state.error ?? '', /\/nowhere\/at\/all/);
      assert.equal(state.head, null);
    });

    it('a broken repository inside another one is not read as the outer one', async () => {
      const outer = box.repo('outer2');
      commitFile(outer, 'a.txt', 'a', 'outer');
      git(outer, 'checkout', '-q', '-b', 'outer-branch');
      const inner = box.repo('outer2/inner');
      commitFile(inner, 'b.txt', 'b', 'inner');
      renameSync(path.join(inner, '.git/objects'), path.join(inner, '.git/objects-moved'));
      const state = await readGitState(inner);
      assert.match(state.error ?? '', /objects/);
      assert.notEqual(state.branch, 'outer-branch');
      assert.equal(state.changedFiles, 0);
    });

    it('a missing HEAD commit object', async () => {
      const dir = box.repo('lost-commit');
      const head = commitFile(dir, 'a.txt', 'a', 'first');
      rmSync(path.join(dir, '.git/objects', head.slice(0, 2), head.slice(2)));
      const state = await readGitState(dir);
      assert.ok(state.error, 'a missing commit is reported');
      assert.equal(state.head, head);
    });
  });
});
