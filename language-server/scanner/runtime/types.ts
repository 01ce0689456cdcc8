/** Types shared by the runtime monitor's parts; the public shapes are ProcessInfo/ProjectRuntime in model.ts. */

/** One process as a platform source reads it, before it is placed in a project. */
export interface ProcessRow {
  pid: number;
  ppid: number;
  /** argv[0] as started, unmasked: tells the editor's own helpers apart (guard.ts). */
  argv0: string;
  /** Masked command line. */
  command: string;
  /** Working folder; null when it cannot be read (another user's process; always on Windows). */
  cwd: string | null;
  /** Absolute paths from the command line, tried when the folder is unknown. */
  pathHints?: string[];
  cpuPercent: number | null;
  memoryBytes: number;
  /** ISO 8601. */
  startedAt: string;
  /** True when this sample is the first to see the process (or the process exec'd another program). */
  isNew: boolean;
}

/**
 * What a platform keeps between samples so that the next one is incremental. Opaque to callers: they pass the
 * `state` a snapshot returned into the next call and never look inside.
 */
export interface ProcessSource {
  readonly platform: 'linux' | 'darwin' | 'win32';
  /** Every process on the machine except kernel threads and zombies. */
  collect(): Promise<ProcessRow[]>;
  /**
   * Listening TCP ports per pid. `projectOf` says which processes belong to projects: their owners are
   * looked for first.
   */
  ports(rows: readonly ProcessRow[], projectOf: ReadonlyMap<number, string | null>): Promise<Map<number, number[]>>;
  /** Counters of the last sample, for the benchmark and tests. */
  readonly stats: SourceStats;
}

export interface SourceStats {
  processes: number;
  newProcesses: number;
  /** Processes whose open files were listed to find socket owners (Linux). */
  fdScans: number;
  listeningSockets: number;
  /** How many times the socket tables were read, in total (Linux skips them while nothing changed). */
  socketTableReads: number;
}

export type SampleState = ProcessSource;

/** A share of one core (0.123) as the percentage ProcessInfo shows (12.3); null before a second sample. */
export function cpuPercentOf(share: number | null): number | null {
  return share === null ? null : Math.max(0, Math.round(share * 1000) / 10);
}
