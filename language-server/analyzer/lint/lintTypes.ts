import type { AnalyzerFinding } from '../types';
import type { LintConfigSource } from './eslintSessions';

/** A file on disk, or an open document's text under its path (which picks the config and the parser). */
export type LintInput = string | { path: string; text: string };

export interface LintOptions {
  /** The workspace is trusted: the project's own eslint.config.* may be loaded (which runs its code). */
  trusted: boolean;
  /** A folder for ESLint's result cache, one per project (e.g. `$OPTIMUS_HOME/cache/eslint/<hash>`); none without it. */
  cacheDir?: string;
  /** Rejects with the signal's reason; checked between batches (a running batch finishes first). */
  signal?: AbortSignal;
  /** Stops starting new batches after this long, and says so in a note. Default 60 s. */
  timeBudgetMs?: number;
  /** At most this many files per run; the rest are reported in a note. Default 5,000. */
  maxFiles?: number;
  /** Larger files are skipped with a note. Default 1 MB. */
  maxFileBytes?: number;
}

export interface LintReport {
  findings: AnalyzerFinding[];
  /** Things the user should know: files skipped and why, a project config that was not used and why. */
  notes: string[];
  config: LintConfigSource;
  /** Files ESLint linted (or answered from its cache). */
  filesLinted: number;
  filesSkipped: number;
  /** Why the run ended before every file was linted; null when it did not. */
  stopped: 'time-budget' | 'max-files' | null;
}
