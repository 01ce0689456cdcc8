import type { BackupProgress, ProgressCallback } from './types';

/** A UI redrawing on every file of a 100k-file tree would spend more time drawing than we spend archiving. */
const MIN_INTERVAL_MS = 100;

/** Keeps the running counts and passes them on at most every 100 ms, except phase changes and the end. */
export class ProgressMeter {
  private readonly state: BackupProgress = { phase: 'counting', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 };
  private last = 0;

  constructor(private readonly callback: ProgressCallback | undefined) {}

  phase(phase: BackupProgress['phase'], totals?: { files: number; bytes: number }): void {
    this.state.phase = phase;
    if (totals) Object.assign(this.state, { filesTotal: totals.files, bytesTotal: totals.bytes, filesDone: 0, bytesDone: 0 });
    this.emit(true);
  }

  add(files: number, bytes: number): void {
    this.state.filesDone += files;
    this.state.bytesDone += bytes;
    this.emit(false);
  }

  /** For work measured from outside (bytes read of a compressed stream) rather than counted step by step. */
  set(filesDone: number, bytesDone: number): void {
    Object.assign(this.state, { filesDone, bytesDone });
    this.emit(false);
  }

  done(): void {
    Object.assign(this.state, { phase: 'done', filesDone: this.state.filesTotal, bytesDone: this.state.bytesTotal });
    this.emit(true);
  }

  private emit(force: boolean): void {
    if (!this.callback) return;
    const now = Date.now();
    if (!force && now - this.last < MIN_INTERVAL_MS) return;
    this.last = now;
    try {
      this.callback({ ...this.state });
    } catch {
      // A throwing progress listener is the caller's bug; it must not abort a backup half-written.
    }
  }
}
