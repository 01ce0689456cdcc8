import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setStartCommand } from '../../../language-server/orchestrator/projectSettings';
import { resolveStartCommand } from '../../../language-server/orchestrator/startCommand/resolve';
import { LATEST_VERSION, MIGRATIONS } from '../../../language-server/store/migrations';
import { loadProjectSettings, saveProjectSettings } from '../../../language-server/store/projectSettingsRepo';
import { loadProjects, saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { loadSqlJs } from '../../../language-server/store/wasm';
import { databaseBytes, sampleProject } from '../../unit/store/helpers';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

const PACKAGE = JSON.stringify({ scripts: { dev: 'vite', start: 'vite preview' } });

describe('start command: overrides in the store and in .optimus.json', () => {
  const tempDir = useTempDir('start-overrides');
  const project = () => path.join(tempDir(), 'app');
  const dbFile = () => path.join(tempDir(), 'db', 'optimus.sqlite');

  describe('bad input first', () => {
    it('refuses a command that cannot be one, and stores nothing', async () => {
      const { store } = await Store.open(':memory:');
      for (const bad of ['', '   ', 'npm run dev\nrm -rf ~', 'x'.repeat(5000)]) {
        await assert.rejects(setStartCommand(store, project(), bad), /^Error: The start command (is empty|must be one line|is 5000 characters)/);
      }
      assert.equal(await loadProjectSettings(store, project()), null);
      await store.close();
    });

    it('resolves from the files, with a finding, when the store cannot answer (a SQLite file that is not ours)', async () => {
      await writeTree(project(), { 'package.json': PACKAGE });
      const SQL = await loadSqlJs();
      const foreign = new SQL.Database();
      foreign.exec('CREATE TABLE customers (id INTEGER)');
      fs.mkdirSync(path.dirname(dbFile()), { recursive: true });
      fs.writeFileSync(dbFile(), foreign.export());
      foreign.close();
      const { store } = await Store.open(dbFile());
      const resolved = await resolveStartCommand(project(), undefined, store);
      assert.deepEqual([resolved.command, resolved.source], ['npm run dev', 'package.json script dev']);
      assert.equal(resolved.findings[0]?.code, 'settings/unreadable');
      assert.match(resolved.findings[0]?.message ?? '', /cannot be read .*no such table: project_settings/);
      await store.close();
    });

    it('uses detection when .optimus.json start is of the wrong type, and says so', async () => {
      await writeTree(project(), { 'package.json': PACKAGE, '.optimus.json': '{ "start": ["npm", "run", "dev"] }' });
      const resolved = await resolveStartCommand(project(), undefined, null);
      assert.deepEqual([resolved.command, resolved.source], ['npm run dev', 'package.json script dev']);
      assert.equal(resolved.findings[0]?.code, 'config/wrong-type');
    });
  });

  it('store override > .optimus.json > detected, each with its source, port and kind', async () => {
    await writeTree(project(), { 'package.json': PACKAGE, 'compose.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n' });
    const { store } = await Store.open(':memory:');
    const detected = await resolveStartCommand(project(), undefined, store);
    assert.deepEqual([detected.command, detected.source, detected.kind, detected.expectedPort, detected.cwd], ['npm run dev', 'package.json script dev', 'process', 5173, project()]);
    assert.deepEqual(detected.candidates.map((c) => c.command), ['npm run dev', 'npm run start', 'docker compose up']);

    await writeTree(project(), { '.optimus.json': JSON.stringify({ start: 'npm run dev -- --port 4000', env: 'development', deploy: 'fly deploy' }) });
    const fromFile = await resolveStartCommand(project(), undefined, store);
    assert.deepEqual([fromFile.command, fromFile.source, fromFile.kind, fromFile.expectedPort], ['npm run dev -- --port 4000', '.optimus.json', 'process', 4000]);

    await setStartCommand(store, project(), 'docker compose up --build');
    const saved = await resolveStartCommand(project(), undefined, store);
    assert.deepEqual([saved.command, saved.source, saved.kind], ['docker compose up --build', 'settings', 'compose']);
    assert.equal(saved.candidates.length, 3, 'the detected ones are still offered');

    await setStartCommand(store, project(), 'npm run start');
    const known = await resolveStartCommand(project(), undefined, store);
    assert.deepEqual([known.command, known.expectedPort], ['npm run start', 4173], 'a chosen command that was detected keeps its port');

    await setStartCommand(store, project() + '/', null);
    assert.equal((await resolveStartCommand(project(), undefined, store)).source, '.optimus.json', 'cleared: back to the file');
    await store.close();
  });

  it('says so when nothing is set and nothing is found', async () => {
    fs.mkdirSync(project());
    const resolved = await resolveStartCommand(project(), [], null);
    assert.deepEqual(resolved, { command: null, cwd: project(), source: 'none', kind: 'process', candidates: [], findings: [] });
  });

  it('keeps a saved command in the database file across stores and processes', async () => {
    await writeTree(project(), { 'package.json': PACKAGE });
    const first = (await Store.open(dbFile())).store;
    const second = (await Store.open(dbFile())).store;
    await setStartCommand(first, project(), '  make dev  ');
    await saveProjectSettings(second, project(), { deployCommand: 'fly deploy', keepRunning: true });
    await first.close();
    await second.close();
    const reopened = (await Store.open(dbFile())).store;
    const settings = await loadProjectSettings(reopened, project());
    assert.deepEqual(settings && { ...settings, updatedAt: 'x' }, { path: project(), startCommand: 'make dev', envProfile: null, deployCommand: 'fly deploy', keepRunning: true, updatedAt: 'x' });
    assert.equal((await resolveStartCommand(project(), undefined, reopened)).command, 'make dev');
    await reopened.close();
  });

  it('deletes the row once nothing is chosen any more', async () => {
    const { store } = await Store.open(':memory:');
    await setStartCommand(store, project(), 'make dev');
    assert.equal(await saveProjectSettings(store, project(), { startCommand: null }), null);
    assert.deepEqual(await store.read((db) => db.exec('SELECT COUNT(*) FROM project_settings')[0]?.values), [[0]]);
    await store.close();
  });

  describe('migration step', () => {
    it('adds project_settings to a database file written by the previous steps only', async () => {
      // The file as the steps before "project settings" left it (later steps came after and do not matter here).
      const before = MIGRATIONS.findIndex((m) => m.name === 'project settings');
      assert.equal(MIGRATIONS[before]?.version, before + 1, 'this test is about the step that adds project_settings');
      const SQL = await loadSqlJs();
      const older = await databaseBytes(before);
      const check = new SQL.Database(older);
      assert.deepEqual(check.exec("SELECT name FROM sqlite_master WHERE name = 'project_settings'"), [], 'the older file has no such table');
      check.close();
      fs.mkdirSync(path.dirname(dbFile()), { recursive: true });
      fs.writeFileSync(dbFile(), older);

      const { store, recovered } = await Store.open(dbFile());
      assert.equal(recovered, undefined);
      await saveProjects(store, [sampleProject('kept')]);
      await setStartCommand(store, project(), 'npm run dev');
      await store.close();

      const onDisk = new SQL.Database(fs.readFileSync(dbFile()));
      assert.deepEqual(onDisk.exec('SELECT MAX(version) FROM schema_version')[0]?.values, [[LATEST_VERSION]]);
      assert.deepEqual(onDisk.exec('SELECT path, start_command, env_profile, deploy_command, keep_running FROM project_settings')[0]?.values, [[project(), 'npm run dev', null, null, 0]]);
      onDisk.close();
      const again = (await Store.open(dbFile())).store;
      assert.deepEqual((await loadProjects(again)).map((p) => p.name), ['kept']);
      await again.close();
    });

    it('keeps the rows of an older file (projects, audit log) when it migrates', async () => {
      fs.mkdirSync(path.dirname(dbFile()), { recursive: true });
      const sql = "INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('2024-01-01T00:00:00.000Z', 'cli', 'start', '/p', 'ok');";
      fs.writeFileSync(dbFile(), await databaseBytes(LATEST_VERSION - 1, sql));
      const { store } = await Store.open(dbFile());
      assert.deepEqual(await store.read((db) => db.exec('SELECT actor FROM audit_log')[0]?.values), [['cli']]);
      assert.equal(await loadProjectSettings(store, project()), null);
      await store.close();
    });
  });
});
