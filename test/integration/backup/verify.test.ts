import assert from 'node:assert/strict';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { verifyBackup } from '../../../language-server/orchestrator/backup/verify';
import { type BackupResult } from '../../../language-server/orchestrator/backup/types';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { filesUnder, pseudoRandom, write } from './helpers';

/** Flips every bit of one byte in the middle of a file. */
async function flipByte(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(1);
    await handle.read(buf, 0, 1, Math.floor(size / 2));
    buf[0] = (buf[0] as number) ^ 0xff;
    await handle.write(buf, 0, 1, Math.floor(size / 2));
  } finally {
    await handle.close();
  }
}

describe('backup: verify', () => {
  const tmp = useTempDir('backup-verify');
  let backup: BackupResult;

  beforeEach(async () => {
    const project = path.join(tmp(), 'app');
    await write(project, 'a.bin', pseudoRandom(200_000));
    await gitRepo(project);
    backup = await backupProject(project, { backupDir: path.join(tmp(), 'backups') });
  });

  it('passes an intact backup, checking archive and bundle', async () => {
    const result = await verifyBackup(backup.manifestPath);
    assert.equal(result.ok, true);
    assert.deepEqual(result.parts.map((p) => [p.part, p.ok]), [['archive', true], ['bundle', true]]);
  });

  it('detects one flipped byte in the archive and restore refuses it, writing nothing', async () => {
    await flipByte(backup.archivePath);
    const result = await verifyBackup(backup.manifestPath);
    assert.equal(result.ok, false);
    const archive = result.parts.find((p) => p.part === 'archive');
    assert.match(archive?.problem ?? '', /^SHA-256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}$/);
    const dest = path.join(tmp(), 'restored');
    await assert.rejects(restoreBackup(backup.manifestPath, dest), /Refusing to restore: the backup's archive .* SHA-256/);
    assert.deepEqual(await filesUnder(dest), []);
  });

  it('reports a missing bundle clearly', async () => {
    await rm(backup.bundlePath as string);
    const result = await verifyBackup(backup.manifestPath);
    assert.equal(result.ok, false);
    assert.deepEqual(result.parts.find((p) => p.part === 'bundle'), { part: 'bundle', file: backup.bundlePath, ok: false, problem: 'the file is missing' });
    const dest = path.join(tmp(), 'restored');
    await assert.rejects(restoreBackup(backup.manifestPath, dest), /Refusing to restore: the backup's bundle .* the file is missing/);
    assert.deepEqual(await filesUnder(dest), []);
  });

  it('reports a truncated archive by its size', async () => {
    const bytes = await readFile(backup.archivePath);
    await writeFile(backup.archivePath, bytes.subarray(0, 100));
    const archive = (await verifyBackup(backup.manifestPath)).parts[0];
    assert.equal(archive?.problem, `size is 100 bytes, the manifest says ${bytes.length}`);
  });

  it('reports a damaged or missing manifest without throwing', async () => {
    await writeFile(backup.manifestPath, '{ not json');
    const damaged = await verifyBackup(backup.manifestPath);
    assert.equal(damaged.ok, false);
    assert.match(damaged.parts[0]?.problem ?? '', /is damaged: not valid JSON/);
    const missing = await verifyBackup(path.join(tmp(), 'nope.manifest.json'));
    assert.match(missing.parts[0]?.problem ?? '', /Cannot read the backup manifest/);
  });

  it('refuses a manifest that points outside its folder or smuggles options to git', async () => {
    const manifest = JSON.parse(await readFile(backup.manifestPath, 'utf8'));
    await writeFile(backup.manifestPath, JSON.stringify({ ...manifest, archive: { ...manifest.archive, file: '../../etc/passwd' } }));
    assert.match((await verifyBackup(backup.manifestPath)).parts[0]?.problem ?? '', /archive.file is not a plain file name/);
    const remotes = [{ name: '--upload-pack=touch /tmp/pwned', url: 'x' }];
    await writeFile(backup.manifestPath, JSON.stringify({ ...manifest, git: { ...manifest.git, remotes } }));
    assert.match((await verifyBackup(backup.manifestPath)).parts[0]?.problem ?? '', /git.remotes/);
  });
});
