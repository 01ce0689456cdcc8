import type { BackupParams, BackupSummary, ProgressParams, RestoreParams } from '../protocol';
import { runAction, type ActionContext } from './actionGate';
import { backupProject } from './backup/backup';
import { backupFolderFor } from './backup/backupFolder';
import { listBackups, pruneBackups, type BackupListing } from './backup/catalog';
import { restoreBackup, type RestoreResult } from './backup/restore';
import { verifyBackup, type VerifyResult } from './backup/verify';
import { type BackupProgress } from './backup/types';
import { unknownProject } from '../unknownProject';

export interface BackupServiceDeps {
  context: () => ActionContext;
  /** `optimus.backup` settings: folder (empty = $OPTIMUS_HOME/backups) and how many to keep (0 = all). */
  settings: () => { folder: string; keep: number };
  isProject: (path: string) => boolean;
  onProgress: (params: ProgressParams) => void;
}

/** Backups for the server and the CLI: the folder and retention from settings, every write through the gate. */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  folder(): string {
    return backupFolderFor(this.deps.settings().folder);
  }

  async backup(params: BackupParams, signal?: AbortSignal): Promise<BackupSummary> {
    if (!this.deps.isProject(params.path)) throw unknownProject(params.path);
    const backupDir = this.folder();
    const request = { action: 'backup', target: params.path, details: { backupDir, mode: params.mode ?? 'auto' } };
    return runAction(this.deps.context(), request, async () => {
      const onProgress = this.reporter(params.progressId, backupLine);
      const result = await backupProject(params.path, { backupDir, ...(params.mode ? { mode: params.mode } : {}), ...(signal ? { signal } : {}), onProgress });
      const keep = this.deps.settings().keep;
      const pruned = keep > 0 ? (await pruneBackups(backupDir, params.path, { keep })).removed.length : 0;
      const m = result.manifest;
      return {
        manifestPath: result.manifestPath, archivePath: result.archivePath, bundlePath: result.bundlePath,
        fileCount: m.fileCount, totalBytes: m.totalBytes, pruned, skipped: m.skipped.length, ...(m.bundleNote ? { bundleNote: m.bundleNote } : {}),
      };
    });
  }

  list(projectPath?: string): Promise<BackupListing[]> {
    return listBackups(this.folder(), projectPath);
  }

  verify(manifestPath: string, signal?: AbortSignal): Promise<VerifyResult> {
    return verifyBackup(manifestPath, signal ? { signal } : {});
  }

  async restore(params: RestoreParams, signal?: AbortSignal): Promise<Omit<RestoreResult, 'manifest'>> {
    const request = { action: 'restore', target: params.dest, details: { source: params.source } };
    return runAction(this.deps.context(), request, async () => {
      const onProgress = this.reporter(params.progressId, restoreLine);
      const { manifest: _manifest, ...result } = await restoreBackup(params.source, params.dest, { ...(signal ? { signal } : {}), onProgress });
      return result;
    });
  }

  private reporter(progressId: string | undefined, line: (p: BackupProgress) => string): (p: BackupProgress) => void {
    return (p) => {
      if (!progressId) return;
      const percent = p.bytesTotal > 0 ? Math.min(100, Math.round((p.bytesDone / p.bytesTotal) * 100)) : undefined;
      this.deps.onProgress({ progressId, message: line(p), ...(percent === undefined ? {} : { percent }) });
    };
  }
}

function backupLine(p: BackupProgress): string {
  if (p.phase === 'counting') return `Counting files… ${p.filesDone}`;
  if (p.phase === 'archiving') return `Archiving ${p.filesDone}/${p.filesTotal} files`;
  if (p.phase === 'bundling') return 'Bundling the git history…';
  return p.phase === 'done' ? 'Done' : `${p.phase}…`;
}

function restoreLine(p: BackupProgress): string {
  if (p.phase === 'verifying') return 'Checking the archive…';
  if (p.phase === 'restoring') return `Restoring ${p.filesDone}/${p.filesTotal} files`;
  if (p.phase === 'history') return 'Restoring the git history…';
  return p.phase === 'done' ? 'Done' : `${p.phase}…`;
}
