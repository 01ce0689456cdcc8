import type { BackupProgress, ProgressCallback } from '../orchestrator/backup/types';
import type { Stream } from './command';

const MB = 1024 * 1024;

/**
 * One line redrawn in place on stderr (`\r`, then clear to the end of the line). Only for a terminal: in a
 * pipe or a log the redraws would pile up as hundreds of lines, so callers pass `enabled: false` there.
 */
export function progressLine(err: Stream, enabled: boolean): { onProgress?: ProgressCallback; clear(): void } {
  if (!enabled) return { clear: () => undefined };
  let drawn = false;
  return {
    onProgress(p) {
      err.write(`\r\x1b[K${describe(p)}`);
      drawn = true;
    },
    clear() {
      if (drawn) err.write('\r\x1b[K');
    },
  };
}

function describe(p: BackupProgress): string {
  if (p.filesTotal === 0 && p.bytesTotal === 0) return `${p.phase}…`;
  const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
  return `${p.phase}: ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / MB).toFixed(1)}/${(p.bytesTotal / MB).toFixed(1)} MB (${percent}%)`;
}
