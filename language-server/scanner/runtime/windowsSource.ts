/**
 * The process table on Windows, from PowerShell's Get-CimInstance Win32_Process and `netstat -ano`. UNTESTED ON
 * A REAL WINDOWS MACHINE; the parsers are unit-tested on samples written from the documented formats.
 * Windows does not give other processes' working folders, so processes are placed by the absolute paths in
 * their command lines and by their ancestors. Starting PowerShell costs a few hundred ms of CPU per sample.
 */
import { performance } from 'node:perf_hooks';
import { runTool } from './exec';
import { maskCommandLine } from './mask';
import { parseNetstat, parseWin32Processes, windowsPathHints, WIN32_PROCESS_SCRIPT, type Win32ProcessRow } from './windowsParse';
import { cpuPercentOf, type ProcessRow, type ProcessSource, type SourceStats } from './types';

interface Known {
  startedAt: string;
  cpuTime100ns: number;
  command: string;
  argv0: string;
  pathHints: string[];
}

export class WindowsSource implements ProcessSource {
  readonly platform = 'win32';
  readonly stats: SourceStats = { processes: 0, newProcesses: 0, fdScans: 0, listeningSockets: 0, socketTableReads: 0 };
  private known = new Map<number, Known>();
  private sampledAt: number | null = null;

  async collect(): Promise<ProcessRow[]> {
    const ps = await runTool('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WIN32_PROCESS_SCRIPT], 30000);
    const now = performance.now();
    const elapsedSeconds = this.sampledAt === null ? 0 : (now - this.sampledAt) / 1000;
    const next = new Map<number, Known>();
    // pid 0 is the System Idle Process, not a process.
    const out = parseWin32Processes(ps.stdout).filter((r) => r.pid !== 0).map((r) => {
      const before = this.known.get(r.pid);
      const same = before !== undefined && before.startedAt === r.startedAt;
      const cpu = same && elapsedSeconds > 0 ? (r.cpuTime100ns - before.cpuTime100ns) / 1e7 / elapsedSeconds : null;
      const known = same ? { ...before, cpuTime100ns: r.cpuTime100ns } : describe(r);
      next.set(r.pid, known);
      return toRow(r, known, cpu, !same);
    });
    this.known = next;
    this.sampledAt = now;
    dropStaleParents(out);
    this.stats.processes = out.length;
    this.stats.newProcesses = out.filter((r) => r.isNew).length;
    return out;
  }

  async ports(): Promise<Map<number, number[]>> {
    const byPid = parseNetstat((await runTool('netstat', ['-ano'])).stdout);
    this.stats.listeningSockets = [...byPid.values()].reduce((n, list) => n + list.length, 0);
    this.stats.socketTableReads++;
    return byPid;
  }
}

function describe(r: Win32ProcessRow): Known {
  const argv0 = /^"([^"]*)"|^(\S+)/.exec(r.commandLine);
  return { startedAt: r.startedAt, cpuTime100ns: r.cpuTime100ns, command: maskCommandLine(r.commandLine), argv0: argv0?.[1] ?? argv0?.[2] ?? '', pathHints: windowsPathHints(r.commandLine) };
}

function toRow(r: Win32ProcessRow, known: Known, cpuShare: number | null, isNew: boolean): ProcessRow {
  return {
    pid: r.pid,
    ppid: r.ppid,
    argv0: known.argv0,
    command: known.command,
    cwd: null,
    pathHints: known.pathHints,
    cpuPercent: cpuPercentOf(cpuShare),
    memoryBytes: r.workingSetBytes,
    startedAt: r.startedAt,
    isNew,
  };
}

/**
 * Windows does not re-parent orphans: ParentProcessId may name a dead process whose pid now belongs to a younger,
 * unrelated one. A parent must have started before its child.
 */
function dropStaleParents(rows: ProcessRow[]): void {
  const started = new Map(rows.map((r) => [r.pid, r.startedAt]));
  for (const row of rows) {
    const parentStart = started.get(row.ppid);
    if (parentStart !== undefined && parentStart > row.startedAt) row.ppid = 0;
  }
}
