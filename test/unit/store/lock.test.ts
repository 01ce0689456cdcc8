import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../../../language-server/store/errors';
import { acquireLock, lockPathFor } from '../../../language-server/store/lock';
import { appendAudit, listAudit } from '../../../language-server/store/auditLog';
import { Store } from '../../../language-server/store/store';
import { deadPid, useTempDir } from './helpers';

function writeLock(lockPath: string, info: object | string, ageMs = 0): void {
  fs.writeFileSync(lockPath, typeof info === 'string' ? info : JSON.stringify(info));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(lockPath, at, at);
}

function lockInfo(pid: number, host = os.hostname()): object {
  return { pid, host, at: '2024-05-06T07:08:09.000Z', token: 'someone-else' };
}

describe('store: cross-process lock', () => {
  const tempDir = useTempDir();
  const lockPath = () => lockPathFor(path.join(tempDir(), 'optimus.sqlite'));

  it('creates the lock file with our pid and removes it on release', async () => {
    const lock = await acquireLock(lockPath());
    const info = JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as { pid: number; host: string };
    assert.equal(info.pid, process.pid);
    assert.equal(info.host, os.hostname());
    await lock.release();
    await lock.release(); // twice is harmless
    assert.equal(fs.existsSync(lockPath()), false);
    assert.deepEqual(fs.readdirSync(tempDir()), [], 'the temp file the lock was linked from is gone too');
  });

  it('makes a second taker wait until the first releases', async () => {
    const first = await acquireLock(lockPath());
    let secondGotIt = false;
    const second = acquireLock(lockPath()).then((lock) => {
      secondGotIt = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(secondGotIt, false);
    await first.release();
    await (await second).release();
    assert.equal(secondGotIt, true);
  });

  it('fails with a clear message naming the holder and the lock file when it times out', async () => {
    writeLock(lockPath(), lockInfo(process.pid)); // a live holder: this very process
    await assert.rejects(acquireLock(lockPath(), { timeoutMs: 200 }), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.equal(error.code, 'lock-timeout');
      assert.match(error.message, /Timed out after 200 ms/);
      assert.ok(error.message.includes(lockPath()), error.message);
      assert.match(error.message, new RegExp(`held by process ${process.pid} on .* since 2024-05-06T07:08:09.000Z`));
      assert.match(error.message, /delete that lock file/);
      return true;
    });
    assert.ok(fs.existsSync(lockPath()), 'a live lock is never removed');
  });

  it('says so when the lock file it waited for had no readable owner', async () => {
    writeLock(lockPath(), '');
    await assert.rejects(acquireLock(lockPath(), { timeoutMs: 100 }), /empty or unreadable/);
  });

  it('takes over an empty lock after a second, as one left by a writer killed between create and fill', async () => {
    writeLock(lockPath(), '', 1_500);
    // Giving up after 2 s, long before the 30 s age bound: getting the lock at all proves it did not wait for age.
    const lock = await acquireLock(lockPath(), { timeoutMs: 2000, staleMs: 30_000 });
    assert.equal((JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as { pid: number }).pid, process.pid);
    await lock.release();
  });

  it('takes over a lock whose holder process is dead', async () => {
    writeLock(lockPath(), lockInfo(deadPid()));
    // Giving up after 2 s, long before the 30 s age bound: getting the lock proves the dead pid was enough.
    const lock = await acquireLock(lockPath(), { timeoutMs: 2000, staleMs: 30_000 });
    assert.equal((JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as { pid: number }).pid, process.pid);
    await lock.release();
    assert.deepEqual(fs.readdirSync(tempDir()), [], 'the stale lock is not left lying around');
  });

  it('takes over a lock older than the bound even if its holder looks alive', async () => {
    writeLock(lockPath(), lockInfo(process.pid), 60_000);
    const lock = await acquireLock(lockPath(), { timeoutMs: 2000, staleMs: 30_000 });
    await lock.release();
  });

  it('takes over an old lock with garbage content', async () => {
    writeLock(lockPath(), '\u0000\u0001not json', 60_000);
    const lock = await acquireLock(lockPath(), { timeoutMs: 2000, staleMs: 30_000 });
    await lock.release();
  });

  it('does not trust a pid written by another host', async () => {
    writeLock(lockPath(), lockInfo(deadPid(), 'some-other-host.example'));
    await assert.rejects(acquireLock(lockPath(), { timeoutMs: 150 }), /some-other-host/);
  });

  it('does not remove a lock that was taken over from it', async () => {
    const lock = await acquireLock(lockPath());
    writeLock(lockPath(), lockInfo(process.pid)); // someone else now holds it
    await lock.release();
    assert.ok(fs.existsSync(lockPath()));
  });

  it('lets many waiters in one process through one at a time, with no lost write', async () => {
    const { store: a } = await Store.open(path.join(tempDir(), 'optimus.sqlite'));
    const { store: b } = await Store.open(path.join(tempDir(), 'optimus.sqlite'));
    const writes = Array.from({ length: 40 }, (_, i) => appendAudit(i % 2 ? a : b, { actor: `w${i}`, action: 'x', target: 't', outcome: 'ok' }));
    await Promise.all(writes);
    assert.equal((await listAudit(a, { limit: 1000 })).length, 40);
    await Promise.all([a.close(), b.close()]);
    assert.equal(fs.existsSync(lockPath()), false);
  });

  it('a store write times out with the clear message while another holds the lock', async () => {
    const { store } = await Store.open(path.join(tempDir(), 'optimus.sqlite'), { lock: { timeoutMs: 150 } });
    writeLock(lockPath(), lockInfo(process.pid));
    await assert.rejects(appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' }), /Timed out after 150 ms waiting for the Optimus database lock/);
    fs.rmSync(lockPath());
    await appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' });
    await store.close();
  });
});
