import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { appendAudit } from '../../../language-server/store/auditLog';
import { StoreError } from '../../../language-server/store/errors';
import { inspectSchema, LATEST_VERSION, migrate, MIGRATIONS } from '../../../language-server/store/migrations';
import type { Migration } from '../../../language-server/store/migrations';
import { loadProjects, saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { loadSqlJs } from '../../../language-server/store/wasm';
import { databaseBytes, sampleProject, useTempDir } from './helpers';

const ALL_TABLES = ['analysis_cache', 'api_tokens', 'audit_log', 'diagnoses', 'fix_outcomes', 'issues', 'monetization_opportunities', 'patterns', 'project_metrics', 'project_settings', 'projects', 'roi_entries', 'roi_settings', 'runtime_status', 'schema_version'];

function tables(db: Database): string[] {
  const rows = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? [];
  return rows.map((row) => String(row[0]));
}

function versions(db: Database): number[] {
  return (db.exec('SELECT version FROM schema_version ORDER BY version')[0]?.values ?? []).map((row) => Number(row[0]));
}

async function emptyDatabase(): Promise<Database> {
  return new (await loadSqlJs()).Database();
}

describe('store: migrations', () => {
  const tempDir = useTempDir();
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');

  it('numbers its steps 1, 2, 3, ... with no gaps', () => {
    assert.deepEqual(
      MIGRATIONS.map((m) => m.version),
      MIGRATIONS.map((_, i) => i + 1),
    );
    assert.equal(LATEST_VERSION, MIGRATIONS.length);
  });

  it('builds every table from an empty database and records each step', async () => {
    const db = await emptyDatabase();
    assert.deepEqual(migrate(db), { from: 0, to: LATEST_VERSION });
    assert.deepEqual(tables(db), ALL_TABLES);
    assert.deepEqual(versions(db), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(migrate(db), { from: LATEST_VERSION, to: LATEST_VERSION }, 'running again does nothing');
    db.close();
  });

  it('rolls back every step of a run when one fails', async () => {
    const db = await emptyDatabase();
    const failing: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'broken', up: (d) => d.exec('CREATE TABLE projects (x)') }];
    assert.throws(() => migrate(db, LATEST_VERSION + 1, new Date(), failing), /migration step \d+ \(broken\) failed/);
    assert.deepEqual(tables(db), [], 'nothing of the earlier steps in the same run may remain');
    db.close();
  });

  it('refuses to migrate a SQLite database that is not an Optimus one', async () => {
    const db = await emptyDatabase();
    db.exec('CREATE TABLE customers (id INTEGER)');
    assert.deepEqual(inspectSchema(db), { kind: 'foreign', tables: ['customers'] });
    assert.throws(() => migrate(db), /Not an Optimus database/);
    db.close();
  });

  it('opens a missing file as a new database at the latest version', async () => {
    const { store } = await Store.open(dbFile());
    assert.equal(await store.read((db) => inspectSchema(db)).then((s) => (s.kind === 'optimus' ? s.version : -1)), LATEST_VERSION);
    assert.ok(fs.existsSync(dbFile()), 'the new database is saved at once');
    await store.close();
  });

  it('migrates a file written by an older version forward, keeping its data, and saves it', async () => {
    const older = await databaseBytes(1, "INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('2024-01-01T00:00:00.000Z', 'cli', 'start', '/p', 'ok');");
    fs.writeFileSync(dbFile(), older);
    const { store, recovered } = await Store.open(dbFile());
    assert.equal(recovered, undefined);
    const after = await store.read((db) => ({ tables: tables(db), versions: versions(db), audit: db.exec('SELECT actor FROM audit_log')[0]?.values }));
    assert.deepEqual(after.tables, ALL_TABLES);
    assert.deepEqual(after.versions, MIGRATIONS.map((m) => m.version));
    assert.deepEqual(after.audit, [['cli']]);
    await store.close();
    const onDisk = new (await loadSqlJs()).Database(fs.readFileSync(dbFile()));
    assert.deepEqual(versions(onDisk), MIGRATIONS.map((m) => m.version), 'the migrated database is saved');
    onDisk.close();
  });

  it('migrates each intermediate version forward', async () => {
    for (let steps = 0; steps < LATEST_VERSION; steps++) {
      fs.writeFileSync(dbFile(), await databaseBytes(steps));
      const { store } = await Store.open(dbFile());
      await saveProjects(store, [sampleProject(`from-${steps}`)]);
      assert.equal((await loadProjects(store)).length, 1);
      await store.close();
      fs.rmSync(dbFile());
    }
  });

  describe('a file from a newer Optimus', () => {
    const NEWER = LATEST_VERSION + 5;
    const newerSql = `INSERT INTO schema_version (version, name, applied_at) VALUES (${NEWER}, 'from the future', '2030-01-01');
      CREATE TABLE future_things (id INTEGER);
      INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('2030-01-01T00:00:00.000Z', 'future', 'x', 'y', 'ok');`;

    it('opens read-only with a clear reason, still answers reads, refuses writes and leaves the file untouched', async () => {
      fs.writeFileSync(dbFile(), await databaseBytes(LATEST_VERSION, newerSql));
      const before = fs.readFileSync(dbFile());
      const statBefore = fs.statSync(dbFile());
      const { store, recovered } = await Store.open(dbFile());
      assert.equal(recovered, undefined);
      assert.match(store.readOnlyReason ?? '', new RegExp(`newer Optimus \\(schema version ${NEWER}; this one knows up to ${LATEST_VERSION}\\).*read-only.*update Optimus`));
      assert.deepEqual(await store.read((db) => db.exec('SELECT actor FROM audit_log')[0]?.values), [['future']]);
      await assert.rejects(
        appendAudit(store, { actor: 'old', action: 'x', target: 'y', outcome: 'ok' }),
        (error: unknown) => error instanceof StoreError && error.code === 'read-only' && /newer Optimus/.test(error.message),
      );
      await store.close();
      const statAfter = fs.statSync(dbFile());
      assert.deepEqual(fs.readFileSync(dbFile()), before);
      assert.equal(statAfter.ino, statBefore.ino);
      assert.equal(statAfter.mtimeMs, statBefore.mtimeMs);
      assert.deepEqual(fs.readdirSync(tempDir()), ['optimus.sqlite'], 'no moved-aside copy, no temp file, no lock left');
    });

    it('turns read-only when a newer Optimus replaces the file while this store is open', async () => {
      const { store } = await Store.open(dbFile());
      await appendAudit(store, { actor: 'old', action: 'x', target: 'y', outcome: 'ok' });
      fs.writeFileSync(dbFile() + '.new', await databaseBytes(LATEST_VERSION, newerSql));
      fs.renameSync(dbFile() + '.new', dbFile());
      const before = fs.readFileSync(dbFile());
      await assert.rejects(appendAudit(store, { actor: 'old', action: 'x', target: 'y', outcome: 'ok' }), /newer Optimus/);
      assert.deepEqual(fs.readFileSync(dbFile()), before);
      await store.close();
    });
  });

  it('opens a SQLite file that is not an Optimus database read-only and does not modify it', async () => {
    const SQL = await loadSqlJs();
    const foreign = new SQL.Database();
    foreign.exec("CREATE TABLE customers (id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 'Ada');");
    fs.writeFileSync(dbFile(), foreign.export());
    foreign.close();
    const before = fs.readFileSync(dbFile());
    const { store, recovered } = await Store.open(dbFile());
    assert.equal(recovered, undefined, 'a valid database that is not ours is not "damaged"');
    assert.match(store.readOnlyReason ?? '', /not an Optimus one.*customers/);
    await assert.rejects(saveProjects(store, [sampleProject('x')]), /not an Optimus one/);
    await store.close();
    assert.deepEqual(fs.readFileSync(dbFile()), before);
  });
});
