import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { envForStart } from '../../../language-server/orchestrator/env/envForStart';
import { envView } from '../../../language-server/orchestrator/env/envView';
import { setEnvProfile, setStartCommand } from '../../../language-server/orchestrator/projectSettings';
import { resolveStartCommand } from '../../../language-server/orchestrator/startCommand/resolve';
import { loadProjectSettings } from '../../../language-server/store/projectSettingsRepo';
import { Store } from '../../../language-server/store/store';
import { loadSqlJs } from '../../../language-server/store/wasm';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

const SECRET = 'ghp_Q7mZx2LkV9pWnB4tRc8YdJ3s';

describe('env: the chosen profile in the store, and no secret in it', () => {
  const tempDir = useTempDir('env-store');
  const project = () => path.join(tempDir(), 'app');
  const dbFile = () => path.join(tempDir(), 'optimus.sqlite');

  it('refuses a profile name that is not one, and stores nothing', async () => {
    const { store } = await Store.open(':memory:');
    for (const bad of ['', '../prod', 'local', 'a b']) await assert.rejects(setEnvProfile(store, project(), bad), /not a profile|part of a \.env file name/);
    assert.equal(await loadProjectSettings(store, project()), null);
    await store.close();
  });

  it('shows the saved profile; an asked-for one wins over it, and it wins over .optimus.json', async () => {
    await writeTree(project(), { '.env.staging': 'S=1\n', '.env.production': 'P=1\n', '.optimus.json': '{ "env": "production" }' });
    const { store } = await Store.open(':memory:');
    assert.deepEqual(pick(await envView(project(), { store })), ['production', '.optimus.json']);
    await setEnvProfile(store, project(), 'staging');
    assert.deepEqual(pick(await envView(project(), { store })), ['staging', 'settings']);
    assert.deepEqual(pick(await envView(project(), { store, profile: 'test' })), ['test', 'argument']);
    await setEnvProfile(store, project(), null);
    assert.deepEqual(pick(await envView(project(), { store })), ['production', '.optimus.json']);
    await store.close();
  });

  it('writes no value of any .env file to the database file, whatever is called', async () => {
    await writeTree(project(), {
      '.env': `GITHUB_TOKEN=${SECRET}\nexport DATABASE_URL="postgres://u:${SECRET}@h/db"\n`,
      '.env.local': `GITHUB_TOKEN='${SECRET}'\n${SECRET}\n`,
      '.env.example': `GITHUB_TOKEN=${SECRET}\n`,
      'package.json': JSON.stringify({ scripts: { dev: 'node server.js' } }),
    });
    const { store } = await Store.open(dbFile());
    await setEnvProfile(store, project(), 'development');
    await setStartCommand(store, project(), 'npm run dev');
    const view = await envView(project(), { store });
    const started = await envForStart(project(), view.profile);
    assert.equal(started.vars.GITHUB_TOKEN, SECRET, 'the start gets the real value');
    await resolveStartCommand(project(), undefined, store);
    await store.close();

    const bytes = fs.readFileSync(dbFile());
    for (const encoding of ['utf8', 'latin1', 'utf16le'] as const) assert.ok(!bytes.toString(encoding).includes(SECRET), `the secret is in the file (${encoding})`);
    const SQL = await loadSqlJs();
    const db = new SQL.Database(bytes);
    const dump = JSON.stringify(db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values.map(([table]) => db.exec(`SELECT * FROM "${String(table)}"`)));
    db.close();
    assert.ok(!dump.includes(SECRET) && !dump.includes(SECRET.slice(4, 14)));
    assert.ok(!JSON.stringify(view).includes(SECRET.slice(4)), 'nor in the masked view');
  });
});

function pick(view: { profile: string; profileSource: string }): [string, string] {
  return [view.profile, view.profileSource];
}
