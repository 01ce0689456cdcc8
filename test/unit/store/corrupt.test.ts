import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit, listAudit } from '../../../language-server/store/auditLog';
import { StoreError } from '../../../language-server/store/errors';
import { loadProjects, saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import type { StoreProblem } from '../../../language-server/store/store';
import { databaseBytes, isRoot, listDir, makeImmutable, sampleProject, undoImmutable, useTempDir } from './helpers';

const FIXED_NOW = new Date('2024-05-06T07:08:09.123Z');
const MOVED_SUFFIX = '.corrupt-2024-05-06T070809.123Z';

describe('store: damaged or unusable database file', () => {
  const tempDir = useTempDir();
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');

  /** Opens a file holding `bytes` and checks it was moved aside intact and replaced by a working database. */
  async function expectMovedAside(bytes: Uint8Array, reasonPattern: RegExp): Promise<void> {
    fs.writeFileSync(dbFile(), bytes);
    const { store, recovered } = await Store.open(dbFile(), { now: () => FIXED_NOW });
    assert.ok(recovered, 'expected a recovery report');
    assert.equal(recovered.movedTo, dbFile() + MOVED_SUFFIX);
    assert.equal(recovered.inMemory, false);
    assert.match(recovered.reason, reasonPattern);
    assert.match(recovered.reason, /moved to .*corrupt-/);
    assert.deepEqual(fs.readFileSync(recovered.movedTo), Buffer.from(bytes), 'the damaged file must be kept byte for byte');
    await saveProjects(store, [sampleProject('after-recovery')]);
    assert.deepEqual((await loadProjects(store)).map((p) => p.name), ['after-recovery']);
    await store.close();
    const reopened = await Store.open(dbFile());
    assert.equal(reopened.recovered, undefined, 'the fresh file must open cleanly');
    assert.equal((await loadProjects(reopened.store)).length, 1);
    await reopened.store.close();
  }

  it('moves aside a file of garbage bytes', async () => {
    await expectMovedAside(Buffer.from('this is not a database\n'.repeat(200)), /not a SQLite database/);
  });

  it('moves aside a truncated real database', async () => {
    const bytes = await databaseBytes(3, `INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'a', 'b', 'c', 'ok');`);
    await expectMovedAside(bytes.slice(0, Math.floor(bytes.length / 2)), /cannot be read by SQLite|failed the SQLite/);
  });

  it('moves aside a database whose pages were scribbled over', async () => {
    const bytes = Buffer.from(await databaseBytes(3));
    bytes.fill(0xab, 4096 + 200, 4096 * 3);
    await expectMovedAside(bytes, /malformed|failed the SQLite/);
  });

  it('moves aside a zero-byte file', async () => {
    await expectMovedAside(new Uint8Array(0), /empty \(0 bytes\)/);
  });

  it('moves aside a file too short to hold the SQLite header', async () => {
    await expectMovedAside(Buffer.from('SQLite'), /not a SQLite database/);
  });

  it('moves aside a folder sitting where the database file should be (unreadable as a file)', async () => {
    fs.mkdirSync(dbFile());
    fs.writeFileSync(path.join(dbFile(), 'inside.txt'), 'keep me');
    const { store, recovered } = await Store.open(dbFile(), { now: () => FIXED_NOW });
    assert.ok(recovered?.movedTo);
    assert.match(recovered.reason, /not a regular file/);
    assert.equal(fs.readFileSync(path.join(recovered.movedTo, 'inside.txt'), 'utf8'), 'keep me');
    await appendAudit(store, { actor: 'test', action: 'a', target: 't', outcome: 'ok' });
    assert.ok(fs.statSync(dbFile()).isFile());
    await store.close();
  });

  it('moves aside a file it has no permission to read (chmod 000; skipped when running as root, who can read it anyway)', async function () {
    if (isRoot()) this.skip();
    fs.writeFileSync(dbFile(), await databaseBytes(3));
    fs.chmodSync(dbFile(), 0o000);
    const { store, recovered } = await Store.open(dbFile(), { now: () => FIXED_NOW });
    assert.ok(recovered?.movedTo);
    assert.match(recovered.reason, /cannot be read/);
    await store.close();
  });

  it('never overwrites an earlier moved-aside copy with the same name', async () => {
    fs.writeFileSync(dbFile() + MOVED_SUFFIX, 'first damaged copy');
    fs.writeFileSync(dbFile(), 'second damaged copy');
    const { store, recovered } = await Store.open(dbFile(), { now: () => FIXED_NOW });
    assert.equal(recovered?.movedTo, dbFile() + MOVED_SUFFIX + '-2');
    assert.equal(fs.readFileSync(dbFile() + MOVED_SUFFIX, 'utf8'), 'first damaged copy');
    assert.equal(fs.readFileSync(dbFile() + MOVED_SUFFIX + '-2', 'utf8'), 'second damaged copy');
    await store.close();
  });

  it('works in memory and says so when a damaged file cannot be moved aside (immutable file)', async function () {
    fs.writeFileSync(dbFile(), 'garbage that cannot be moved');
    if (!makeImmutable(dbFile())) this.skip(); // chattr +i is the one thing that stops root from renaming a file
    try {
      const { store, recovered } = await Store.open(dbFile(), { now: () => FIXED_NOW });
      assert.ok(recovered);
      assert.equal(recovered.movedTo, null);
      assert.equal(recovered.inMemory, true);
      assert.match(recovered.reason, /could not be moved aside.*in-memory database.*nothing will be saved/s);
      assert.equal(store.inMemory, true);
      await appendAudit(store, { actor: 'test', action: 'a', target: 't', outcome: 'ok' });
      assert.equal((await listAudit(store)).length, 1);
      await store.close();
      assert.equal(fs.readFileSync(dbFile(), 'utf8'), 'garbage that cannot be moved');
    } finally {
      undoImmutable(dbFile());
    }
  });

  it('opens a good file read-only when no lock file can be created next to it (immutable folder)', async function () {
    const first = await Store.open(dbFile());
    await saveProjects(first.store, [sampleProject('kept')]);
    await first.store.close();
    if (!makeImmutable(tempDir())) this.skip();
    try {
      const { store, recovered } = await Store.open(dbFile());
      assert.equal(recovered, undefined);
      assert.match(store.readOnlyReason ?? '', /lock file.*read-only/s);
      assert.deepEqual((await loadProjects(store)).map((p) => p.name), ['kept']);
      await assert.rejects(saveProjects(store, [sampleProject('new')]), (error: unknown) => error instanceof StoreError && error.code === 'read-only');
      await store.close();
    } finally {
      undoImmutable(tempDir());
    }
  });

  it('works in memory when the folder cannot be created at all (a file is in the way)', async () => {
    fs.writeFileSync(path.join(tempDir(), 'blocker'), 'a file, not a folder');
    const { store, recovered } = await Store.open(path.join(tempDir(), 'blocker', 'optimus.sqlite'));
    assert.equal(recovered?.inMemory, true);
    assert.match(recovered?.reason ?? '', /folder cannot be created/);
    await appendAudit(store, { actor: 'test', action: 'a', target: 't', outcome: 'ok' });
    await store.close();
  });

  describe('a file damaged by someone else while the store is open', () => {
    it('keeps serving the last good data to reads, reporting the problem once', async () => {
      const problems: StoreProblem[] = [];
      const { store } = await Store.open(dbFile(), { onProblem: (problem) => problems.push(problem) });
      await saveProjects(store, [sampleProject('a')]);
      fs.writeFileSync(dbFile(), 'scribbled by another program');
      assert.deepEqual((await loadProjects(store)).map((p) => p.name), ['a']);
      assert.deepEqual((await loadProjects(store)).map((p) => p.name), ['a']);
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.message ?? '', /not a SQLite database.*moved aside on the next save/s);
      await store.close();
    });

    it('moves it aside on the next write and saves the data it held in its place', async () => {
      const problems: StoreProblem[] = [];
      const { store } = await Store.open(dbFile(), { now: () => FIXED_NOW, onProblem: (problem) => problems.push(problem) });
      await saveProjects(store, [sampleProject('a')]);
      fs.writeFileSync(dbFile(), new Uint8Array(0));
      await saveProjects(store, [sampleProject('b')]);
      assert.equal(problems.at(-1)?.movedTo, dbFile() + MOVED_SUFFIX);
      assert.equal(fs.statSync(dbFile() + MOVED_SUFFIX).size, 0);
      const other = await Store.open(dbFile());
      assert.equal(other.recovered, undefined);
      assert.deepEqual((await loadProjects(other.store)).map((p) => p.name), ['a', 'b']);
      await Promise.all([store.close(), other.store.close()]);
    });

    it('keeps working when the file is deleted, and writes it back on the next save', async () => {
      const { store } = await Store.open(dbFile());
      await saveProjects(store, [sampleProject('a')]);
      fs.rmSync(dbFile());
      assert.equal((await loadProjects(store)).length, 1);
      await saveProjects(store, [sampleProject('b')]);
      assert.ok(listDir(tempDir()).includes('optimus.sqlite'));
      await store.close();
    });
  });
});
