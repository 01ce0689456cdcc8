import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { type BackupMode } from '../../../language-server/orchestrator/backup/types';
import { git, gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { filesUnder, leaves, write } from './helpers';

describe('backup: bad input gets a clear error and loses nothing', () => {
  const tmp = useTempDir('backup-bad');
  const project = () => path.join(tmp(), 'app');
  const backups = () => path.join(tmp(), 'backups');

  it('refuses a missing project path, a file, or an empty string', async () => {
    await assert.rejects(backupProject('', { backupDir: backups() }), TypeError);
    await assert.rejects(backupProject(path.join(tmp(), 'nope'), { backupDir: backups() }), /Cannot back up .*nope: it is not a folder/);
    await writeFile(path.join(tmp(), 'file.txt'), 'x');
    await assert.rejects(backupProject(path.join(tmp(), 'file.txt'), { backupDir: backups() }), /it is not a folder/);
    assert.deepEqual(await filesUnder(backups()), []);
  });

  it('refuses a missing backup folder setting, the project itself, and an unknown mode', async () => {
    await write(project(), 'a.txt', 'a\n');
    await assert.rejects(backupProject(project(), { backupDir: '' }), /needs a backupDir/);
    await assert.rejects(backupProject(project(), { backupDir: project() }), /cannot be the project folder itself/);
    await assert.rejects(backupProject(project(), { backupDir: backups(), mode: 'zip' as BackupMode }), /Unknown backup mode "zip"/);
    await assert.rejects(backupProject(project(), { backupDir: backups(), mode: 'git-files' }), /not a readable git repository; back it up in folder mode/);
    assert.deepEqual(await leaves(project()), ['a.txt']);
  });

  it('explains a backup folder that cannot be created', async () => {
    await write(project(), 'a.txt', 'a\n');
    await writeFile(backups(), 'a file where the folder should be');
    await assert.rejects(backupProject(project(), { backupDir: backups() }), /Cannot write the backup into .*backups/);
  });

  it('backs up a repository with a corrupt HEAD as a folder, saying why there is no history', async () => {
    await write(project(), 'a.txt', 'a\n');
    await gitRepo(project());
    await writeFile(path.join(project(), '.git', 'HEAD'), 'garbage\n');
    await assert.rejects(backupProject(project(), { backupDir: backups(), mode: 'git-files' }), /not a readable git repository/);
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.mode, 'folder');
    assert.equal(result.bundlePath, null);
    assert.match(result.manifest.bundleNote ?? '', /git could not read the repository .*HEAD.*files only/);
    assert.equal(result.manifest.fileCount, 1);
  });

  it('fails clearly and leaves nothing when the history cannot be bundled (missing objects)', async () => {
    await write(project(), 'a.txt', 'a\n');
    await gitRepo(project());
    const objects = path.join(project(), '.git', 'objects');
    const blob = await git(project(), 'rev-parse', 'HEAD:a.txt');
    await rm(path.join(objects, blob.slice(0, 2), blob.slice(2)));
    await assert.rejects(backupProject(project(), { backupDir: backups() }), /Cannot bundle the history of .*app/);
    assert.deepEqual(await filesUnder(backups()), []);
  });

  it('backs up and restores an empty folder', async () => {
    await mkdir(project());
    const result = await backupProject(project(), { backupDir: backups() });
    assert.equal(result.manifest.fileCount, 0);
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest);
    assert.deepEqual(await readdir(dest), []);
  });

  it('refuses empty restore arguments', async () => {
    await assert.rejects(restoreBackup('', path.join(tmp(), 'x')), TypeError);
    await assert.rejects(restoreBackup(path.join(tmp(), 'a.tar.gz'), ''), TypeError);
  });
});
