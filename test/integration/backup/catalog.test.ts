import assert from 'node:assert/strict';
import { access, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { listBackups, pruneBackups } from '../../../language-server/orchestrator/backup/catalog';
import { verifyBackup } from '../../../language-server/orchestrator/backup/verify';
import { type BackupResult } from '../../../language-server/orchestrator/backup/types';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { write } from './helpers';

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('backup: listing and retention', () => {
  const tmp = useTempDir('backup-catalog');
  const backups = () => path.join(tmp(), 'backups');

  async function project(name: string, parent = 'projects'): Promise<string> {
    const dir = path.join(tmp(), parent, name);
    await write(dir, 'README.md', `# ${name}\n`);
    await gitRepo(dir);
    return dir;
  }

  /** `count` backups of `dir`, each stamped a day older than the next so their order is certain. */
  async function backupsOf(dir: string, count: number): Promise<BackupResult[]> {
    const made: BackupResult[] = [];
    for (let i = 0; i < count; i++) made.push(await backupProject(dir, { backupDir: backups() }));
    for (const [i, b] of made.entries()) await restamp(b, new Date(Date.UTC(2024, 0, 1 + i)));
    return made;
  }

  /** Rewrites a manifest's createdAt, as if the backup had been made then. */
  async function restamp(b: BackupResult, when: Date): Promise<void> {
    const doc = JSON.parse(await readFile(b.manifestPath, 'utf8'));
    doc.createdAt = when.toISOString();
    b.manifest.createdAt = doc.createdAt;
    await writeFile(b.manifestPath, JSON.stringify(doc));
  }

  it('lists backups newest first, all projects or one', async () => {
    const app = await project('app');
    const web = await project('web');
    const appBackups = await backupsOf(app, 3);
    const [webBackup] = await backupsOf(web, 1);
    const forApp = await listBackups(backups(), app);
    assert.deepEqual(forApp.map((b) => b.manifestPath), appBackups.map((b) => b.manifestPath).reverse());
    assert.ok(forApp.every((b) => b.manifest?.projectPath === app && b.damaged === undefined));
    const all = await listBackups(backups());
    assert.equal(all.length, 4);
    assert.ok(all.some((b) => b.manifestPath === webBackup?.manifestPath));
    assert.deepEqual(all.map((b) => b.createdAt), [...all.map((b) => b.createdAt)].sort().reverse());
  });

  it('keeps two projects with the same folder name apart', async () => {
    const one = await project('app', 'work');
    const two = await project('app', 'home');
    await backupProject(one, { backupDir: backups() });
    await backupProject(two, { backupDir: backups() });
    assert.deepEqual((await listBackups(backups(), one)).map((b) => b.manifest?.projectPath), [one]);
    assert.deepEqual((await listBackups(backups(), two)).map((b) => b.manifest?.projectPath), [two]);
  });

  it('lists a corrupt or foreign manifest as damaged instead of failing, and ignores other files', async () => {
    const app = await project('app');
    await backupsOf(app, 1);
    const folder = path.join(backups(), 'app');
    await writeFile(path.join(folder, 'broken.manifest.json'), '{"format": "optimus-backup", ');
    await writeFile(path.join(folder, 'other.manifest.json'), JSON.stringify({ name: 'someone else' }));
    await writeFile(path.join(folder, 'notes.json'), '{}');
    await writeFile(path.join(backups(), 'stray-file.txt'), 'not a folder');
    await mkdir(path.join(folder, 'dir.manifest.json'));
    const listed = await listBackups(backups());
    assert.equal(listed.filter((b) => b.manifest).length, 1);
    const damaged = Object.fromEntries(listed.filter((b) => !b.manifest).map((b) => [path.basename(b.manifestPath), b.damaged]));
    assert.match(damaged['broken.manifest.json'] ?? '', /not valid JSON/);
    assert.equal(damaged['other.manifest.json'], 'not an Optimus backup manifest');
    assert.match(damaged['dir.manifest.json'] ?? '', /cannot be read/);
    assert.equal(Object.keys(damaged).length, 3);
  });

  it('lists nothing for a backup folder that does not exist yet', async () => {
    assert.deepEqual(await listBackups(path.join(tmp(), 'never-made')), []);
    assert.deepEqual(await listBackups(path.join(tmp(), 'never-made'), path.join(tmp(), 'app')), []);
  });

  it('prunes to the newest N, removing archive, bundle and manifest, and never a damaged one', async () => {
    const app = await project('app');
    const made = await backupsOf(app, 4);
    const foreign = path.join(backups(), 'app', 'foreign.manifest.json');
    await writeFile(foreign, 'garbage');
    const result = await pruneBackups(backups(), app, { keep: 2 });
    assert.deepEqual(result.removed.map((b) => b.manifestPath), [made[1], made[0]].map((b) => b?.manifestPath));
    for (const b of made.slice(0, 2)) {
      for (const file of [b.manifestPath, b.archivePath, b.bundlePath as string]) assert.equal(await exists(file), false, `${file} was kept`);
    }
    for (const b of made.slice(2)) assert.equal((await verifyBackup(b.manifestPath)).ok, true);
    assert.equal(await exists(foreign), true);
    assert.deepEqual((await listBackups(backups(), app)).filter((b) => b.manifest).map((b) => b.manifestPath), [made[3], made[2]].map((b) => b?.manifestPath));
  });

  it('prunes by age but always keeps the newest backup', async () => {
    const app = await project('app');
    const made = await backupsOf(app, 3);
    const now = new Date(Date.UTC(2024, 0, 3, 12));
    const result = await pruneBackups(backups(), app, { keep: 10, maxAgeDays: 2, now });
    assert.deepEqual(result.kept.map((b) => b.manifestPath), [made[2]?.manifestPath, made[1]?.manifestPath]);
    const later = await pruneBackups(backups(), app, { keep: 10, maxAgeDays: 1, now: new Date(Date.UTC(2025, 0, 1)) });
    assert.deepEqual(later.kept.map((b) => b.manifestPath), [made[2]?.manifestPath]);
  });

  it('removes stale leftovers of a killed backup, not fresh ones', async () => {
    const app = await project('app');
    await backupsOf(app, 1);
    const stale = path.join(backups(), 'app', '.app-x.tar.gz.123-abcd.partial');
    const fresh = path.join(backups(), 'app', '.app-y.tar.gz.456-ef01.partial');
    await writeFile(stale, 'half');
    await writeFile(fresh, 'half');
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    await utimes(stale, old, old);
    const result = await pruneBackups(backups(), app, { keep: 1 });
    assert.deepEqual(result.leftovers, [stale]);
    assert.equal(await exists(fresh), true);
  });

  it('refuses nonsense retention settings before touching anything', async () => {
    const app = await project('app');
    await backupsOf(app, 2);
    for (const keep of [0, -1, 1.5, Number.NaN]) await assert.rejects(pruneBackups(backups(), app, { keep }), RangeError);
    await assert.rejects(pruneBackups(backups(), app, { keep: 1, maxAgeDays: 0 }), /maxAgeDays must be a positive number/);
    assert.equal((await listBackups(backups(), app)).length, 2);
  });
});
