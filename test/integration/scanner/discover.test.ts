import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { discover } from '../../../language-server/scanner/discover';
import { makeIgnoreMatcher } from '../../../language-server/scanner/ignore';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

const run = promisify(execFile);
const noIgnore = makeIgnoreMatcher([], '/');
const found = async (roots: string[], maxDepth = 4, ignore = noIgnore) => discover(roots, { maxDepth, ignore });

describe('discovery', () => {
  const tmp = useTempDir('discover');

  it('notes a missing root and a root that is a file, and still scans the others', async () => {
    await writeTree(tmp(), { 'real/app/package.json': '{}', 'afile': 'x' });
    const result = await found([path.join(tmp(), 'nope'), path.join(tmp(), 'afile'), path.join(tmp(), 'real')]);
    assert.deepEqual(result.found.map((f) => path.basename(f.path)), ['app']);
    assert.deepEqual(result.notes.map((n) => n.code), ['root/missing', 'root/not-a-folder']);
    assert.match(result.notes[0]?.message ?? '', /The projects folder .*nope does not exist\./);
  });

  it('stops at project roots and never enters dependency or build folders', async () => {
    await writeTree(tmp(), {
      'web/package.json': '{}',
      'web/packages/inner/package.json': '{}', // inside a project: not a separate project
      'stuff/node_modules/left-pad/package.json': '{}',
      'stuff/.venv/lib/site/pyproject.toml': '',
      'stuff/target/x/Cargo.toml': '',
      'stuff/.hidden/app/package.json': '{}',
      'clients/acme/site/index.html': '',
      'clients/acme/site/.git/HEAD': 'ref: refs/heads/main\n',
    });
    const result = await found([tmp()]);
    assert.deepEqual(result.found.map((f) => path.relative(tmp(), f.path)), ['clients/acme/site', 'web']);
    assert.ok(result.found[1]?.entries.includes('package.json'), 'a found root carries its listing');
    assert.ok(result.containers.includes(path.join(tmp(), 'clients', 'acme')));
  });

  it('respects the depth limit and ignore globs', async () => {
    await writeTree(tmp(), { 'a/b/c/deep/go.mod': 'module x', 'archive/old/go.mod': 'module y', 'top/go.mod': 'module z' });
    const shallow = await found([tmp()], 2);
    assert.deepEqual(shallow.found.map((f) => path.basename(f.path)), ['old', 'top']);
    const ignored = await found([tmp()], 4, makeIgnoreMatcher(['archive'], '/'));
    assert.deepEqual(ignored.found.map((f) => path.basename(f.path)), ['deep', 'top']);
  });

  it('follows a symlink to a project outside the root once, and notes a loop instead of following it', async () => {
    const outside = path.join(tmp(), 'outside');
    const root = path.join(tmp(), 'root');
    await writeTree(tmp(), { 'outside/lib/Cargo.toml': '[package]\nname="lib"', 'root/group/app/package.json': '{}' });
    await symlink(path.join(outside, 'lib'), path.join(root, 'linked-lib'));
    await symlink(root, path.join(root, 'group', 'loop'));
    await symlink(path.join(root, 'group'), path.join(root, 'again'));
    await symlink(path.join(tmp(), 'nowhere'), path.join(root, 'dangling'));
    const result = await found([root], 10);
    assert.deepEqual(result.found.map((f) => path.relative(root, f.path)), ['group/app', 'linked-lib']);
    const loops = result.notes.filter((n) => n.code === 'scan/symlink-loop').map((n) => path.relative(root, n.path)).sort();
    assert.deepEqual(loops, ['again', 'group/loop']);
  });

  it('skips a folder whose name is not valid UTF-8, with a note', async () => {
    await writeTree(tmp(), { 'ok/package.json': '{}' });
    const bad = Buffer.concat([Buffer.from(tmp() + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('-name')]);
    await mkdir(bad);
    await writeFile(Buffer.concat([bad, Buffer.from('/package.json')]), '{}');
    const result = await found([tmp()]);
    assert.deepEqual(result.found.map((f) => path.basename(f.path)), ['ok']);
    assert.deepEqual(result.notes.map((n) => n.code), ['scan/bad-name']);
  });

  it('notes a folder it may not read and finds the rest (run as an unprivileged user: root reads everything)', async function () {
    if (process.getuid?.() !== 0) this.skip(); // the test switches to uid 65534, which only root may do
    await writeTree(tmp(), { 'open/app/package.json': '{}', 'locked/secret/package.json': '{}' });
    await chmod(tmp(), 0o755);
    await chmod(path.join(tmp(), 'locked'), 0o700);
    // Bundled into the temp folder, so the unprivileged user needs no access to this checkout.
    const script = path.join(tmp(), 'worker.js');
    await build({ entryPoints: [path.join(__dirname, 'discoverWorker.ts')], bundle: true, platform: 'node', outfile: script, logLevel: 'silent' });
    const { stdout } = await run(process.execPath, [script, tmp()], { uid: 65534, gid: 65534, cwd: tmp() });
    const result = JSON.parse(stdout) as Awaited<ReturnType<typeof found>>;
    assert.deepEqual(result.found.map((f) => path.relative(tmp(), f.path)), ['open/app']);
    assert.deepEqual(result.notes.map((n) => [n.code, path.relative(tmp(), n.path)]), [['scan/unreadable', 'locked']]);
    assert.match(result.notes[0]?.message ?? '', /cannot be read \(EACCES\)/);
  });
});
