/** A bare process table (who is whose parent, and whether a process still runs) for stopping process trees. */
import { listPids, readArgv, readStat, readUid } from './procfs';
import { createSource } from './snapshot';

export interface TableEntry {
  pid: number;
  ppid: number;
  /** Process group, where the platform tells it. */
  pgrp: number | null;
  /** Start time in the platform's own terms: tells a reused pid from the process that had it. */
  start: string;
  /** argv[0] as started, what guard.ts compares; the kernel's short name is no substitute (every node is "node"). */
  argv0: string;
}

export interface ProcessTable {
  list(): Promise<TableEntry[]>;
  /** The same process (pid and start) still runs; a zombie has exited. */
  running(entry: TableEntry): Promise<boolean>;
  /** Real uid of the process's owner; null when the platform does not say. */
  ownerUid(pid: number): number | null;
}

/** /proc: a stat and a command-line read per process (a few ms for hundreds), only while something is stopped. */
export const linuxTable: ProcessTable = {
  async list() {
    const out: TableEntry[] = [];
    for (const pid of listPids()) {
      const stat = readStat(pid);
      if (stat && stat.state !== 'Z' && stat.state !== 'X') out.push({ pid, ppid: stat.ppid, pgrp: stat.pgrp, start: String(stat.startTicks), argv0: readArgv(pid).argv[0] ?? '' });
    }
    return out;
  },
  async running(entry) {
    const stat = readStat(entry.pid);
    return stat !== null && stat.state !== 'Z' && stat.state !== 'X' && String(stat.startTicks) === entry.start;
  },
  ownerUid: readUid,
};

/** Elsewhere the sampler's table, and signal 0 to ask whether a pid still runs. UNTESTED ON macOS/WINDOWS. */
export function toolTable(): ProcessTable {
  const source = createSource();
  return {
    async list() {
      return (await source.collect()).map((r) => ({ pid: r.pid, ppid: r.ppid, pgrp: null, start: r.startedAt, argv0: r.argv0 }));
    },
    async running(entry) {
      try {
        process.kill(entry.pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    ownerUid: () => null,
  };
}

export const platformTable = (): ProcessTable => (process.platform === 'linux' ? linuxTable : toolTable());
