import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../..');

describe('the .vsix', function () {
  this.timeout(120000);
  let tmp = '';
  before(async () => (tmp = await mkdtemp(path.join(os.tmpdir(), 'optimus-vsix-'))));
  after(() => rm(tmp, { recursive: true, force: true }));

  it('holds only what runs in VS Code: the bundles, sql.js wasm, the manifest, readme, licence and icon', async () => {
    const script = path.join(REPO, 'scripts', 'package.mjs');
    const { stdout } = await run(process.execPath, [script, '--list-only', '--stage', path.join(tmp, 'stage')], { cwd: REPO });
    const files = stdout.trim().split('\n').map((f) => f.trim()).filter((f) => !f.startsWith('built ')).sort();
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/extension.js', 'dist/server.js', 'dist/sql-wasm.wasm', 'media/optimus.svg', 'package.json']);
  });

  it('packages into a .vsix under a megabyte', async () => {
    const vsix = path.join(tmp, 'optimus.vsix');
    await run(process.execPath, [path.join(REPO, 'scripts', 'package.mjs'), '--stage', path.join(tmp, 'stage2'), '--out', vsix], { cwd: REPO });
    const { size } = await stat(vsix);
    assert.ok(size > 100_000 && size < 1_000_000, `${size} bytes`);
  });
});
