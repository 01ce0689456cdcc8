import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../..');

describe('the .vsix', function () {
  this.timeout(60000);

  it('holds only what runs in VS Code: the bundles, sql.js wasm, the manifest, readme, licence and icon', async () => {
    const vsce = path.join(REPO, 'node_modules', '.bin', 'vsce');
    const { stdout } = await run(vsce, ['ls', '--no-dependencies'], { cwd: REPO });
    const files = stdout.trim().split('\n').map((f) => f.trim()).sort();
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/extension.js', 'dist/server.js', 'dist/sql-wasm.wasm', 'media/optimus.svg', 'package.json']);
  });
});
