import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storePersistence } from '../../../language-server/store/indexPersistence';
import { lockPathFor } from '../../../language-server/store/lock';
import { LATEST_VERSION } from '../../../language-server/store/migrations';
import { openStore } from '../../../language-server/store/openStore';
import { loadProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import type { StoreProblem } from '../../../language-server/store/store';
import { databaseBytes, sampleProject, useTempDir } from './helpers';

describe('store: openStore and the project index adapter', () => {
  const tempDir = useTempDir();
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');

  describe('bad input', () => {
    it('openStore tells why it moved a damaged file aside and still returns a working store', async () => {
      fs.writeFileSync(dbFile(), 'garbage');
      const messages: string[] = [];
      const store = await openStore(dbFile(), (message) => messages.push(message));
      assert.ok(store);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /not a SQLite database.*moved to/s);
      await storePersistence(store).saveScan([sampleProject('a')], ['/home/dev/code']);
      assert.equal((await loadProjects(store)).length, 1);
      await store.close();
    });

    it('openStore tells about a read-only file, and saves through the adapter skip it without failing', async () => {
      fs.writeFileSync(dbFile(), await databaseBytes(LATEST_VERSION, `INSERT INTO schema_version VALUES (${LATEST_VERSION + 1}, 'future', 'x');`));
      const before = fs.readFileSync(dbFile());
      const messages: string[] = [];
      const store = await openStore(dbFile(), (message) => messages.push(message));
      assert.ok(store);
      assert.match(messages.join('\n'), /newer Optimus/);
      const persistence = storePersistence(store);
      await persistence.saveScan([sampleProject('a')], ['/home/dev/code']);
      await persistence.save([sampleProject('b')]);
      await persistence.remove(['/home/dev/code/a']);
      assert.equal(messages.length, 1, 'told once, at open');
      assert.deepEqual(fs.readFileSync(dbFile()), before);
      await store.close();
    });

    it('adapter saves never reject (remove is not awaited by the index); failures go to the problem listener', async () => {
      const problems: StoreProblem[] = [];
      const { store } = await Store.open(dbFile(), { lock: { timeoutMs: 50 }, onProblem: (problem) => problems.push(problem) });
      fs.writeFileSync(lockPathFor(dbFile()), JSON.stringify({ pid: process.pid, host: os.hostname(), at: 'now', token: 'other' }));
      const persistence = storePersistence(store);
      await persistence.remove(['/x']);
      await persistence.save([sampleProject('a')]);
      assert.equal(problems.length, 2);
      assert.match(problems[0]?.message ?? '', /Could not save the removal of projects: Timed out/);
      fs.rmSync(lockPathFor(dbFile()));
      await store.close();
    });
  });

  it('openStore uses $OPTIMUS_HOME when given no path', async () => {
    const saved = process.env.OPTIMUS_HOME;
    process.env.OPTIMUS_HOME = path.join(tempDir(), 'home');
    try {
      const store = await openStore(undefined, () => assert.fail('no message expected'));
      assert.equal(store?.file, path.join(tempDir(), 'home', 'optimus.sqlite'));
      assert.ok(fs.existsSync(path.join(tempDir(), 'home', 'optimus.sqlite')));
      await store?.close();
    } finally {
      if (saved === undefined) delete process.env.OPTIMUS_HOME;
      else process.env.OPTIMUS_HOME = saved;
    }
  });

  it('the adapter loads, saves a scan, saves single projects and removes', async () => {
    const store = await openStore(dbFile(), () => assert.fail('no message expected'));
    assert.ok(store);
    const persistence = storePersistence(store);
    await persistence.saveScan([sampleProject('a'), sampleProject('b')], ['/home/dev/code']);
    await persistence.save([sampleProject('c', '/elsewhere')]);
    await persistence.remove(['/home/dev/code/a', '/not/stored']);
    assert.deepEqual((await persistence.load()).map((p) => p.path), ['/elsewhere/c', '/home/dev/code/b']);
    await store.close();
  });
});
