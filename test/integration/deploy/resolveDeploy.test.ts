import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveDeployCommand } from '../../../language-server/orchestrator/deploy/resolveDeploy';
import { saveProjectSettings } from '../../../language-server/store/projectSettingsRepo';
import { Store } from '../../../language-server/store/store';
import { loadSqlJs } from '../../../language-server/store/wasm';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

const FILES = {
  'fly.toml': 'app = "shop"\n',
  Dockerfile: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
  '.github/workflows/deploy.yml': 'on: workflow_dispatch\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only\n',
};

describe('deploy command: saved choice, .optimus.json, detection', () => {
  const tempDir = useTempDir('deploy-resolve');
  const project = () => path.join(tempDir(), 'shop');

  describe('bad input first', () => {
    it('uses detection, with a finding, when the store cannot answer (a SQLite file that is not ours)', async () => {
      await writeTree(project(), FILES);
      const SQL = await loadSqlJs();
      const foreign = new SQL.Database();
      foreign.exec('CREATE TABLE customers (id INTEGER)');
      const dbFile = path.join(tempDir(), 'foreign.sqlite');
      fs.writeFileSync(dbFile, foreign.export());
      foreign.close();
      const { store } = await Store.open(dbFile);
      try {
        const resolved = await resolveDeployCommand(project(), undefined, store);
        assert.deepEqual([resolved.command, resolved.source, resolved.target?.kind], ['fly deploy', 'detected', 'fly']);
        assert.deepEqual(resolved.findings.map((f) => f.code), ['settings/unreadable']);
      } finally {
        await store.close();
      }
    });

    it('passes over a malformed .optimus.json and a deploy value of the wrong type, with findings', async () => {
      await writeTree(project(), { ...FILES, '.optimus.json': '{ "deploy": ["fly", "deploy"] }' });
      const resolved = await resolveDeployCommand(project(), undefined, null);
      assert.deepEqual([resolved.command, resolved.source], ['fly deploy', 'detected']);
      assert.deepEqual(resolved.findings.map((f) => f.code), ['config/wrong-type']);
    });

    it('passes over a saved command that another process wrote and that cannot be one', async () => {
      await writeTree(project(), FILES);
      const { store } = await Store.open(':memory:');
      await saveProjectSettings(store, project(), { deployCommand: 'fly deploy\nrm -rf ~' });
      const resolved = await resolveDeployCommand(project(), undefined, store);
      assert.deepEqual([resolved.command, resolved.source], ['fly deploy', 'detected']);
      assert.match(resolved.findings[0]?.message ?? '', /saved deploy command must be one line/);
      await store.close();
    });

    it('has no command, and no throw, for a folder that is gone', async () => {
      const resolved = await resolveDeployCommand(path.join(tempDir(), 'nowhere'), undefined, null);
      assert.deepEqual([resolved.command, resolved.source, resolved.target, resolved.targets], [null, 'none', null, []]);
    });
  });

  it('detection alone: the platform first, every target listed for the UI, run from the project folder', async () => {
    await writeTree(project(), FILES);
    const resolved = await resolveDeployCommand(project(), await readdir(project()), null);
    assert.deepEqual([resolved.command, resolved.source, resolved.cwd], ['fly deploy', 'detected', project()]);
    assert.deepEqual(resolved.targets.map((t) => t.suggestedCommand), ['fly deploy', 'gh workflow run deploy.yml', 'docker build -t shop .']);
  });

  it('.optimus.json `deploy` wins over detection; a saved command wins over both', async () => {
    await writeTree(project(), { ...FILES, '.optimus.json': '{ "deploy": "gh workflow run deploy.yml" }' });
    const fromFile = await resolveDeployCommand(project(), undefined, null);
    assert.deepEqual([fromFile.command, fromFile.source, fromFile.target?.kind], ['gh workflow run deploy.yml', '.optimus.json', 'github-actions']);
    const { store } = await Store.open(':memory:');
    await saveProjectSettings(store, project(), { deployCommand: 'make release' });
    const saved = await resolveDeployCommand(project(), undefined, store);
    assert.deepEqual([saved.command, saved.source, saved.target], ['make release', 'settings', null]);
    await store.close();
  });
});
