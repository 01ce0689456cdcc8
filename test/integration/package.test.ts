import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DIAGNOSIS_IDS } from '../../language-server/troubleshooter/diagnosisIds';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../..');

describe('the .vsix', function () {
  this.timeout(120000);
  let tmp = '';
  before(async () => (tmp = await mkdtemp(path.join(os.tmpdir(), 'optimus-vsix-'))));
  after(() => rm(tmp, { recursive: true, force: true }));

  it('holds only what runs in VS Code: the bundles, sql.js wasm, the manifest, readme, licence, icon, and the analyzer’s TypeScript and ESLint', async () => {
    const script = path.join(REPO, 'scripts', 'package.mjs');
    const { stdout } = await run(process.execPath, [script, '--list-only', '--stage', path.join(tmp, 'stage')], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
    const files = stdout.trim().split('\n').map((f) => f.trim()).filter((f) => !f.startsWith('built ')).sort();
    const knowledge = files.filter((f) => f.startsWith('dist/knowledge/'));
    assert.deepEqual(knowledge, DIAGNOSIS_IDS.filter((id) => id !== 'unknown').map((id) => `dist/knowledge/${id}.yaml`).sort(), 'one knowledge file per diagnosis');
    const templates = files.filter((f) => f.startsWith('dist/templates/'));
    const models = readdirSync(path.join(REPO, 'language-server/advisor/monetization/templates')).filter((f) => f.endsWith('.yaml'));
    assert.deepEqual(templates, models.map((f) => `dist/templates/${f}`).sort(), 'one template per revenue model');
    const apps = readdirSync(path.join(REPO, 'webviews'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'shared').map((d) => d.name);
    const panels = files.filter((f) => f.startsWith('dist/webviews/'));
    assert.deepEqual(panels, apps.flatMap((app) => [`dist/webviews/${app}.css`, `dist/webviews/${app}.js`]).sort(), 'a script and a style sheet per webview app');
    const own = files.filter((f) => !f.startsWith('node_modules/') && !/^dist\/(knowledge|templates|webviews)\//.test(f));
    assert.deepEqual(own, ['LICENSE', 'README.md', 'dist/extension.js', 'dist/lintHost.js', 'dist/server.js', 'dist/sql-wasm.wasm', 'media/optimus.svg', 'package.json']);
    const packages = new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.split('/')[1]!.startsWith('@') ? 3 : 2).join('/')));
    for (const needed of ['typescript', 'eslint', '@eslint/js', 'typescript-eslint', 'espree']) assert.ok(packages.has(needed), `${needed} is shipped`);
    for (const bundled of ['dockerode', 'sql.js', 'yaml', 'tar', 'mocha', 'playwright-core']) assert.ok(!packages.has(bundled), `${bundled} is bundled or dev-only, not shipped`);
    assert.ok(files.includes('node_modules/typescript/lib/lib.es2022.d.ts'), 'TypeScript keeps the lib files type checks read');
    assert.ok(!files.some((f) => /^node_modules\/typescript\/lib\/(tsserver|_tsc)\.js$/.test(f)), 'but not tsc and tsserver');
  });

  it('packages into a .vsix under 10 MB, and the staged server finds TypeScript and ESLint', async () => {
    const vsix = path.join(tmp, 'optimus.vsix');
    const stage = path.join(tmp, 'stage2');
    await run(process.execPath, [path.join(REPO, 'scripts', 'package.mjs'), '--stage', stage, '--out', vsix], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
    const { size } = await stat(vsix);
    assert.ok(size > 1_000_000 && size < 10_000_000, `${size} bytes`);
    const probe = "for (const m of ['typescript', 'eslint', 'typescript-eslint', '@eslint/js']) require(require.resolve(m, { paths: [process.argv[1]] })); console.log('ok')";
    const { stdout } = await run(process.execPath, ['-e', probe, path.join(stage, 'dist')], { cwd: tmp });
    assert.equal(stdout.trim(), 'ok');
  });
});
