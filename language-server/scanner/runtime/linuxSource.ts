/**
 * The process table from /proc. Per sample: one readdir of /proc, one read of /proc/<pid>/stat per process,
 * /proc/net/tcp and tcp6; the command line and working folder only for processes not seen before (or that
 * exec'd another program: the kernel's short name or the stack's start moved), and open files only to place new
 * listening sockets.
 */
import { performance } from 'node:perf_hooks';
import { maskCommandLine } from './mask';
import { PortOwners } from './portOwners';
import { parseProcNetTcp, type ListeningSocket } from './procNet';
import { bootTimeMs, CLOCK_TICKS, listPids, openFileCount, pageSize, readArgv, readCwd, readListeningLines, readStat } from './procfs';
import { isKernelThread, type ProcStat } from './procStat';
import { cpuPercentOf, type ProcessRow, type ProcessSource, type SourceStats } from './types';

/** Ports of processes outside projects may lag this much; those in projects are watched by their fd count. */
const PORT_REFRESH_MS = 30_000;

interface Known {
  start: number;
  comm: string;
  startStack: number;
  cpuTicks: number;
  argv0: string;
  command: string;
  cwd: string | null;
  /** ISO start time, formatted once: it never changes for a process, and every sample lists every process. */
  startedAt: string;
}

export class LinuxSource implements ProcessSource {
  readonly platform = 'linux';
  readonly stats: SourceStats = { processes: 0, newProcesses: 0, fdScans: 0, listeningSockets: 0, socketTableReads: 0 };
  private known = new Map<number, Known>();
  private sampledAt: number | null = null;
  private readonly owners = new PortOwners();
  private lastPorts = new Map<number, number[]>();
  private portsStart = new Map<number, number>();
  private fingerprint = '';
  private settling = false;
  private portsReadAt = -Infinity;

  async collect(): Promise<ProcessRow[]> {
    const now = performance.now();
    const elapsedSeconds = this.sampledAt === null ? 0 : (now - this.sampledAt) / 1000;
    const next = new Map<number, Known>();
    const rows: ProcessRow[] = [];
    for (const pid of listPids()) {
      const stat = readStat(pid);
      // Zombies have exited and only wait for their parent to notice; kernel threads run no project.
      if (!stat || stat.state === 'Z' || stat.state === 'X' || isKernelThread(stat)) continue;
      const before = this.known.get(pid);
      const sameProcess = before !== undefined && before.start === stat.startTicks;
      const cpuShare = sameProcess && elapsedSeconds > 0 ? (stat.cpuTicks - before.cpuTicks) / CLOCK_TICKS / elapsedSeconds : null;
      // An exec keeps the pid and often the short name (a pyenv shim exec'ing python, a fork of node seen before
      // it exec'd node): the stack's start, placed anew by every exec, tells the new program from the old one.
      const reuse = sameProcess && before.comm === stat.comm && before.startStack === stat.startStack;
      const known = reuse ? before : describe(stat);
      known.cpuTicks = stat.cpuTicks;
      next.set(pid, known);
      rows.push(this.row(stat, known, cpuShare, !reuse));
    }
    this.known = next;
    this.sampledAt = now;
    this.stats.processes = rows.length;
    this.stats.newProcesses = rows.filter((r) => r.isNew).length;
    return rows;
  }

  /**
   * Listening ports, re-read only when they may have changed: when a process in a project came, went, or
   * opened or closed a file (its fd count moved), and at least every PORT_REFRESH_MS for everything else. An
   * idle dev server changes none of these, so an idle sample reads no socket table at all. A change is read on
   * the next sample too: a server caught between socket() and listen() has its fd counted but no port yet.
   */
  async ports(rows: readonly ProcessRow[], projectOf: ReadonlyMap<number, string | null>): Promise<Map<number, number[]>> {
    const now = performance.now();
    const fingerprint = rows.filter((r) => (projectOf.get(r.pid) ?? null) !== null).map((r) => `${r.pid}:${this.known.get(r.pid)?.start}:${openFileCount(r.pid)}:${projectOf.get(r.pid)}`).join(',');
    this.stats.fdScans = 0;
    const changed = fingerprint !== this.fingerprint;
    if (!changed && !this.settling && now - this.portsReadAt < PORT_REFRESH_MS) {
      // The same processes (pid and start) as when the tables were read: a reused pid gets no stale ports.
      return new Map([...this.lastPorts].filter(([pid]) => this.known.get(pid)?.start === this.portsStart.get(pid)));
    }
    const sockets = [...readSockets('/proc/net/tcp'), ...readSockets('/proc/net/tcp6')];
    const candidates = rows.map((r) => ({ pid: r.pid, start: this.known.get(r.pid)?.start ?? 0, isNew: r.isNew, inProject: (projectOf.get(r.pid) ?? null) !== null }));
    this.lastPorts = this.owners.resolve(sockets, candidates);
    this.portsStart = new Map([...this.lastPorts.keys()].map((pid) => [pid, this.known.get(pid)?.start ?? -1]));
    this.fingerprint = fingerprint;
    this.settling = changed;
    this.portsReadAt = now;
    this.stats.fdScans = this.owners.scanned;
    this.stats.listeningSockets = sockets.length;
    this.stats.socketTableReads++;
    return this.lastPorts;
  }

  private row(stat: ProcStat, known: Known, cpuShare: number | null, isNew: boolean): ProcessRow {
    return {
      pid: stat.pid,
      ppid: stat.ppid,
      argv0: known.argv0,
      command: known.command,
      cwd: known.cwd,
      cpuPercent: cpuPercentOf(cpuShare),
      memoryBytes: stat.rssPages * pageSize(),
      startedAt: known.startedAt,
      isNew,
    };
  }
}

/** The reads done once per process: its command line and folder. */
function describe(stat: ProcStat): Known {
  const { argv, truncated } = readArgv(stat.pid);
  // An empty command line (a process that cleared it) shows its short name, as ps does; a single argument with
  // spaces is a title the process wrote over its argv (npm, postgres, nginx) and is shown unquoted.
  const line = argv.length === 1 ? (argv[0] as string) : argv;
  const command = argv.length > 0 ? maskCommandLine(line) + (truncated ? ' …' : '') : `[${stat.comm}]`;
  const startedAt = new Date(bootTimeMs() + (stat.startTicks * 1000) / CLOCK_TICKS).toISOString();
  return { start: stat.startTicks, comm: stat.comm, startStack: stat.startStack, cpuTicks: stat.cpuTicks, argv0: argv[0] ?? '', command, cwd: readCwd(stat.pid), startedAt };
}

/** A missing table (IPv6 disabled) is no listening sockets, not an error. */
function readSockets(file: string): ListeningSocket[] {
  try {
    return parseProcNetTcp(readListeningLines(file));
  } catch {
    return [];
  }
}
