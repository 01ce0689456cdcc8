import { ActionCancelled } from '../actionGate';

export type BackupMode = 'git-files' | 'folder';

/** Reported at most ~10 times a second; the totals are known before the first byte is archived. */
export interface BackupProgress {
  phase: 'counting' | 'archiving' | 'bundling' | 'verifying' | 'restoring' | 'history' | 'done';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export type ProgressCallback = (progress: BackupProgress) => void;

export interface SkippedFile {
  /** Relative to the project folder, `/`-separated. */
  path: string;
  reason: string;
}

export interface StoredFile {
  /** Base name, next to the manifest. */
  file: string;
  bytes: number;
  sha256: string;
}

export interface GitSnapshot {
  /** Commit id HEAD pointed at; null when the branch has no commits yet. */
  head: string | null;
  /** null when HEAD was detached. */
  branch: string | null;
  /** Remote URLs with any user:password part removed (they are restored as remotes, never as secrets). */
  remotes: { name: string; url: string }[];
  /** Stash entries, newest first (absent when there are none); the bundle holds their commits. */
  stashes?: StashEntry[];
}

export interface StashEntry {
  sha: string;
  /** The reflog message `git stash list` shows. */
  message: string;
}

/** The JSON written next to each archive; `format`/`version` let a later Optimus read older backups. */
export interface BackupManifest {
  format: 'optimus-backup';
  version: 1;
  projectPath: string;
  projectName: string;
  /** ISO 8601. */
  createdAt: string;
  mode: BackupMode;
  fileCount: number;
  /** Bytes of file content archived (before compression). */
  totalBytes: number;
  archive: StoredFile;
  /** null when there is no history to bundle; `bundleNote` says why. */
  bundle: StoredFile | null;
  bundleNote?: string;
  git: GitSnapshot | null;
  /** Files, symlinks and folders not archived (unreadable, vanished, sockets, submodules) and why. */
  skipped: SkippedFile[];
  /** Files that changed while being read: archived, but their copy is zero-padded where reading stopped. */
  incomplete?: SkippedFile[];
  /** Dependency and build folders left out on purpose in folder mode (`node_modules`, `.venv`, ...). */
  excluded?: string[];
}

export interface BackupOptions {
  backupDir: string;
  /** Default: `git-files` for a git repository, `folder` otherwise. */
  mode?: BackupMode;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

export interface BackupResult {
  manifestPath: string;
  archivePath: string;
  bundlePath: string | null;
  manifest: BackupManifest;
}

/**
 * Thrown when the caller's signal aborts a backup or a restore, after partial files are removed. It is an
 * ActionCancelled so the action gate audits it as `cancelled`, not as an error.
 */
export class BackupCancelled extends ActionCancelled {
  constructor(what: 'backup' | 'restore') {
    super(`The ${what} was cancelled; nothing partial was left behind.`);
    this.name = 'BackupCancelled';
  }
}

/** True for the errors an aborted signal produces from git, streams and our own checks. */
export function isAbort(error: unknown): boolean {
  return error instanceof BackupCancelled || (error instanceof Error && error.name === 'AbortError');
}
