import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit, listAudit } from '../../../language-server/store/auditLog';
import { StoreError } from '../../../language-server/store/errors';
import { loadProjects, saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { listDir, makeImmutable, sampleProject, undoImmutable, useTempDir } from './helpers';

const count = (store: Store) => store.read((db) => Number(db.exec('SELECT COUNT(*) FROM audit_log')[0]?.values[0]?.[0]));

describe('store: Store', () => {
  const tempDir = useTempDir();
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');

  describe('bad callbacks', () => {
    it('rolls a write back when its callback throws, and passes the error on', async () => {
      const { store } = await Store.open(dbFile());
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' });
      const before = fs.readFileSync(dbFile());
      await assert.rejects(
        store.write((db) => {
          db.run("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'half', 'x', 't', 'ok')");
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await count(store), 1);
      assert.deepEqual(fs.readFileSync(dbFile()), before, 'a failed write does not touch the file');
      await store.close();
    });

    it('rolls back a write whose SQL is invalid', async () => {
      const { store } = await Store.open(':memory:');
      await assert.rejects(store.write((db) => db.run('INSERT INTO no_such_table VALUES (1)')), /no such table/);
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' });
      assert.equal(await count(store), 1);
      await store.close();
    });

    it('refuses a write from inside read()', async () => {
      const { store } = await Store.open(':memory:');
      await assert.rejects(
        store.read((db) => db.run("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'a', 'x', 't', 'ok')")),
        /readonly/,
      );
      await appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' }); // and is still usable
      assert.equal(await count(store), 1);
      await store.close();
    });

    it('refuses asynchronous callbacks, changing nothing', async () => {
      const { store } = await Store.open(':memory:');
      await assert.rejects(
        store.write(async (db) => db.run("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'a', 'x', 't', 'ok')")),
        (error: unknown) => error instanceof StoreError && error.code === 'bad-callback',
      );
      await assert.rejects(store.read(async () => 1), /synchronous/);
      assert.equal(await count(store), 0);
      await store.close();
    });

    it('rejects every call after close', async () => {
      const { store } = await Store.open(':memory:');
      await store.close();
      await store.close();
      await assert.rejects(count(store), (error: unknown) => error instanceof StoreError && error.code === 'closed');
      await assert.rejects(appendAudit(store, { actor: 'a', action: 'x', target: 't', outcome: 'ok' }), /closed/);
    });
  });

  it('reports a failed save and keeps memory in line with the file', async function () {
    const { store } = await Store.open(dbFile());
    await appendAudit(store, { actor: 'saved', action: 'x', target: 't', outcome: 'ok' });
    // An immutable database file: the lock can be taken but the rename onto the file fails, even for root.
    if (!makeImmutable(dbFile())) this.skip();
    try {
      await assert.rejects(appendAudit(store, { actor: 'lost', action: 'x', target: 't', outcome: 'ok' }), /Could not save the Optimus database.*The change was not saved/s);
      assert.deepEqual((await listAudit(store)).map((r) => r.actor), ['saved'], 'the unsaved row must not linger in memory');
      assert.deepEqual(listDir(tempDir()), ['optimus.sqlite'], 'no temp or lock file left');
    } finally {
      undoImmutable(dbFile());
    }
    await appendAudit(store, { actor: 'later', action: 'x', target: 't', outcome: 'ok' });
    assert.deepEqual((await listAudit(store)).map((r) => r.actor), ['later', 'saved']);
    await store.close();
  });

  it('in memory (":memory:") never touches the disk', async () => {
    const cwd = process.cwd();
    process.chdir(tempDir());
    try {
      const { store, recovered } = await Store.open(':memory:');
      assert.equal(recovered, undefined);
      assert.equal(store.inMemory, true);
      await saveProjects(store, [sampleProject('a')]);
      assert.equal((await loadProjects(store)).length, 1);
      await store.close();
      assert.deepEqual(listDir(tempDir()), []);
    } finally {
      process.chdir(cwd);
    }
  });

  it('sees what another store on the same file saved', async () => {
    const { store: one } = await Store.open(dbFile());
    const { store: two } = await Store.open(dbFile());
    await appendAudit(one, { actor: 'one', action: 'x', target: 't', outcome: 'ok' });
    assert.equal(await count(two), 1);
    await appendAudit(two, { actor: 'two', action: 'x', target: 't', outcome: 'ok' });
    assert.deepEqual((await listAudit(one)).map((r) => r.actor), ['two', 'one']);
    await Promise.all([one.close(), two.close()]);
  });

  it('runs calls in order, so concurrent writes from one store all land', async () => {
    const { store } = await Store.open(dbFile());
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(store, { actor: `a${i}`, action: 'x', target: 't', outcome: 'ok' })));
    const actors = (await listAudit(store, { limit: 100 })).map((r) => r.actor).reverse();
    assert.deepEqual(actors, Array.from({ length: 50 }, (_, i) => `a${i}`));
    await store.close();
    assert.deepEqual(listDir(tempDir()), ['optimus.sqlite']);
  });

  it('keeps foreign keys on after a save (sql.js reopens the connection when it exports)', async () => {
    const { store } = await Store.open(dbFile());
    await saveProjects(store, [sampleProject('a')]);
    await assert.rejects(
      store.write((db) => db.run("INSERT INTO project_metrics (project_id, recorded_at) VALUES (9999, 't')")),
      /FOREIGN KEY constraint failed/,
    );
    await store.close();
  });
});
