import assert from 'node:assert/strict';
import { ProgressMeter } from '../../../language-server/orchestrator/backup/progress';
import type { BackupProgress } from '../../../language-server/orchestrator/backup/types';

describe('backup progress meter', () => {
  it('reports phase changes at once, throttles the steps between, and ends at the totals', () => {
    const seen: BackupProgress[] = [];
    const meter = new ProgressMeter((p) => seen.push(p));
    meter.phase('archiving', { files: 1000, bytes: 5000 });
    for (let i = 0; i < 1000; i++) meter.add(1, 5);
    meter.done();
    assert.ok(seen.length <= 3, `${seen.length} reports for a burst of 1000 steps`);
    assert.deepEqual(seen[0], { phase: 'archiving', filesDone: 0, filesTotal: 1000, bytesDone: 0, bytesTotal: 5000 });
    assert.deepEqual(seen.at(-1), { phase: 'done', filesDone: 1000, filesTotal: 1000, bytesDone: 5000, bytesTotal: 5000 });
  });

  it('hands out copies, so a listener keeping reports sees each as it was', () => {
    const seen: BackupProgress[] = [];
    const meter = new ProgressMeter((p) => seen.push(p));
    meter.phase('archiving', { files: 2, bytes: 2 });
    meter.done();
    assert.equal(seen[0]?.filesDone, 0);
  });

  it('survives a listener that throws, and no listener at all', () => {
    new ProgressMeter(() => { throw new Error('bug'); }).phase('counting');
    new ProgressMeter(undefined).done();
  });
});
