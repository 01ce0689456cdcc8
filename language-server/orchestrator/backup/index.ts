/** The backup module's public face: what the server, the CLI and the extension call. */
export { backupProject } from './backup';
export { listBackups, pruneBackups, type BackupListing, type PruneOptions, type PruneResult } from './catalog';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
export { UnsafeArchive } from './archiveCheck';
export { verifyBackup, type VerifiedPart, type VerifyResult } from './verify';
export {
  BackupCancelled,
  isAbort,
  type BackupManifest,
  type BackupMode,
  type BackupOptions,
  type BackupProgress,
  type BackupResult,
  type GitSnapshot,
  type ProgressCallback,
  type SkippedFile,
  type StoredFile,
} from './types';
