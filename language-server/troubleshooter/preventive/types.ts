/** Shapes shared by the preventive checks: problems found before a run fails, published as diagnostics. */
import type { AnalyzedLanguage } from '../../analyzer/types';

/** An open document: its text may be newer than the file on disk. */
export interface PreventiveDoc {
  /** Absolute path. */
  path: string;
  text: string;
  language: AnalyzedLanguage;
}

/** One listening TCP port, as the runtime monitor sees it (see listeningPorts.ts for the adapter). */
export interface ListeningPort {
  port: number;
  pid: number;
  /** Masked command line. */
  command: string;
  /** The project the process belongs to; null when it belongs to none. */
  projectPath: string | null;
}

/** Versions of the runtimes the user's shell would start (`20.11.1`, `3.12.2`); absent when unknown. */
export interface InstalledRuntimes {
  node?: string;
  python?: string;
}

export interface PreventiveContext {
  /** Defaults to installedRuntimeVersions(projectDir). */
  installed?: InstalledRuntimes;
  /** Without it the dev-server port check is skipped: nothing is known about ports. */
  listening?: readonly ListeningPort[];
}

export const RULE = {
  missingPackage: 'preventive/missing-package',
  undeclaredPackage: 'preventive/undeclared-package',
  runtimeVersion: 'preventive/runtime-version',
  lockfileOutOfSync: 'preventive/lockfile-out-of-sync',
  envKeyMissing: 'preventive/env-key-missing',
  portTaken: 'preventive/port-taken',
  esmCjsMismatch: 'preventive/esm-cjs-mismatch',
} as const;

export type PreventiveRuleId = (typeof RULE)[keyof typeof RULE];

/** What a quick fix reads from `AnalyzerFinding.data`. */
export type FindingData = Record<string, string | number | boolean>;
