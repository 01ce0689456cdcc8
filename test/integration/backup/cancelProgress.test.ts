import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BackupCancelled, type BackupProgress } from '../../../language-server/orchestrator/backup/types';
import { backupProject } from '../../../language-server/orchestrator/backup/backup';
import { restoreBackup } from '../../../language-server/orchestrator/backup/restore';
import { ActionCancelled } from '../../../language-server/orchestrator/actionGate';
import { gitRepo } from '../helpers/git';
import { useTempDir } from '../helpers/tempDir';
import { filesUnder, pseudoRandom, write } from './helpers';

describe('backup: progress and cancel', () => {
  const tmp = useTempDir('backup-cancel');
  const project = () => path.join(tmp(), 'app');
  const backups = () => path.join(tmp(), 'backups');

  /** Enough bytes that archiving spans many progress reports. */
  async function makeProject(): Promise<void> {
    for (let i = 0; i < 8; i++) await write(project(), `data/part-${i}.bin`, pseudoRandom(2 * 1024 * 1024, `part${i}`));
    for (let i = 0; i < 200; i++) await write(project(), `src/file-${i}.txt`, `file ${i}\n`);
    await gitRepo(project());
  }

  /** Runs a backup that aborts at the first report `when` accepts; returns what it threw. */
  async function cancelWhen(when: (p: BackupProgress) => boolean): Promise<unknown> {
    const controller = new AbortController();
    const onProgress = (p: BackupProgress): void => {
      if (when(p)) controller.abort();
    };
    return backupProject(project(), { backupDir: backups(), signal: controller.signal, onProgress }).then(
      () => assert.fail('the backup finished despite the cancel'),
      (error: unknown) => error,
    );
  }

  for (const [label, when] of [
    ['while counting', (p: BackupProgress) => p.phase === 'counting'],
    // Archiving reports every 100 ms; should a machine finish first, the cancel lands as bundling begins.
    ['mid-archive', (p: BackupProgress) => (p.phase === 'archiving' && p.bytesDone > 0) || p.phase === 'bundling'],
    ['while bundling', (p: BackupProgress) => p.phase === 'bundling'],
  ] as const) {
    it(`cancelled ${label}: throws BackupCancelled and leaves no file in the backup folder`, async () => {
      await makeProject();
      const error = await cancelWhen(when);
      assert.ok(error instanceof BackupCancelled, `got ${String(error)}`);
      assert.ok(error instanceof ActionCancelled, 'the action gate audits it as cancelled');
      assert.deepEqual(await filesUnder(backups()), [], 'partial files or folders were left');
    });
  }

  it('rejects at once with BackupCancelled when the signal is already aborted', async () => {
    await makeProject();
    await assert.rejects(backupProject(project(), { backupDir: backups(), signal: AbortSignal.abort() }), BackupCancelled);
    assert.deepEqual(await filesUnder(backups()), []);
  });

  it('reports progress that never goes backwards within a phase and ends exactly at the totals', async () => {
    await makeProject();
    const reports: BackupProgress[] = [];
    const result = await backupProject(project(), { backupDir: backups(), onProgress: (p) => reports.push(p) });
    const archiving = reports.filter((r) => r.phase === 'archiving');
    assert.ok(archiving.length >= 2, `only ${archiving.length} archiving reports`);
    for (let i = 1; i < archiving.length; i++) {
      const [a, b] = [archiving[i - 1] as BackupProgress, archiving[i] as BackupProgress];
      assert.ok(b.filesDone >= a.filesDone && b.bytesDone >= a.bytesDone, `went backwards: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
      assert.ok(b.bytesDone <= b.bytesTotal && b.filesDone <= b.filesTotal, `past the totals: ${JSON.stringify(b)}`);
    }
    assert.deepEqual(archiving[0], { phase: 'archiving', filesDone: 0, filesTotal: result.manifest.fileCount, bytesDone: 0, bytesTotal: result.manifest.totalBytes });
    const last = reports.at(-1);
    assert.deepEqual(last, { phase: 'done', filesDone: result.manifest.fileCount, filesTotal: result.manifest.fileCount, bytesDone: result.manifest.totalBytes, bytesTotal: result.manifest.totalBytes });
    const phases = [...new Set(reports.map((r) => r.phase))];
    assert.deepEqual(phases, ['counting', 'archiving', 'bundling', 'done']);
  });

  it('copes with files that grow or vanish between listing and archiving, and progress stays within the totals', async () => {
    await write(project(), 'grows.txt', 'short\n');
    await write(project(), 'vanishes.txt', 'here at listing time\n');
    await write(project(), 'stays.txt', 'constant\n');
    await gitRepo(project());
    const reports: BackupProgress[] = [];
    const onProgress = (p: BackupProgress): void => {
      reports.push(p);
      if (p.phase === 'archiving' && p.bytesDone === 0) {
        appendFileSync(path.join(project(), 'grows.txt'), 'x'.repeat(100_000));
        rmSync(path.join(project(), 'vanishes.txt'));
      }
    };
    const result = await backupProject(project(), { backupDir: backups(), onProgress });
    assert.deepEqual(result.manifest.skipped, [{ path: 'vanishes.txt', reason: 'vanished during the backup' }]);
    assert.equal(result.manifest.fileCount, 2);
    for (const r of reports) assert.ok(r.bytesDone <= r.bytesTotal || r.phase === 'counting', `past the totals: ${JSON.stringify(r)}`);
    const dest = path.join(tmp(), 'restored');
    await restoreBackup(result.manifestPath, dest);
    assert.equal(readFileSync(path.join(dest, 'grows.txt'), 'utf8').length, 6 + 100_000, 'the file is archived as it was when read');
  });

  it('a throwing progress listener does not break the backup', async () => {
    await write(project(), 'a.txt', 'a\n');
    const result = await backupProject(project(), { backupDir: backups(), onProgress: () => { throw new Error('listener bug'); } });
    assert.equal(result.manifest.fileCount, 1);
  });

  for (const [label, when] of [
    ['as extraction starts', (p: BackupProgress) => p.phase === 'restoring'],
    // Extraction reports every 100 ms; a machine fast enough to finish first is still cancelled, at the history.
    ['mid-extract', (p: BackupProgress) => (p.phase === 'restoring' && p.filesDone > 0) || p.phase === 'history'],
    ['while verifying', (p: BackupProgress) => p.phase === 'verifying'],
  ] as const) {
    it(`restore: cancelled ${label} throws BackupCancelled and removes every folder it made`, async () => {
      await makeProject();
      const b = await backupProject(project(), { backupDir: backups() });
      const controller = new AbortController();
      const dest = path.join(tmp(), 'restore-here', 'deep');
      const onProgress = (p: BackupProgress): void => {
        if (when(p)) controller.abort();
      };
      await assert.rejects(restoreBackup(b.manifestPath, dest, { signal: controller.signal, onProgress }), BackupCancelled);
      assert.deepEqual(await filesUnder(path.join(tmp(), 'restore-here')), []);
      assert.equal(existsSync(path.join(tmp(), 'restore-here')), false);
    });
  }

  it('restore: progress ends at the totals', async () => {
    await makeProject();
    const b = await backupProject(project(), { backupDir: backups() });
    const reports: BackupProgress[] = [];
    await restoreBackup(b.manifestPath, path.join(tmp(), 'restored'), { onProgress: (p) => reports.push(p) });
    assert.deepEqual(reports.at(-1), { phase: 'done', filesDone: b.manifest.fileCount, filesTotal: b.manifest.fileCount, bytesDone: b.manifest.totalBytes, bytesTotal: b.manifest.totalBytes });
  });
});
