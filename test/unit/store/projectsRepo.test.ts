import assert from 'node:assert/strict';
import path from 'node:path';
import type { Project } from '../../../language-server/model';
import { loadProject, loadProjects, removeProject, saveProjects, saveScan } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { sampleProject, useTempDir } from './helpers';

const names = (projects: Project[]) => projects.map((p) => p.name);

describe('store: projects', () => {
  const tempDir = useTempDir();
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');
  let store: Store;

  beforeEach(async () => {
    store = (await Store.open(dbFile())).store;
  });
  afterEach(async () => {
    await store.close();
  });

  describe('bad input', () => {
    it('saves nothing of a scan that contains a project without a path', async () => {
      await saveProjects(store, [sampleProject('kept')]);
      const broken = { ...sampleProject('broken'), path: '' };
      await assert.rejects(saveScan(store, [sampleProject('new'), broken], ['/home/dev/code']), /without a path/);
      assert.deepEqual(names(await loadProjects(store)), ['kept']);
    });

    it('reads a row whose JSON was damaged, saying so in a finding instead of failing the list', async () => {
      await saveProjects(store, [sampleProject('a'), sampleProject('b')]);
      await store.write((db) => db.run("UPDATE projects SET stack = '{not json', children = '[1, 2]' WHERE name = 'a'"));
      const [a, b] = await loadProjects(store);
      assert.deepEqual(a?.stack, { languages: [], frameworks: [], packageManagers: [] });
      assert.deepEqual(a?.children, []);
      assert.deepEqual(
        a?.findings.filter((f) => f.code === 'store/unreadable').map((f) => f.message),
        ['The stored stack of this project could not be read; rescan it to refresh.', 'The stored children of this project could not be read; rescan it to refresh.'],
      );
      assert.deepEqual(b, sampleProject('b'));
    });

    it('treats an empty list of roots as "none" rather than "all"', async () => {
      await saveProjects(store, [sampleProject('a')]);
      assert.deepEqual(await loadProjects(store, { roots: [] }), []);
      assert.deepEqual((await saveScan(store, [], [])).removed, 0);
      assert.equal((await loadProjects(store)).length, 1);
    });
  });

  it('returns projects exactly as saved', async () => {
    const monorepo = sampleProject('mono', '/home/dev/code', { children: ['/home/dev/code/mono/packages/a'] });
    const member = sampleProject('a', '/home/dev/code', { path: '/home/dev/code/mono/packages/a', parent: '/home/dev/code/mono', git: null, findings: [] });
    const detached = sampleProject('detached', '/home/dev/code', {
      git: { ...sampleProject('x').git!, branch: null, detached: true, upstream: null, ahead: null, behind: null, lastCommit: null, error: 'broken ref' },
      stack: { languages: [], frameworks: [], packageManagers: [] },
      dependencies: { count: 0, manifests: [] },
    });
    const projects = [monorepo, member, detached];
    await saveProjects(store, projects);
    const sortedByPath = [...projects].sort((x, y) => x.path.localeCompare(y.path));
    assert.deepStrictEqual(await loadProjects(store), sortedByPath);
    const reopened = (await Store.open(dbFile())).store;
    assert.deepStrictEqual(await loadProjects(reopened), sortedByPath, 'and after a round trip through the file');
    assert.deepStrictEqual(await loadProject(reopened, member.path), member);
    assert.equal(await loadProject(reopened, '/nowhere'), null);
    await reopened.close();
  });

  it('saveScan removes only the vanished projects under the scanned roots', async () => {
    const code = '/home/dev/code';
    const work = '/home/dev/work';
    await saveScan(store, [sampleProject('a', code), sampleProject('b', code), sampleProject('c', code)], [code]);
    await saveScan(store, [sampleProject('w1', work), sampleProject('w2', work)], [work]);
    const result = await saveScan(store, [sampleProject('a', code), sampleProject('c', code, { name: 'c', stack: { languages: ['go'], frameworks: [], packageManagers: [] } }), sampleProject('d', code)], [code]);
    assert.deepEqual(result, { saved: 3, removed: 1 });
    assert.deepEqual(names(await loadProjects(store)), ['a', 'c', 'd', 'w1', 'w2']);
    assert.deepEqual(names(await loadProjects(store, { roots: [code] })), ['a', 'c', 'd']);
    assert.deepEqual((await loadProject(store, path.join(code, 'c')))?.stack.languages, ['go']);
  });

  it('saveScan of a root that now holds nothing empties that root only', async () => {
    await saveScan(store, [sampleProject('a', '/r1'), sampleProject('b', '/r2')], ['/r1', '/r2']);
    assert.deepEqual(await saveScan(store, [], ['/r1']), { saved: 0, removed: 1 });
    assert.deepEqual(names(await loadProjects(store)), ['b']);
  });

  it('saveProjects updates in place, keeping the id and what references it', async () => {
    await saveProjects(store, [sampleProject('a'), sampleProject('b')]);
    await store.write((db) => db.run("INSERT INTO project_metrics (project_id, recorded_at, health_score) SELECT id, 't', 80 FROM projects WHERE name = 'a'"));
    const before = await store.read((db) => db.exec("SELECT id, created_at FROM projects WHERE name = 'a'")[0]?.values);
    await saveProjects(store, [sampleProject('a', '/home/dev/code', { scannedAt: '2030-01-01T00:00:00.000Z' })]);
    assert.deepEqual(await store.read((db) => db.exec("SELECT id, created_at FROM projects WHERE name = 'a'")[0]?.values), before);
    assert.equal(await store.read((db) => db.exec('SELECT COUNT(*) FROM project_metrics')[0]?.values[0]?.[0]), 1);
    assert.deepEqual(names(await loadProjects(store)), ['a', 'b'], 'and leaves the others alone');
  });

  it('removeProject removes the project and what was recorded about it', async () => {
    await saveProjects(store, [sampleProject('a'), sampleProject('b')]);
    await store.write((db) => db.run("INSERT INTO issues (project_id, source, severity, message, fingerprint, created_at) SELECT id, 'lint', 'warning', 'm', 'f', 't' FROM projects WHERE name = 'a'"));
    assert.equal(await removeProject(store, '/home/dev/code/a'), true);
    assert.equal(await removeProject(store, '/home/dev/code/a'), false);
    assert.deepEqual(names(await loadProjects(store)), ['b']);
    assert.equal(await store.read((db) => db.exec('SELECT COUNT(*) FROM issues')[0]?.values[0]?.[0]), 0);
  });
});
