import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { git, gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { assertSame, pseudoRandom, walk, write } from './helpers';

describe('backup: folder mode', () => {
  const tmp = useTempDir('backup-folder');
  const project = () => path.join(tmp(), 'plain');
  const backups = () => path.join(tmp(), 'backups');

  async function makeFolder(): Promise<void> {
    const p = project();
    await write(p, 'main.py', 'print("hi")\n');
    await write(p, 'tool', '#!/bin/sh\n', 0o750);
    await write(p, 'data/blob.bin', pseudoRandom(100_000));
    await write(p, 'private.txt', 'mine\n', 0o600);
    await mkdir(path.join(p, 'empty-folder'));
    await symlink('data/blob.bin', path.join(p, 'blob-link'));
    await write(p, 'node_modules/left-pad/index.js', 'dep\n');
    await write(p, 'web/node_modules/x/index.js', 'nested dep\n');
    await write(p, 'rust/target/debug/app', 'build output\n');
    await write(p, '.venv/lib/site.py', 'venv\n');
    await write(p, 'myenv/pyvenv.cfg', 'home = /usr\n');
    await write(p, 'myenv/lib/x.py', 'venv under another name\n');
    await write(p, '__pycache__/main.cpython-312.pyc', 'cache\n');
  }

  it('archives the whole folder except dependency and build folders, and restores it identically', async () => {
    await makeFolder();
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.mode, 'folder');
    assert.equal(result.bundlePath, null);
    assert.equal(result.manifest.bundleNote, 'not a git repository');
    assert.deepEqual(result.manifest.excluded?.sort(), ['.venv', '__pycache__', 'myenv', 'node_modules', 'rust/target', 'web/node_modules']);

    const dest = path.join(tmp(), 'restored');
    const restored = await restoreBackup(result.manifestPath, dest);
    assert.equal(restored.history, 'none');
    const kept = ['blob-link', 'data', 'data/blob.bin', 'empty-folder', 'main.py', 'private.txt', 'rust', 'tool', 'web'];
    assert.deepEqual(await walk(dest), kept);
    await assertSame(project(), dest, kept);
  });

  it('can archive a git repository as a folder, taking ignored files too but not .git', async () => {
    await write(project(), '.gitignore', '*.local\n');
    await write(project(), 'a.txt', 'a\n');
    await gitRepo(project());
    await write(project(), 'settings.local', 'ignored by git, kept by folder mode\n');
    const result = await backupProject(project(), { backupDir: backups(), mode: 'folder' });
    assert.ok(result.bundlePath, 'the history is still bundled');
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest);
    await assertSame(project(), dest, ['.gitignore', 'a.txt', 'settings.local']);
    assert.equal(await git(dest, 'log', '--format=%s'), 'first commit');
  });

  it('never archives the backup folder when it sits inside the project', async () => {
    await write(project(), 'a.txt', 'a\n');
    const inner = path.join(project(), 'my-backups');
    const first = await backupProject(project(), { backupDir: inner });
    const second = await backupProject(project(), { backupDir: inner });
    assert.equal(second.manifest.fileCount, 1);
    assert.deepEqual(second.manifest.excluded, ['my-backups']);
    assert.notEqual(first.archivePath, second.archivePath);
  });

  it('skips what cannot be archived (FIFO, unreadable file) with a reason and archives the rest', async () => {
    await write(project(), 'ok.txt', 'fine\n');
    execFileSync('mkfifo', [path.join(project(), 'pipe')]);
    // root reads a mode-000 file anyway; only an ordinary user sees it refused.
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) await writeFile(path.join(project(), 'locked.txt'), 'no access\n', { mode: 0o000 });
    const result = await backupProject(project(), { backupDir: backups() });
    assert.deepEqual(result.manifest.skipped.map((s) => s.path).sort(), asRoot ? ['pipe'] : ['locked.txt', 'pipe']);
    assert.match(result.manifest.skipped.find((s) => s.path === 'pipe')?.reason ?? '', /FIFO/);
    assert.equal(result.manifest.fileCount, 1);
  });
});
