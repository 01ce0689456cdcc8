import assert from 'node:assert/strict';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UnsafeArchive } from '../../../language-server/orchestrator/backup/archiveCheck';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { type BackupResult } from '../../../language-server/orchestrator/backup/types';
import { useTempDir } from '../helpers/tempDir';
import { craftTarGz, filesUnder, write, type CraftedEntry } from './helpers';

describe('backup: restore refuses what it must not do', () => {
  const tmp = useTempDir('backup-restore');
  const dest = () => path.join(tmp(), 'out', 'restored');

  async function backup(): Promise<BackupResult> {
    await write(path.join(tmp(), 'app'), 'a.txt', 'a\n');
    return backupProject(path.join(tmp(), 'app'), { backupDir: path.join(tmp(), 'backups') });
  }

  /** Writes a hostile archive and expects the restore to refuse it with `message`, leaving no trace anywhere. */
  async function refuses(entries: CraftedEntry[], message: RegExp): Promise<void> {
    const archive = path.join(tmp(), 'evil.tar.gz');
    await writeFile(archive, craftTarGz(entries));
    const before = await filesUnder(tmp());
    await assert.rejects(restoreBackup(archive, dest()), (error: Error) => {
      assert.ok(error instanceof UnsafeArchive, `expected UnsafeArchive, got ${error.name}: ${error.message}`);
      assert.match(error.message, message);
      return true;
    });
    assert.deepEqual(await filesUnder(tmp()), before, 'the restore wrote something');
  }

  it('refuses a destination that is not empty, or is a file, and leaves it untouched', async () => {
    const b = await backup();
    await write(dest(), 'mine.txt', 'keep me\n');
    await assert.rejects(restoreBackup(b.manifestPath, dest()), /Refusing to restore into .*: the folder is not empty/);
    assert.deepEqual(await readdir(dest()), ['mine.txt']);
    const file = path.join(tmp(), 'a-file');
    await writeFile(file, 'x');
    await assert.rejects(restoreBackup(b.manifestPath, file), /it is not a folder/);
    await assert.rejects(restoreBackup(b.manifestPath, path.join(file, 'below')), /Cannot (create|restore into) .*below/);
  });

  it('restores into an existing empty folder', async () => {
    const b = await backup();
    await mkdir(dest(), { recursive: true });
    const restored = await restoreBackup(b.manifestPath, dest());
    assert.equal(restored.files, 1);
  });

  it('refuses entries that climb out with ..', () => refuses([{ path: 'ok.txt', body: 'fine' }, { path: '../escaped.txt', body: 'pwned' }], /"\.\.\/escaped\.txt" climbs out with '\.\.'/));

  it('refuses entries hidden deeper that climb out', () => refuses([{ path: 'a/b/../../../escaped.txt', body: 'pwned' }], /climbs out/));

  it('refuses absolute paths', () => refuses([{ path: '/tmp/optimus-absolute-escape.txt', body: 'pwned' }], /is an absolute path/));

  it('refuses writing through a symlink that leads outside', () =>
    refuses(
      [
        { path: 'link', type: 'SymbolicLink', linkpath: '/tmp' },
        { path: 'link/escaped.txt', body: 'pwned' },
      ],
      /link\/escaped\.txt would be written through the symlink link -> \/tmp/,
    ));

  it('refuses writing through a symlink even when it points inside', () =>
    refuses(
      [
        { path: 'sub', type: 'Directory' },
        { path: 'link', type: 'SymbolicLink', linkpath: 'sub' },
        { path: 'link/x.txt', body: 'x' },
      ],
      /would be written through the symlink/,
    ));

  it('refuses hard links to files outside, device entries and git metadata', async () => {
    await refuses([{ path: 'hard', type: 'Link', linkpath: '/etc/passwd' }], /hard link/);
    await refuses([{ path: 'dev', type: 'CharacterDevice' }], /CharacterDevice entry/);
    await refuses([{ path: '.git/hooks/post-checkout', body: '#!/bin/sh\n', mode: 0o755 }], /git metadata/);
  });

  it('does not create a lone symlink pointing outside unless asked', async () => {
    const archive = path.join(tmp(), 'links.tar.gz');
    await writeFile(archive, craftTarGz([{ path: 'a.txt', body: 'a' }, { path: 'out', type: 'SymbolicLink', linkpath: '../../etc/passwd' }]));
    const restored = await restoreBackup(archive, dest());
    assert.deepEqual(await readdir(dest()), ['a.txt']);
    assert.equal(restored.skipped[0]?.path, 'out');
    assert.match(restored.skipped[0]?.reason ?? '', /outside the restored folder/);
  });

  it('restores modes but never setuid or setgid bits', async () => {
    const archive = path.join(tmp(), 'modes.tar.gz');
    await writeFile(archive, craftTarGz([{ path: 'suid', body: '#!/bin/sh\n', mode: 0o6755 }, { path: 'plain', body: 'x', mode: 0o640 }]));
    await restoreBackup(archive, dest());
    assert.equal((await stat(path.join(dest(), 'suid'))).mode & 0o7777, 0o755);
    assert.equal((await stat(path.join(dest(), 'plain'))).mode & 0o7777, 0o640);
  });

  it('refuses a file that is not an archive, and a missing one', async () => {
    const junk = path.join(tmp(), 'junk.tar.gz');
    await writeFile(junk, 'this is not gzip');
    await assert.rejects(restoreBackup(junk, dest()), /is not a readable tar\.gz archive/);
    await assert.rejects(restoreBackup(path.join(tmp(), 'missing.tar.gz'), dest()), /no such archive/);
    await assert.rejects(restoreBackup(path.join(tmp(), 'missing.manifest.json'), dest()), /Cannot read the backup manifest/);
    assert.deepEqual(await filesUnder(path.join(tmp(), 'out')), []);
  });
});
