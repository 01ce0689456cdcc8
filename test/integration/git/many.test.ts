import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GitState } from '../../../language-server/model';
import { readGitState, readGitStates } from '../../../language-server/scanner/git/state';
import { Sandbox, commitFile } from './fixture';

describe('git readGitStates and hung git', () => {
  const box = new Sandbox();
  before(() => box.enter());
  after(() => box.leave());

  it('calls onState once per folder, keeps input order and never exceeds the concurrency', async () => {
    const dirs = ['a', 'b', 'c', 'd', 'e'].map((name) => {
      const dir = box.repo(`many-${name}`);
      commitFile(dir, 'f.txt', name, `commit ${name}`);
      return dir;
    });
    mkdirSync(box.path('many-plain'));
    const all = [...dirs, box.path('many-plain')];
    const seen: string[] = [];
    const states = await readGitStates(all, { concurrency: 2, onState: (dir) => seen.push(dir) });
    assert.deepEqual([...seen].sort(), [...all].sort());
    assert.deepEqual(states.map((s) => s.lastCommit?.subject ?? null), ['commit a', 'commit b', 'commit c', 'commit d', 'commit e', null]);
    assert.match(states[5]?.error ?? '', /not a git repository/);
  });

  describe('with a git that hangs', () => {
    let repo = '';
    const savedPath = process.env.PATH;
    before(function () {
      if (process.platform === 'win32') this.skip(); // the fake git is a shell script
      repo = box.repo('hang-target');
      commitFile(repo, 'a.txt', 'a', 'first');
      const bin = box.path('fake-bin');
      mkdirSync(bin);
      // No `exec`: the sleeping child keeps stdout open after git is killed, as a stuck helper would.
      writeFileSync(path.join(bin, 'git'), '#!/bin/sh\nsleep 5\n');
      chmodSync(path.join(bin, 'git'), 0o755);
      box.setEnv('PATH', `${bin}${path.delimiter}${process.env.PATH ?? ''}`);
    });
    after(() => box.setEnv('PATH', savedPath));

    it('times out with an error state instead of hanging', async () => {
      const started = Date.now();
      const state = await readGitState(repo, { timeoutMs: 300 });
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.match(state.error ?? '', /timed out/);
      assert.equal(state.branch, 'main', 'the fast part is kept');
      assert.equal(state.lastCommit?.subject, 'first', 'and so is what was read from loose objects');
      assert.equal(state.complete, true);
    });

    it('rejects with an AbortError when aborted, promptly', async () => {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(readGitState(repo, { signal: controller.signal }), { name: 'AbortError' });
      assert.ok(Date.now() - started < 2000);
    });

    it('stops a batch when aborted and does not call onState afterwards', async () => {
      const controller = new AbortController();
      const calls: GitState[] = [];
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(readGitStates([repo, repo, repo], { concurrency: 1, signal: controller.signal, onState: (_d, s) => calls.push(s) }), {
        name: 'AbortError',
      });
      assert.equal(calls.length, 0);
    });
  });

  it('gives up within its deadline when .git/config is a FIFO that blocks git (as a hung share would)', async function () {
    if (process.platform === 'win32') this.skip(); // no FIFOs
    const repo = box.repo('stuck-config');
    commitFile(repo, 'a.txt', 'a', 'first');
    const config = path.join(repo, '.git/config');
    rmSync(config);
    execFileSync('mkfifo', [config]); // opening it blocks until someone writes, as a dead NFS server would; our reads refuse it, git waits
    const started = Date.now();
    try {
      const state = await readGitState(repo, { timeoutMs: 200 });
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      assert.match(state.error ?? '', /timed out after \d+ ms|did not finish within 200 ms/);
    } finally {
      // Frees a thread-pool thread blocked opening it; ENXIO means no reader waits (reads refuse FIFOs outright).
      try {
        closeSync(openSync(config, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENXIO') throw err;
      }
    }
  });

  it('reports a missing git binary as an error state', async () => {
    const repo = box.repo('no-git');
    commitFile(repo, 'a.txt', 'a', 'first');
    const saved = process.env.PATH;
    box.setEnv('PATH', box.path('empty-bin'));
    try {
      const state = await readGitState(repo);
      assert.match(state.error ?? '', /git/);
      assert.equal(state.branch, 'main');
    } finally {
      box.setEnv('PATH', saved);
    }
  });
});
